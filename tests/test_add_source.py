"""添加来源文件: real DOCX, PDF and TXT files become citable sources; personal data is caught first.

Every phone number, address and ID here is made up (reserved example domain, the check-digit
example of GB 11643, the standard test card number, numbers no carrier issues).
"""
from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import copy_project, run_generator, seed_export_cache
from inspect_flow import make_png

from generator.content.personal_data import REDACTION_MARK, findings_in_line, is_valid_id_number

TITLE = "示例市应急管理局关于加强有限空间作业安全管理的实施意见"
MASTHEAD = "示例市应急管理局文件"
DOC_NUMBER = "示应急〔2021〕8号"
REQUIREMENT = ("工贸企业应当对有限空间进行辨识，建立有限空间管理台账，并在有限空间出入口设置明显的安全警示标志，"
               "作业前必须严格执行先通风、再检测、后作业的要求，未经通风和检测合格，严禁作业人员进入有限空间。")
CONTACT = "联系人：王某某，联系电话：0123-4567890，手机19900000000。"
MAILBOX = "材料请发送至 someone@example.com，账号：shili2021，密码：Abc-123456。"
TABLE = [["序号", "工作任务", "牵头单位"], ["1", "开展有限空间专项检查", "市应急管理局"]]
SIGNED = "2021年6月30日"


def _paragraphs() -> list[str]:
    return [MASTHEAD, DOC_NUMBER, TITLE, "各县（区）应急管理局：", REQUIREMENT, CONTACT, MAILBOX]


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(MASTHEAD)
    document.add_paragraph(DOC_NUMBER)
    document.add_heading(TITLE, level=1)
    for text in _paragraphs()[3:]:
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(SIGNED)
    document.save(path)
    return path


def make_pdf(path: Path, body: str) -> Path:
    from weasyprint import HTML

    html = ("<html><head><meta charset='utf-8'><style>@page { size: A4; margin: 2cm }"
            "body { font-family: 'WenQuanYi Micro Hei'; font-size: 14pt } p { margin: 0 0 1em }</style></head>"
            f"<body>{body}</body></html>")
    HTML(string=html, base_url=str(path.parent)).write_pdf(path)
    return path


