from generator.site.mkdocs_build import swap_in


def test_swap_in_replaces_the_site_and_leaves_no_leftovers(tmp_path):
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    site.mkdir(); (site / "old.html").write_text("old")
    fresh.mkdir(); (fresh / "new.html").write_text("new")
    swap_in(fresh, site)
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_in_works_without_a_previous_site(tmp_path):
    fresh = tmp_path / "fresh"
    fresh.mkdir(); (fresh / "index.html").write_text("x")
    swap_in(fresh, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "x"
