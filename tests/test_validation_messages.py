"""Every kind of content mistake gets a message naming file, line, column and what to do."""
from __future__ import annotations

from pathlib import Path

from conftest import run_generator

GOOD_REQUIREMENT = """\
  - id: ZZ-001
    text: 严格执行主要矿种最小开采规模、最低服务年限准入标准。
    actor: government
    topics: [准入与退出]
    cites:
      - source: luan
        section: 第四章 四
        lines: 226
        quote: 严格执行主要矿种最小开采规模、最低服务年限准入标准
"""


def _second_requirement(actor: str) -> str:
    """A valid requirement ZZ-002 apart from its actor."""
    return f"""\
  - id: ZZ-002
    text: 测试。
    actor: {actor}
    topics: [准入与退出]
    cites:
      - source: luan
        section: 第四章
        lines: 226
        quote: 严格执行主要矿种
"""


def _sector(body: str, header: str = "") -> str:
    return ("id: zz\nname: 测试行业\nprefix: ZZ\nsummary: 测试用。\nscopes: [地下矿山]\n" + header
            + "requirements:\n" + body)


def _check(root: Path, name: str, text: str) -> list[str]:
    path = root / "content" / "sectors" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = run_generator(root, "check")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert lines[-1].startswith("共发现 ") and lines[-1].endswith(" 处问题，网站没有生成，原有网站保持不变。")
    return [line for line in lines[:-1] if line.startswith(f"content/sectors/{name}:")]


def test_a_valid_file_passes(project_copy):
    path = project_copy / "content" / "sectors" / "zz.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(_sector(GOOD_REQUIREMENT), encoding="utf-8")
    result = run_generator(project_copy, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("内容校验通过：")


def test_yaml_syntax(project_copy):
    assert _check(project_copy, "zz.yaml", _sector(GOOD_REQUIREMENT) + "  - id: ZZ-002\n   text: x\n") == [
        "content/sectors/zz.yaml:17:4: YAML 格式错误：缩进不一致（这一行比同级的行多了或少了空格）。"
        "请检查这一行的缩进、冒号和引号。"]


def test_unknown_key_missing_field_wrong_type_and_enum(project_copy):
    body = GOOD_REQUIREMENT.replace("    actor: government\n", "    actr: government\n") \
        .replace("topics: [准入与退出]", "topics: 准入与退出") + _second_requirement("company")
    assert _check(project_copy, "zz.yaml", _sector(body)) == [
        "content/sectors/zz.yaml:7:5: 缺少必填字段「actor」（责任主体），请补上。",
        "content/sectors/zz.yaml:9:5: 不认识的字段「actr」（可能是拼写错误）。这里可以使用的字段："
        "id、title、text、actor、topics、scope、note、cites、check。",
        "content/sectors/zz.yaml:10:13: 「topics」（主题）应为列表（每项以“- ”开头），这里写的是文字「准入与退出」。",
        "content/sectors/zz.yaml:18:12: 「actor」（责任主体）的值「company」不在允许的范围内。"
        "允许的值：enterprise（企业）、government（政府及部门）、township（乡镇（街道））。",
    ]


def test_pattern_and_format_hints(project_copy):
    body = GOOD_REQUIREMENT.replace("id: ZZ-001", "id: ZZ1").replace("lines: 226", "lines: 226 到 227")
    assert _check(project_copy, "zz.yaml", _sector(body)) == [
        "content/sectors/zz.yaml:7:9: 「id」（编号）的值「ZZ1」格式不对：应为行业前缀加三位数字，如 FM-001。",
        "content/sectors/zz.yaml:14:16: 「lines」（行号）的值「226 到 227」格式不对："
        "应写成一个行号（如 226）或一个范围（如 79-80）。",
    ]


def test_unknown_source_range_outside_and_quote_not_found(project_copy):
    body = GOOD_REQUIREMENT + """\
      - source: luanx
        section: 第四章
        lines: 226
        quote: 严格执行
      - source: luan
        section: 第四章
        lines: 400-431
        quote: 严格执行
      - source: luan
        section: 第四章
        lines: 226
        quote: 严格执行主要矿山最小开采规模
      - source: luan
        section: 第四章
        lines: 225
        quote: 严格执行主要矿种最小开采规模
"""
    assert _check(project_copy, "zz.yaml", _sector(body)) == [
        "content/sectors/zz.yaml:16:17: 来源文件「luanx」没有在 content/sources/sources.yaml 中登记。"
        "已登记的文件：shanwei、luan、leizhou、jiangmen、liwan。",
        "content/sectors/zz.yaml:22:16: 行号 400-431 超出了文件「luan」的范围（该文件共 430 行）。",
        "content/sectors/zz.yaml:27:16: 引文在「luan」第 226 行中找不到。所引行中最接近的原文是："
        "「严格执行主要矿种最小开采规模」。请逐字照抄原文。",
        "content/sectors/zz.yaml:31:16: 引文在「luan」第 225 行中找不到。这段文字在第 226 行，请改正行号。",
    ]


def test_unknown_topic_scope_and_check_rules(project_copy):
    body = GOOD_REQUIREMENT.replace("topics: [准入与退出]", "topics: [准入]\n    scope: [露天]") + _second_requirement("enterprise")
    problems = _check(project_copy, "zz.yaml", _sector(body))
    assert problems[0].startswith("content/sectors/zz.yaml:10:14: 主题「准入」没有在 content/topics.yaml 中登记。可用的主题：")
    assert problems[1:] == [
        "content/sectors/zz.yaml:11:13: 适用范围「露天」不在本行业 scopes 列表中。可用的范围：地下矿山。",
        "content/sectors/zz.yaml:19:5: 要求「ZZ-002」的责任主体是企业，必须写 check（检查项），供自查表使用。",
    ]


def test_duplicate_ids_across_files(project_copy):
    sectors = project_copy / "content" / "sectors"
    (sectors / "zz.yaml").write_text(_sector(GOOD_REQUIREMENT), encoding="utf-8")
    (sectors / "zy.yaml").write_text(_sector(GOOD_REQUIREMENT), encoding="utf-8")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    problems = result.stderr.strip().split("\n")[:-1]
    assert problems == [
        "content/sectors/zy.yaml:1:5: 行业标识「zz」与文件名「zy.yaml」不一致，请把文件改名为 zz.yaml 或改正标识。",
        "content/sectors/zz.yaml:1:5: 行业标识「zz」与 content/sectors/zy.yaml:1:5 重复，编号不能重复使用，请改用新的编号。",
        "content/sectors/zz.yaml:3:9: 编号前缀「ZZ」与 content/sectors/zy.yaml:3:9 重复，编号不能重复使用，请改用新的编号。",
        "content/sectors/zz.yaml:7:9: 要求编号「ZZ-001」与 content/sectors/zy.yaml:7:9 重复，编号不能重复使用，请改用新的编号。",
    ]