def _content_state(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((root / "content").rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _add(project: Path, document: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return run_generator(project, "add-source", str(document), *options)


def _refused(project: Path, document: Path, *options: str) -> str:
    before = _content_state(project)
    result = _add(project, document, *options)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert _content_state(project) == before, "a refused document changed content/"
    return result.stderr


# -- the personal-data scanner --------------------------------------------------------------------

@pytest.mark.parametrize("line, kind", [
    ("（联系人及电话：张某，0123-4567890）", "固定电话"),
    ("电话：（0123）4567890", "固定电话"),
    ("值班手机 199 0000 0000", "手机号码"),
    ("+86 19900000000", "手机号码"),
    ("传真：4567890", "电话号码"),
    ("发送至 someone@example.com", "电子邮箱"),
    ("邮箱 someone＠example.com", "电子邮箱"),
    ("身份证号码 11010519491231002X", "身份证号"),
    ("开户账号 4111 1111 1111 1111", "银行卡号"),
    ("账号：shili2021", "账号"),
    ("密码：Abc-123456。", "密码"),
    ("联系人：王某某", "联系人信息"),
])
def test_the_scanner_finds_personal_data(line, kind):
    assert kind in [f.kind for f in findings_in_line(line, 1)]


@pytest.mark.parametrize("line", [
    "汕安〔2017〕16号", "粤府办〔2016〕100号", "2016—2020年", "20160101",
    "到2020年，亿元国内生产总值生产安全事故死亡率下降30%", "全市投入资金12345678元",
    "人口 1,234,567 人", "全国安全生产举报投诉电话：12350", "电话：12345",
    "联系人：〔个人信息已隐去〕", "110105194912310021",  # an 18-digit number whose check digit is wrong
    "4111 1111 1111 1112",  # fails the Luhn check
    "建立健全联系人制度", "账号密码管理制度", "版本 1.2.3",
])
def test_the_scanner_leaves_ordinary_text_alone(line):
    assert findings_in_line(line, 1) == []


def test_id_numbers_are_checked_by_their_check_digit_and_birth_date():
    assert is_valid_id_number("11010519491231002X")
    assert not is_valid_id_number("110105194912310021")
    assert not is_valid_id_number("11010519491331002X")  # month 13


def test_the_five_sources_pass_and_the_original_shape_is_caught(project):
    """The shipped texts are clean; the lines that were redacted from shanwei.txt, with made-up data put
    back in their original shape, are each reported with path:line:col."""
    assert run_generator(project, "check").returncode == 0
    text = project / "content" / "sources" / "shanwei.txt"
    lines = text.read_text(encoding="utf-8").split("\n")
    lines[12] = lines[12].replace("联系人及电话：〔个人信息已隐去〕", "联系人及电话：王某某，0123-4567890")
    lines[14] = lines[14].replace("账号：〔个人信息已隐去〕", "账号：someone@example.com")
    lines[15] = lines[15].replace("密码：〔个人信息已隐去〕", "密码：Abc-123456")
    text.write_text("\n".join(lines), encoding="utf-8")
    result = run_generator(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = re.findall(r"^(content/sources/shanwei\.txt:\d+:\d+): 这里像是(\S+?)（", result.stderr, re.M)
    assert [where for where, _ in found] == ["content/sources/shanwei.txt:13:113", "content/sources/shanwei.txt:13:117",
                                            "content/sources/shanwei.txt:15:16", "content/sources/shanwei.txt:16:4"]
    assert {kind for _, kind in found} == {"联系人信息", "固定电话", "电子邮箱", "密码"}
    assert "allowed_personal_data" in result.stderr


def test_the_registry_can_allow_a_public_number_with_a_reason(project):
    text = project / "content" / "sources" / "shanwei.txt"
    lines = text.read_text(encoding="utf-8").split("\n")
    lines[12] = lines[12].replace("联系人及电话：〔个人信息已隐去〕", "值班电话 0123-4567890")
    text.write_text("\n".join(lines), encoding="utf-8")
    registry = project / "content" / "sources" / "sources.yaml"
    yaml_text = registry.read_text(encoding="utf-8")
    allow = ("    allowed_personal_data:\n      - {lines: 13, text: 0123-4567890, reason: 市安委办公开的值班电话}\n"
             "      - {lines: 20, text: 0123-7654321, reason: 已删去的号码}\n")
    registry.write_text(yaml_text.replace("    redactions:\n      - lines: 13\n", allow + "    redactions:\n      - lines: 13\n", 1),
                        encoding="utf-8")
    result = run_generator(project, "check")
    assert "shanwei.txt:13" not in result.stderr
    assert re.search(r"sources\.yaml:\d+:\d+: 第 20 行没有需要允许的“0123-7654321”", result.stderr), result.stderr


# -- add-source ------------------------------------------------------------------------------------

def test_a_docx_with_contact_data_is_refused_without_redact(project, tmp_path):
    message = _refused(project, make_docx(tmp_path / "youxian.docx"))
    assert "含有 6 处像是个人信息的内容，没有写入任何内容" in message
    assert "第 6 段" in message and "--redact" in message
    assert "19900000000" not in message  # the refusal does not repeat the data


def test_a_docx_becomes_a_source_with_redactions_that_keep_line_numbers(project, tmp_path):
    result = _add(project, make_docx(tmp_path / "youxian.docx"), "--redact")
    assert result.returncode == 0, result.stderr
    lines = (project / "content" / "sources" / "youxian.txt").read_text(encoding="utf-8").split("\n")
    assert lines[:5] == [MASTHEAD, DOC_NUMBER, TITLE, "各县（区）应急管理局：", REQUIREMENT]
    assert lines[5] == f"联系人：{REDACTION_MARK}，联系电话：{REDACTION_MARK}，手机{REDACTION_MARK}。"
    assert lines[6] == (f"材料请发送至 {REDACTION_MARK}，账号：{REDACTION_MARK}，密码：{REDACTION_MARK}。")
    assert lines[7:10] == ["\t".join(row) for row in TABLE] + [SIGNED]
    assert "标题：" + TITLE + "（第 3 行）" in result.stdout
    assert "文号：示应急〔2021〕8号（第 2 行）" in result.stdout and "日期：2021-06-30（第 10 行）" in result.stdout
    assert "发文机关：示例市应急管理局（第 1 行）" in result.stdout and "已隐去 6 处个人信息（第 6、7 行）" in result.stdout
    registry = (project / "content" / "sources" / "sources.yaml").read_text(encoding="utf-8")
    assert "  - id: youxian\n    file: youxian.txt\n" in registry
    assert '      - {lines: 6, what: "联系人信息、固定电话、手机号码"}' in registry
    assert '      - {lines: 7, what: "电子邮箱、账号、密码"}' in registry
    # the fields only the author can decide are named by check, one by one
    check = run_generator(project, "check")
    assert check.returncode == 1 and "Traceback" not in check.stderr
    missing = re.findall(r"sources\.yaml:\d+:\d+: 缺少必填字段「(\w+)」", check.stderr)
    assert sorted(missing) == sorted(["short", "type", "status", "province", "city", "level", "period", "period_end"])


def test_a_pdf_with_a_text_layer_is_read_in_paragraphs(project, tmp_path):
    body = "".join(f"<p>{t}</p>" for t in [MASTHEAD, DOC_NUMBER, TITLE, REQUIREMENT, SIGNED])
    result = _add(project, make_pdf(tmp_path / "youxian.pdf", body), "--id", "shili-2021")
    assert result.returncode == 0, result.stderr
    lines = (project / "content" / "sources" / "shili-2021.txt").read_text(encoding="utf-8").split("\n")
    assert REQUIREMENT in lines, "a paragraph wrapped over several PDF lines must come back as one line"
    assert DOC_NUMBER in lines and "文号：示应急〔2021〕8号" in result.stdout
    assert "日期：2021-06-30" in result.stdout


def test_a_gb18030_text_file_is_stored_as_utf8(project, tmp_path):
    source = tmp_path / "gbk-plan.txt"
    source.write_bytes("\r\n".join([TITLE, REQUIREMENT, "二〇二一年六月三十日"]).encode("gb18030"))
    result = _add(project, source)
    assert result.returncode == 0, result.stderr
    stored = (project / "content" / "sources" / "gbk-plan.txt").read_text(encoding="utf-8")
    assert stored == "\n".join([TITLE, REQUIREMENT, "二〇二一年六月三十日"]) + "\n"
    assert "日期：2021-06-30" in result.stdout


def test_a_scanned_pdf_is_refused(project, tmp_path):
    picture = make_png(tmp_path / "scan.png")
    message = _refused(project, make_pdf(tmp_path / "scan.pdf", f"<img src='{picture.name}' width=400>"))
    assert "没有文字层" in message and "OCR" in message


def test_a_password_protected_pdf_is_refused(project, tmp_path):
    plain = make_pdf(tmp_path / "plain.pdf", f"<p>{REQUIREMENT}</p>")
    locked = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", str(plain), str(locked)], check=True)
    assert "受密码保护" in _refused(project, locked)


@pytest.mark.parametrize("name, data, says", [
    ("empty.docx", None, "里没有文字"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "不是有效的 .docx 文件"),
    ("legacy.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "受密码保护，或是改了后缀的旧版 .doc"),
    ("notes.odt", b"PK\x03\x04", "不认识“.odt”格式"),
    ("zero.txt", b"", "是空文件"),
    ("binary.txt", bytes(range(128, 256)) * 4, "既不是 UTF-8 也不是 GB18030"),
    ("fake.pdf", b"hello", "不是有效的 PDF 文件"),
])
def test_unusable_files_are_refused_with_a_sentence(project, tmp_path, name, data, says):
    path = tmp_path / name
    if data is None:
        docx.Document().save(path)
    else:
        path.write_bytes(data)
    assert says in _refused(project, path, "--id", "bad")


def test_ids_and_clashes_are_refused(project, tmp_path):
    source = tmp_path / "规划.txt"
    source.write_text(REQUIREMENT, encoding="utf-8")
    assert "无法从文件名“规划.txt”得到编号" in _refused(project, source)
    assert "编号「Bad_Id」不合规" in _refused(project, source, "--id", "Bad_Id")
    assert "content/sources/luan.txt 已经存在" in _refused(project, source, "--id", "luan")


def test_an_added_source_can_be_cited_and_the_site_builds(tmp_path, built_project):
    """The whole path: add a DOCX, fill in what only the author knows, cite it, build the site."""
    project = copy_project(tmp_path / "project", ("content", "checklists", "generator", "site_templates", "schema"))
    seed_export_cache(project, built_project)
    assert _add(project, make_docx(tmp_path / "youxian.docx"), "--redact").returncode == 0
    registry = project / "content" / "sources" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    filled = {"short": "示例意见", "type": "实施意见", "status": "正式印发", "province": "广东省", "city": "示例市",
              "level": "地级市", "period": "2021—2025 年（“十四五”）", "period_end": "2025"}
    for key, value in filled.items():
        text = re.sub(rf"^    # {key}: .*$", f"    {key}: {value}", text, count=1, flags=re.M)
    text = re.sub(r"^    # district: .*\n", "", text, flags=re.M)
    registry.write_text(text + "    no_requirements:\n      - {lines: \"1-4\", reason: 文头和标题}\n"
                               "      - {lines: \"6-10\", reason: 联系方式、分工表和日期}\n", encoding="utf-8")
    sector = project / "content" / "sectors" / "gongmao.yaml"
    sector.write_text(sector.read_text(encoding="utf-8").rstrip("\n") + """
  - id: GM-901
    text: 对有限空间进行辨识，建立有限空间管理台账，并在出入口设置明显的安全警示标志。
    actor: government
    topics: [专项整治]
    cites:
      - source: youxian
        section: 正文
        lines: 5
        quote: 建立有限空间管理台账
""", encoding="utf-8")
    result = run_generator(project, "build")
    assert result.returncode == 0, result.stderr
    page = next((project / "site" / "sources").glob("youxian*/index.html")).read_text(encoding="utf-8")
    assert TITLE in page and "正式印发" in page and REDACTION_MARK in page
    assert "19900000000" not in page and "someone@example.com" not in page
    sector_page = (project / "site" / "sectors" / "gongmao" / "index.html").read_text(encoding="utf-8")
    assert "GM-901" in sector_page and "示例意见" in sector_page
