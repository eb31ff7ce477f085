from html import unescape
from types import SimpleNamespace

import markdown

from generator.checklists.export_csv import spreadsheet_text
from generator.checklists.form_html import css_string
from generator.checklists.export_xlsx import HEADER_LIMIT, running_header
from generator.site.escaping import attribute_text, finalize, html_text, markdown_text
from generator.sitemap import nav_title


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


def test_nav_title_is_escaped_once_as_plain_text():
    title = nav_title('<img src=x> "&lt;"')
    assert title == "&lt;img src=x&gt; &#34;&amp;lt;&#34;" and type(title) is str  # the nav is dumped as YAML


def test_css_string_cannot_end_the_string_or_the_style_element():
    value = str(css_string('a"b\'</style><x>&\\\nz'))
    assert value == "a\\22 b\\27 \\3c /style\\3e \\3c x\\3e \\26 \\5c  z"
    assert not set("\"'<>&\n") & set(value)


def test_spreadsheet_text_quotes_every_formula_start_and_nothing_else():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_text(start + "1") == "'" + start + "1"
    assert spreadsheet_text("非煤矿山 =1") == "非煤矿山 =1"
    assert spreadsheet_text("") == ""


def test_excel_running_header_keeps_ampersands_literal_and_within_the_limit():
    form = SimpleNamespace(title="A&B" + "甲" * 300, code="ZCB-X&-01", checklist=SimpleNamespace(version="d-v1"))
    header = running_header(form)
    assert header.startswith("&L&8A&&B甲") and header.endswith("&R&8表单编号 ZCB-X&&-01 · 版本 d-v1")
    assert len(header) <= HEADER_LIMIT and "…" in header


def test_attribute_text_stays_text_inside_inline_html_that_markdown_processes():
    payload = '"><svg onload=alert(3)> [x](javascript:alert(5)) `a` *b* \\[c\\] &lt; 汕尾'
    html = markdown.markdown(f'<span class="aq-badge">x</span> <span title="{attribute_text(payload)}">y</span>',
                             extensions=["attr_list", "md_in_html"])
    assert "<a " not in html and "<code>" not in html and "<svg" not in html
    title = html.split('title="', 1)[1].split('"', 1)[0]
    assert unescape(title) == payload
