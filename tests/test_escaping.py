import markdown

from generator.site.escaping import finalize, html_text, markdown_text


def _render(text: str) -> str:
    return markdown.markdown(str(markdown_text(text)), extensions=["attr_list", "tables", "md_in_html"])


def test_html_in_yaml_is_shown_as_text():
    html = _render('<script>alert("x")</script> & <b>粗</b>')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;粗&lt;/b&gt;" in html


def test_markdown_syntax_in_yaml_is_shown_as_text():
    html = _render("**不是粗体** [不是链接](http://x) `code` 3.10 1. 条 # 标题 {#id}")
    assert "<strong>" not in html and "<a " not in html and "<code>" not in html
    assert "**不是粗体** [不是链接](http://x) `code` 3.10 1. 条 # 标题 {#id}" in html


def test_finalize_leaves_marked_safe_values_alone_and_escapes_the_rest():
    assert str(finalize(html_text("<i>"))) == "&lt;i&gt;"
    assert str(finalize("<i>")) == "&lt;i&gt;"
    assert finalize(None) == ""
