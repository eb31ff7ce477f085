from pathlib import Path

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


def test_a_read_only_site_is_reported_and_left_as_it_was(tmp_path, monkeypatch):
    import errno

    import pytest

    from generator.failures import describe_os_error
    from generator.paths import ProjectPaths

    site, fresh = tmp_path / "site", tmp_path / "build" / "site.x"
    site.mkdir(); (site / "index.html").write_text("old")
    fresh.mkdir(parents=True); (fresh / "index.html").write_text("new")
    real_rename = Path.rename

    def read_only_site(self, target):  # root ignores chmod, so the refusal is injected
        if site in (self, Path(target)):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", read_only_site)
    with pytest.raises(OSError) as caught:
        swap_in(fresh, site)
    assert (site / "index.html").read_text() == "old"
    assert not (tmp_path / "site.old").exists()
    assert describe_os_error(caught.value, ProjectPaths(tmp_path)) == (
        "site/ 是只读的或没有写入权限，无法写入：请改为可写后重新生成。原有的 site/ 保持不变。")


def test_leftovers_of_a_killed_build_are_cleaned_and_a_half_swapped_site_restored(tmp_path):
    from generator.paths import ProjectPaths
    from generator.site.mkdocs_build import clean_leftovers

    paths = ProjectPaths(tmp_path)
    (paths.build / "site.abc123").mkdir(parents=True)
    (paths.build / "site.abc123" / "index.html").write_text("half")
    (tmp_path / "site.old").mkdir()  # killed between the two renames of swap_in
    (tmp_path / "site.old" / "index.html").write_text("old")
    clean_leftovers(paths)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "site"]
    assert (tmp_path / "site" / "index.html").read_text() == "old"
    assert list(paths.build.iterdir()) == []


def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path):
    import subprocess
    import sys

    from generator.process import build_lock

    code = ("import sys\nfrom pathlib import Path\nfrom generator.process import build_lock\n"
            "with build_lock(Path(sys.argv[1])):\n    print('got the lock', flush=True)\n")
    with build_lock(tmp_path):
        second = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        waiting = second.stderr.readline()
        assert waiting.startswith("另一个生成过程（进程 ") and "正在使用 build/，等它结束后继续" in waiting
        assert second.poll() is None
    out, _ = second.communicate(timeout=30)
    assert out == "got the lock\n"
