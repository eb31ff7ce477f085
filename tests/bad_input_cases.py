"""The mini project, ways to break it, and one place that runs the check in process.

Each case is a few edits to tests/fixtures/mini (never a copy of the real content) and
the exact problem lines `check` must report.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


from generator.content.problems import ContentError
from generator.paths import ProjectPaths
from generator.project import load_project

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def run_check(root: Path) -> list[str]:
    """Every problem `check` reports for the project at root, as printed; [] when it passes."""
    try:
        load_project(ProjectPaths(root))
    except ContentError as err:
        return [str(problem) for problem in err.problems]
    return []


def copy_mini(target: Path) -> Path:
    shutil.copytree(MINI, target)
    return target


Edit = Callable[[Path], None]


def write(rel: str, data: str | bytes) -> Edit:
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return apply


def replace(rel: str, old: str, new: str) -> Edit:
    """Replace the first `old` in a mini-project file (which must contain it)."""
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def append(rel: str, text: str) -> Edit:
    def apply(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def encode(rel: str, encoding: str) -> Edit:
    """Re-save a mini-project file in another encoding."""
    def apply(root: Path) -> None:
        path = root / rel
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    return apply


def insert_bytes(rel: str, after: str, data: bytes) -> Edit:
    def apply(root: Path) -> None:
        path = root / rel
        raw = path.read_bytes()
        marker = after.encode("utf-8")
        assert marker in raw
        path.write_bytes(raw.replace(marker, marker + data, 1))
    return apply


def remove(rel: str) -> Edit:
    return lambda root: (root / rel).unlink()


def make_dir(rel: str) -> Edit:
    return lambda root: (root / rel).mkdir(parents=True)


def symlink(rel: str, target: str) -> Edit:
    return lambda root: os.symlink(target, root / rel)


def fifo(rel: str) -> Edit:
    return lambda root: os.mkfifo(root / rel)


@dataclass(frozen=True)
class Case:
    name: str
    edits: tuple[Edit, ...]
    expected: tuple[str, ...]

    def apply(self, root: Path) -> None:
        for edit in self.edits:
            edit(root)


def case(name: str, edits: Edit | list[Edit], *expected: str) -> Case:
    return Case(name, tuple(edits) if isinstance(edits, list) else (edits,), expected)


RESAVE = "请用编辑器把它另存为 UTF-8 编码：记事本选“另存为”，编码选“UTF-8”；VS Code 点右下角的编码名称，选“通过编码保存”→“UTF-8”。"
YAML_HINT = "。请检查这一行的缩进、冒号和引号。"

G = "content/glossary.yaml"
Q = "content/sectors/qiye.yaml"
F = "content/sectors/feimei.yaml"
R = "content/risk.yaml"
T = "content/tasks.yaml"
I = "content/indicators.yaml"
S = "content/sources/sources.yaml"
TS = "content/township.yaml"
TP = "content/topics.yaml"
C = "checklists/feimei.yaml"
BILLION_LAUGHS = "terms:\n" + "".join(
    f"  - &l{n} [{', '.join([f'*l{n - 1}'] * 9) if n else 'lol'}]\n" for n in range(9))

CASES = [
    # -- reading and encoding ------------------------------------------
    case("gbk_yaml", encode(G, "gbk"),
         "content/glossary.yaml:2:11: 文件看起来是 GBK/GB18030 编码（Windows 中文系统常见），本项目只接受 UTF-8。" + RESAVE),
    case("gb18030_sector", encode(Q, "gb18030"),
         "content/sectors/qiye.yaml:2:7: 文件看起来是 GBK/GB18030 编码（Windows 中文系统常见），本项目只接受 UTF-8。" + RESAVE),
    case("utf16_with_bom", encode(R, "utf-16"),
         "content/risk.yaml:1:1: 文件是 UTF-16 编码（常见于记事本的“Unicode”选项），本项目只接受 UTF-8。" + RESAVE),
    case("utf16_big_endian_without_bom", encode(T, "utf-16-be"),
         "content/tasks.yaml:1:1: 文件是 UTF-16 编码（常见于记事本的“Unicode”选项），本项目只接受 UTF-8。" + RESAVE),
    case("utf8_bom_is_accepted", write(G, b"\xef\xbb\xbf" + (MINI / G).read_bytes())),
    case("invalid_utf8_byte", insert_bytes(G, "quote: 按规定", b"\xff"),
         "content/glossary.yaml:8:19: 这里有不是 UTF-8 的字节（0xFF），文件可能已损坏或用了别的编码。" + RESAVE),
    case("control_character", insert_bytes(G, "quote: 按规定", b"\x01"),
         "content/glossary.yaml:8:19: 这里有看不见的控制字符 U+0001，请删去它（常见于从 PDF 或网页复制的文字）。"),
    case("nul_byte", insert_bytes(R, "title: 风险", b"\x00"),
         "content/risk.yaml:1:10: 这里有看不见的控制字符 U+0000，请删去它（常见于从 PDF 或网页复制的文字）。"),
    case("delete_character", insert_bytes(T, "intro: 任务", b"\x7f"),
         "content/tasks.yaml:1:10: 这里有看不见的控制字符 U+007F，请删去它（常见于从 PDF 或网页复制的文字）。"),
    case("c1_control_character", insert_bytes(G, "section: 一", "\x9b".encode()),
         "content/glossary.yaml:6:19: 这里有看不见的控制字符 U+009B，请删去它（常见于从 PDF 或网页复制的文字）。"),
    case("escaped_nul_in_double_quotes", replace(G, "quote: 按规定提取和使用安全生产费用", 'quote: "按规定\\x00提取"'),
         "content/glossary.yaml:8:16: 这个值里有看不见的控制字符 U+0000（双引号里的反斜杠转义），请删去它。"),
    case("escaped_bell", replace(R, "title: 风险分级管控", 'title: "风险\\u0007分级"'),
         "content/risk.yaml:1:8: 这个值里有看不见的控制字符 U+0007（双引号里的反斜杠转义），请删去它。"),
    case("escaped_lone_surrogate", replace(R, "title: 风险分级管控", 'title: "风险\\ud800分级"'),
         "content/risk.yaml:1:13: YAML 格式错误：双引号字符串里的 \\u 转义不是有效的字符（如单独的代理项 \\ud800），请删去它" + YAML_HINT),
    case("escaped_escape_character", replace(T, "intro: 任务分工。", 'intro: "\\e[31m任务"'),
         "content/tasks.yaml:1:8: 这个值里有看不见的控制字符 U+001B（双引号里的反斜杠转义），请删去它。"),
    case("directory_named_yaml", make_dir("content/sectors/extra.yaml"),
         "content/sectors/extra.yaml:1:1: content/sectors/extra.yaml 是一个文件夹，不是文件。请把它改名（去掉 .yaml / .txt 后缀）或移出这个目录。"),
    case("symlink_loop", symlink("content/sectors/loop.yaml", "loop.yaml"),
         "content/sectors/loop.yaml:1:1: content/sectors/loop.yaml 是一个循环的符号链接（链接最终又指回自己），请删除它，换成真正的文件。"),
    case("dangling_symlink", symlink("content/sectors/gone.yaml", "nowhere.yaml"),
         "content/sectors/gone.yaml:1:1: content/sectors/gone.yaml 是一个符号链接，但它指向的文件不存在，请删除它或改成真正的文件。"),
    case("named_pipe", fifo("content/sectors/pipe.yaml"),
         "content/sectors/pipe.yaml:1:1: content/sectors/pipe.yaml 不是普通文件（可能是设备或管道），请换成普通的文本文件。"),
    case("huge_file", append(G, ("# " + "很长的注释" * 100 + "\n") * 9000),
         "content/glossary.yaml:1:1: 文件太大（13210 KB，上限 4 MB），不像是手写的内容文件，请检查是否误存了别的文件，或把内容拆成几个文件。"),
    case("huge_line", append(G, "# " + "x" * 20_000 + "\n"),
         "content/glossary.yaml:10:1: 这一行太长（20002 个字符，上限 10000），不像是手写的内容，请检查是否误粘贴了别的数据，或把它分成几行。"),
    case("missing_file", remove(G),
         "content/glossary.yaml:1:1: 缺少这个文件，请从版本库恢复它。"),
    case("missing_registry", remove(T),
         "content/tasks.yaml:1:1: 缺少这个文件，请从版本库恢复它。"),
    case("directory_instead_of_file", [remove(R), make_dir(R)],
         "content/risk.yaml:1:1: content/risk.yaml 是一个文件夹，不是文件。请把它改名（去掉 .yaml / .txt 后缀）或移出这个目录。"),
    # -- YAML structure limits ------------------------------------------
    case("deep_flow_sequences", write(G, "terms: " + "[\n" * 100_000),
         "content/glossary.yaml:50:1: 嵌套层数太深（超过 50 层），内容文件不需要这么多层，请检查是否多了括号或缩进。"),
    case("deep_flow_mappings", write(G, "terms: " + "{a:\n" * 100_000),
         "content/glossary.yaml:50:1: 嵌套层数太深（超过 50 层），内容文件不需要这么多层，请检查是否多了括号或缩进。"),
    case("deep_block_mappings", write(G, "".join(" " * n + f"k{n}:\n" for n in range(200))),
         "content/glossary.yaml:51:51: 嵌套层数太深（超过 50 层），内容文件不需要这么多层，请检查是否多了括号或缩进。"),
    case("deep_block_sequences", write(G, "terms:\n" + "".join(" " * n + "-\n" for n in range(200))),
         "content/glossary.yaml:51:50: 嵌套层数太深（超过 50 层），内容文件不需要这么多层，请检查是否多了括号或缩进。"),
    case("too_many_values", write(G, "terms:\n" + "- a\n" * 60_000),
         "content/glossary.yaml:49999:3: 这个文件的值太多（超过 50000 个），不像是手写的内容，"
         "请检查是否误粘贴了大量数据，或把内容拆成几个文件。"),
    case("recursive_anchor", write(G, "terms: &a\n  - *a\n"),
         "content/glossary.yaml:1:8: 这里用了 YAML 锚点「&a」。本项目的内容不使用锚点（&）和别名（*），请删去它；若是文字，请给整个值加上引号。"),
    case("alias_bomb", write(G, BILLION_LAUGHS),
         "content/glossary.yaml:2:5: 这里用了 YAML 锚点「&l0」。本项目的内容不使用锚点（&）和别名（*），请删去它；若是文字，请给整个值加上引号。"),
    case("anchor_and_alias", [replace(G, "cites:\n", "cites: &c\n"), append(G, "  - term: 别的\n    cites: *c\n")],
         "content/glossary.yaml:4:12: 这里用了 YAML 锚点「&c」。本项目的内容不使用锚点（&）和别名（*），请删去它；若是文字，请给整个值加上引号。"),
    case("undefined_alias", replace(G, "aliases: []", "aliases: *nothing"),
         "content/glossary.yaml:3:14: 这里用了 YAML 别名「*nothing」。本项目的内容不使用锚点（&）和别名（*），请把要重复的内容直接写出来；若是文字，请给整个值加上引号。"),
    case("two_documents", append(G, "---\nterms: []\n"),
         "content/glossary.yaml:10:1: 这里开始了第二个 YAML 文档（“---”），每个文件只能有一个文档，请删去这一行或把内容合并。"),
    case("complex_key", replace(G, "aliases: []", "? [a, b]\n    : c"),
         "content/glossary.yaml:3:7: 这里的键不是简单的文字（键不能是列表或映射），请改成“键: 值”的写法。"),
    case("empty_file", write(G, ""),
         "content/glossary.yaml:1:1: 缺少必填字段「terms」（术语），请补上。"),
    case("only_a_comment", write(G, "# 什么也没有\n"),
         "content/glossary.yaml:1:1: 缺少必填字段「terms」（术语），请补上。"),
    case("top_level_list", write(G, "- term: 安全\n"),
         "content/glossary.yaml:1:1: 「术语表」应为含字段的一组内容（键: 值），这里写的是一个列表。"),
    case("top_level_text", write(G, "安全生产费用\n"),
         "content/glossary.yaml:1:1: 「术语表」应为含字段的一组内容（键: 值），这里写的是文字「安全生产费用」。"),
    # -- YAML syntax ------------------------------------------------------
    case("unclosed_double_quote", replace(Q, "text: 建立健全", 'text: "建立健全'),
         "content/sectors/qiye.yaml:8:11: YAML 格式错误：引号没有闭合：从这里开始的引号直到文件末尾都没有对应的结束引号" + YAML_HINT),
    case("unclosed_single_quote", replace(Q, "text: 建立健全", "text: '建立健全"),
         "content/sectors/qiye.yaml:8:11: YAML 格式错误：引号没有闭合：从这里开始的引号直到文件末尾都没有对应的结束引号" + YAML_HINT),
    case("unclosed_flow_sequence", replace(Q, "topics: [责任体系]", "topics: [责任体系"),
         "content/sectors/qiye.yaml:10:13: YAML 格式错误：方括号列表没有闭合，或两项之间缺少英文逗号" + YAML_HINT),
    case("unclosed_flow_mapping", replace(G, "aliases: []", "aliases: {a: b"),
         "content/glossary.yaml:3:14: YAML 格式错误：花括号没有闭合，或两项之间缺少英文逗号" + YAML_HINT),
    case("tab_indentation", replace(G, "    aliases: []", "\taliases: []"),
         "content/glossary.yaml:3:1: YAML 格式错误：用了制表符（Tab）缩进，请改用空格" + YAML_HINT),
    case("tab_after_a_line", replace(Q, "    actor: enterprise\n    topics: [责任体系]", "    actor: enterprise\n\ttopics: [责任体系]"),
         "content/sectors/qiye.yaml:10:1: YAML 格式错误：用了制表符（Tab）缩进，请改用空格" + YAML_HINT),
    case("indentation_one_space_more", replace(Q, "    actor: enterprise", "     actor: enterprise"),
         "content/sectors/qiye.yaml:9:11: YAML 格式错误：这里不能出现“键: 值”（常见原因：值里有英文冒号加空格，请给整个值加上引号）" + YAML_HINT),
    case("indentation_one_space_less", replace(Q, "    actor: enterprise", "   actor: enterprise"),
         "content/sectors/qiye.yaml:9:4: YAML 格式错误：缩进不一致（这一行比同级的行多了或少了空格）" + YAML_HINT),
    case("list_dash_misaligned", replace(Q, "  - id: QY-002", " - id: QY-002"),
         "content/sectors/qiye.yaml:20:2: YAML 格式错误：缩进不一致，找不到下一个键" + YAML_HINT),
    case("colon_in_value", replace(Q, "text: 建立健全全员安全生产责任制。", "text: 注意: 建立健全全员安全生产责任制。"),
         "content/sectors/qiye.yaml:8:13: YAML 格式错误：这里不能出现“键: 值”（常见原因：值里有英文冒号加空格，请给整个值加上引号）" + YAML_HINT),
    case("duplicate_key", replace(Q, "    actor: enterprise\n", "    actor: enterprise\n    actor: government\n"),
         "content/sectors/qiye.yaml:10:5: 字段「actor」在同一处写了两次，请删除重复的一个。"),
    case("duplicate_top_level_key", append(G, "terms: []\n"),
         "content/glossary.yaml:10:1: 字段「terms」在同一处写了两次，请删除重复的一个。"),
    case("unknown_escape", replace(Q, "text: 建立健全全员安全生产责任制。", 'text: "建立\\q健全"'),
         "content/sectors/qiye.yaml:8:14: YAML 格式错误：双引号字符串里有无法识别的反斜杠转义（要写反斜杠本身请用单引号或写成 \\\\）" + YAML_HINT),
    case("value_starting_with_at", replace(Q, "text: 建立健全全员安全生产责任制。", "text: @建立健全"),
         "content/sectors/qiye.yaml:8:11: YAML 格式错误：字符「@」不能出现在值的开头，请给整个值加上引号" + YAML_HINT),
    case("value_starting_with_backtick", replace(Q, "text: 建立健全全员安全生产责任制。", "text: `建立健全`"),
         "content/sectors/qiye.yaml:8:11: YAML 格式错误：字符「`」不能出现在值的开头，请给整个值加上引号" + YAML_HINT),
    case("percent_directive_line", write(G, "%TAG\n" + (MINI / G).read_text(encoding="utf-8")),
         "content/glossary.yaml:1:5: YAML 格式错误：以 % 开头的行不是内容，请删去它，或给以 % 开头的值加上引号" + YAML_HINT),
    case("missing_colon", replace(Q, "    actor: enterprise", "    actor enterprise"),
         "content/sectors/qiye.yaml:10:5: YAML 格式错误：缺少英文冒号“:”" + YAML_HINT),
    case("text_after_closing_quote", replace(Q, "text: 建立健全全员安全生产责任制。", 'text: "建立健全" 全员'),
         "content/sectors/qiye.yaml:8:18: YAML 格式错误：缩进不一致，找不到下一个键" + YAML_HINT),
    case("stray_closing_bracket", replace(Q, "topics: [责任体系]", "topics: 责任体系]"),
         "content/sectors/qiye.yaml:10:13: 「topics」（主题）应为列表（每项以“- ”开头），这里写的是文字「责任体系]」。"),
    # -- schema -----------------------------------------------------------
    case("unknown_key", replace(Q, "    actor: enterprise\n", "    actor: enterprise\n    actr: government\n"),
         "content/sectors/qiye.yaml:10:5: 不认识的字段「actr」（可能是拼写错误）。这里可以使用的字段：id、title、text、actor、topics、scope、note、cites、check。"),
    case("missing_required_field", replace(Q, "    actor: enterprise\n    topics: [责任体系]", "    topics: [责任体系]"),
         "content/sectors/qiye.yaml:7:5: 缺少必填字段「actor」（责任主体），请补上。"),
    case("text_instead_of_list", replace(Q, "topics: [责任体系]", "topics: 责任体系"),
         "content/sectors/qiye.yaml:10:13: 「topics」（主题）应为列表（每项以“- ”开头），这里写的是文字「责任体系」。"),
    case("list_instead_of_line_number", replace(Q, "lines: 7\n", "lines: [7]\n"),
         "content/sectors/qiye.yaml:14:16: 「lines」（行号）的值「[7]」格式不对：应写成一个行号（如 226）或一个范围（如 79-80）。"),
    case("mapping_instead_of_text", replace(Q, "text: 建立健全全员安全生产责任制。", "text: {a: b}"),
         "content/sectors/qiye.yaml:8:11: 「text」（要求内容）应为文字，这里写的是一组字段。"),
    case("number_instead_of_text", replace(Q, "text: 建立健全全员安全生产责任制。", "text: 123"),
         "content/sectors/qiye.yaml:8:11: 「text」（要求内容）应为文字，这里写的是数字 123。"),
    case("boolean_instead_of_text", replace(Q, "text: 建立健全全员安全生产责任制。", "text: true"),
         "content/sectors/qiye.yaml:8:11: 「text」（要求内容）应为文字，这里写的是true/false。"),
    case("empty_value", replace(Q, "text: 建立健全全员安全生产责任制。", "text:"),
         "content/sectors/qiye.yaml:8:10: 「text」（要求内容）应为文字，这里写的是空值。"),
    case("empty_text", replace(Q, "text: 建立健全全员安全生产责任制。", 'text: ""'),
         "content/sectors/qiye.yaml:8:11: 「text」（要求内容）不能为空，请填写内容。"),
    case("actor_not_allowed", replace(Q, "actor: enterprise", "actor: company"),
         "content/sectors/qiye.yaml:9:12: 「actor」（责任主体）的值「company」不在允许的范围内。允许的值：enterprise（企业）、government（政府及部门）、township（乡镇（街道））。"),
    case("method_not_allowed", replace(Q, "methods: [查资料]", "methods: [问人]"),
         "content/sectors/qiye.yaml:18:17: 「methods」的值「问人」不在允许的范围内。允许的值：查资料、看现场、问人员。"),
    case("id_pattern", replace(Q, "id: QY-001", "id: QY1"),
         "content/sectors/qiye.yaml:7:9: 「id」（编号）的值「QY1」格式不对：应为行业前缀加三位数字，如 FM-001。"),
    case("lines_pattern", replace(Q, "lines: 7\n", "lines: 7 到 8\n"),
         "content/sectors/qiye.yaml:14:16: 「lines」（行号）的值「7 到 8」格式不对：应写成一个行号（如 226）或一个范围（如 79-80）。"),
    case("question_pattern", replace(Q, "question: 是否建立健全", "question: 建立健全"),
         "content/sectors/qiye.yaml:17:17: 「question」（检查内容）的值「建立健全全员安全生产责任制」格式不对：应以“是否”开头，用自己的话写成一个可回答“是/否”的问题。"),
    case("unknown_key_in_glossary", replace(G, "aliases: []", "alias: []"),
         "content/glossary.yaml:3:5: 不认识的字段「alias」（可能是拼写错误）。这里可以使用的字段：term、group、aliases、meanings、cites。"),
    case("unknown_key_in_checklist", append(C, "colour: red\n"),
         "checklists/feimei.yaml:9:1: 不认识的字段「colour」（可能是拼写错误）。这里可以使用的字段：id、form_code、title、heading、description、audience、select、include、exclude、order、own_items、fields、signoff、default_score、scores。"),
    case("checklist_audience_enum", replace(C, "audience: 企业", "audience: 公司"),
         "checklists/feimei.yaml:3:11: 「audience」（使用对象）的值「公司」不在允许的范围内。允许的值：企业、乡镇（街道）。"),
    # -- cross-file checks --------------------------------------------------
    case("unknown_topic", replace(Q, "topics: [责任体系]", "topics: [责任]"),
         "content/sectors/qiye.yaml:10:14: 主题「责任」没有在 content/topics.yaml 中登记。可用的主题：准入与退出、安全投入、执法监管、责任体系。"),
    case("unknown_scope", replace(F, "scope: [地下矿山]", "scope: [井下]"),
         "content/sectors/feimei.yaml:11:13: 适用范围「井下」不在本行业 scopes 列表中。可用的范围：地下矿山、露天矿山。"),
    case("enterprise_without_check", replace(F, "    check:\n      question: 是否达到主要矿种最小开采规模\n"
                                                "      methods: [查资料, 看现场]\n      records: [采矿许可证]\n", ""),
         "content/sectors/feimei.yaml:9:5: 要求「FM-001」的责任主体是企业，必须写 check（检查项），供自查表使用。"),
    case("government_with_check", replace(Q, "actor: enterprise", "actor: government"),
         "content/sectors/qiye.yaml:16:5: 要求「QY-001」的责任主体是政府及部门，不是企业；只有在对象确实是企业时才能写 check，并须注明 derived: true（由我们推导）。"),
    case("enterprise_marked_derived", replace(Q, "      records: [责任制文件]\n", "      records: [责任制文件]\n      derived: true\n"),
         "content/sectors/qiye.yaml:20:7: 要求「QY-001」本身就是企业的责任，不属于推导，请删去 derived。"),
    case("id_without_sector_prefix", replace(Q, "id: QY-001", "id: FM-009"),
         "content/sectors/qiye.yaml:7:9: 要求编号「FM-009」应以本行业的前缀「QY-」开头。"),
    case("wrong_prefix_is_reported_once_not_per_requirement", replace(F, "prefix: FM", "prefix: FN"),
         "content/sectors/feimei.yaml:3:9: 编号前缀是「FN」，但本行业全部 2 条要求的编号都不以「FN-」开头"
         "（用的是 FM）：请改正前缀或编号。"),
    case("sector_id_and_file_name", replace(Q, "id: qiye", "id: qiyee"),
         "content/sectors/qiye.yaml:1:5: 行业标识「qiyee」与文件名「qiye.yaml」不一致，请把文件改名为 qiyee.yaml 或改正标识。"),
    case("duplicate_requirement_id", replace(Q, "id: QY-002", "id: QY-001"),
         "content/sectors/qiye.yaml:20:9: 要求编号「QY-001」与 content/sectors/qiye.yaml:7:9 重复，编号不能重复使用，请改用新的编号。"),
    case("unknown_source", replace(Q, "source: anli", "source: anlii"),
         "content/sectors/qiye.yaml:12:17: 来源文件「anlii」没有在 content/sources/sources.yaml 中登记。已登记的文件：anli。"),
    case("line_out_of_range", replace(Q, "lines: 7\n", "lines: 25\n"),
         "content/sectors/qiye.yaml:14:16: 行号 25 超出了文件「anli」的范围（该文件共 21 行）。"),
    case("reversed_range", replace(Q, "lines: 7-9", "lines: 9-7"),
         "content/sectors/qiye.yaml:27:16: 行号范围「9-7」前大后小，应写成“小-大”，如 79-80。"),
    case("quote_not_in_lines", replace(Q, "quote: 生产经营单位应当建立健全全员安全生产责任制", "quote: 生产经营单位应当建立全员安全责任制"),
         "content/sectors/qiye.yaml:15:16: 引文在「anli」第 7 行中找不到。所引行中最接近的原文是：「.生产经营单位应当建立健全全员安全」。请逐字照抄原文。"),
    case("quote_at_other_lines", replace(Q, "lines: 7\n", "lines: 9\n"),
         "content/sectors/qiye.yaml:15:16: 引文在「anli」第 9 行中找不到。这段文字在第 7 行，请改正行号。"),
    case("quote_across_page_number_line", replace(Q, "lines: 7-9", "lines: 7-8"),
         "content/sectors/qiye.yaml:28:16: 引文在「anli」第 7-8 行中找不到。这段文字在第 7-9 行，请改正行号。"),
    case("no_requirements_out_of_range", replace(S, 'lines: "1-3"', 'lines: "1-30"'),
         "content/sources/sources.yaml:16:17: 行号 1-30 超出了文件「anli」的范围（该文件共 21 行）。"),
    case("indicator_unknown_sector", replace(I, "sectors: [feimei]", "sectors: [feimeii]"),
         "content/indicators.yaml:6:15: 行业「feimeii」不存在（content/sectors/ 中没有 feimeii.yaml）。已有的行业：feimei、qiye。"),
    case("task_unknown_sector", replace(T, "sectors: [feimei]", "sectors: [meikuang]"),
         "content/tasks.yaml:9:15: 行业「meikuang」不存在（content/sectors/ 中没有 meikuang.yaml）。已有的行业：feimei、qiye。"),
    case("duplicate_glossary_term", append(G, "  - term: 安全生产费用\n    group: 法规制度\n    cites:\n      - source: anli\n"
                                              "        section: 一、3\n        lines: 9\n        quote: 安全生产费用\n"),
         "content/glossary.yaml:10:11: 术语「安全生产费用」与 content/glossary.yaml:2:11 重复，编号不能重复使用，请改用新的编号。"),
    case("duplicate_topic", append(TP, "  - {name: 责任体系, slug: zeren-2, description: 重复}\n"),
         "content/topics.yaml:6:12: 主题「责任体系」与 content/topics.yaml:2:12 重复，编号不能重复使用，请改用新的编号。"),
    case("duplicate_topic_slug", append(TP, "  - {name: 新主题, slug: zeren, description: 重复}\n"),
         "content/topics.yaml:6:23: 主题网址名「zeren」与 content/topics.yaml:2:24 重复，编号不能重复使用，请改用新的编号。"),
    case("topic_slug_not_an_address", append(TP, "  - {name: 新主题, slug: 新主题, description: 说明}\n"),
         "content/topics.yaml:6:23: 「slug」（网址名）的值「新主题」格式不对：应为小写拼音或英文字母，如 yinhuan；"
         "拆分成主题分页的行业用它作网址。"),
    case("duplicate_township_system", replace(TS, "systems:\n", "systems:\n  - id: TS-01\n    name: 重复\n    cites:\n"
                                                  "      - source: anli\n        section: 二、7\n        lines: 14\n"
                                                  "        quote: 乡镇要建立安全生产责任制度\n"),
         "content/township.yaml:15:9: 制度编号「TS-01」与 content/township.yaml:8:9 重复，编号不能重复使用，请改用新的编号。"),
    case("duplicate_risk_section", append(R, "  - id: fengxian-dengji\n    title: 重复\n    items:\n      - text: 重复。\n"
                                             "        cites:\n          - source: anli\n            section: 三、9\n"
                                             "            lines: 17\n            quote: 实行分级管控\n"),
         "content/risk.yaml:14:9: 专题标识「fengxian-dengji」与 content/risk.yaml:4:9 重复，编号不能重复使用，请改用新的编号。"),
    case("checklist_unknown_sector", replace(C, "sectors: [feimei, qiye]", "sectors: [feimei, meikuang]"),
         "checklists/feimei.yaml:6:21: 行业「meikuang」不存在。已有的行业：feimei、qiye。"),
    case("checklist_yaml_syntax", replace(C, "audience: 企业", "audience: 企业: 员工"),
         "checklists/feimei.yaml:3:13: YAML 格式错误：这里不能出现“键: 值”（常见原因：值里有英文冒号加空格，请给整个值加上引号）" + YAML_HINT),
    case("checklist_gbk", encode(C, "gbk"),
         "checklists/feimei.yaml:2:8: 文件看起来是 GBK/GB18030 编码（Windows 中文系统常见），本项目只接受 UTF-8。" + RESAVE),
    case("checklist_directory", make_dir("checklists/extra.yaml"),
         "checklists/extra.yaml:1:1: checklists/extra.yaml 是一个文件夹，不是文件。请把它改名（去掉 .yaml / .txt 后缀）或移出这个目录。"),
]

# One root cause reported once: a file with a schema error still takes part, nothing downstream
# repeats a consequence, and source texts are read through reading.read_source_text.
PIPELINE_CASES = [
    case("sector_schema_error_does_not_cascade", replace(F, "actor: enterprise", "actor: company"),
         "content/sectors/feimei.yaml:9:12: 「actor」（责任主体）的值「company」不在允许的范围内。"
         "允许的值：enterprise（企业）、government（政府及部门）、township（乡镇（街道））。"),
    case("schema_error_and_broken_quote_in_one_file",
         [replace(F, "actor: enterprise", "actor: company"),
          replace(F, "quote: 县应急管理局每季度组织一次非煤矿山执法检查", "quote: 县应急管理局每月组织一次非煤矿山执法检查")],
         "content/sectors/feimei.yaml:9:12: 「actor」（责任主体）的值「company」不在允许的范围内。"
         "允许的值：enterprise（企业）、government（政府及部门）、township（乡镇（街道））。",
         "content/sectors/feimei.yaml:29:16: 引文在「anli」第 12 行中找不到。所引行中最接近的原文是："
         "「县应急管理局每季度组织一次非煤矿山执法检」。请逐字照抄原文。"),
    case("gbk_source_text", encode("content/sources/anli.txt", "gbk"),
         "content/sources/anli.txt:1:1: 文件看起来是 GBK/GB18030 编码（Windows 中文系统常见），本项目只接受 UTF-8。" + RESAVE),
    case("source_text_linked_from_outside_content",
         [write("outside.txt", (MINI / "content/sources/anli.txt").read_bytes()),
          remove("content/sources/anli.txt"), symlink("content/sources/anli.txt", "../../outside.txt")],
         "content/sources/sources.yaml:4:11: content/sources/anli.txt 指向 content/ 以外的文件，不能作为来源正文。"
         "请把原文复制进 content/sources/，不要用链接。"),
    case("missing_source_text_is_one_line", remove("content/sources/anli.txt"),
         "content/sources/sources.yaml:4:11: 找不到文件 content/sources/anli.txt，请从版本库恢复它或改正文件名。"),
    case("unknown_key_in_the_source_registry_is_one_line", replace(S, "    short: 安平实施意见\n", "    short: 安平实施意见\n    shrt: 安平\n"),
         "content/sources/sources.yaml:7:5: 不认识的字段「shrt」（可能是拼写错误）。这里可以使用的字段："
         "id、file、title、short、issuer、doc_number、date、type、status、province、city、district、level、period、period_end、notes、"
         "no_requirements、redactions、allowed_personal_data。"),
    case("phone_number_in_a_source_text",
         replace("content/sources/anli.txt", "实施意见\n\n", "实施意见\n联系电话：0123-4567890\n"),
         "content/sources/anli.txt:4:6: 这里像是固定电话（0123-4567890）：来源正文不能公开个人信息。"
         "请把它换成“〔个人信息已隐去〕”（不要删行，行号保持不变），并在 sources.yaml 该来源的 redactions 中登记这一行；"
         "如果这是公开的热线或办公电话，请在 allowed_personal_data 中写明行号、原文和理由。"),
    case("allowance_for_text_the_source_does_not_have",
         replace(S, "    no_requirements:\n", "    allowed_personal_data:\n      - {lines: 7, text: 0123-4567890, reason: 公开的值班电话}\n"
                                          "    no_requirements:\n"),
         "content/sources/sources.yaml:16:17: 第 7 行没有需要允许的“0123-4567890”：原文已改或行号不对，请改正或删去这一条。"),
    case("broken_registry_entry_does_not_fail_its_citations", replace(S, "    status: 正式印发\n", "    status: 草稿\n"),
         "content/sources/sources.yaml:11:13: 「status」（状态）的值「草稿」不在允许的范围内。允许的值：正式印发、征求意见稿。"),
    case("broken_topic_entry_is_reported_once",
         replace("content/topics.yaml", "description: 企业主体责任和属地监管责任", "descripton: 企业主体责任"),
         "content/topics.yaml:2:5: 缺少必填字段「description」（说明），请补上。",
         "content/topics.yaml:2:31: 不认识的字段「descripton」（可能是拼写错误）。这里可以使用的字段：name、slug、description。"),
    case("unparsable_sector_is_not_reported_again_by_indicators_or_checklists", write(F, "id: feimei\nname: [\n"),
         "content/sectors/feimei.yaml:3:1: YAML 格式错误：这里缺少内容（可能多了一个括号或符号）。请检查这一行的缩进、冒号和引号。"),
    case("unusable_township_file_is_reported_once", replace("content/township.yaml", "systems:", "sytems:"),
         "content/township.yaml:1:1: 缺少必填字段「systems」（制度），请补上。",
         "content/township.yaml:7:1: 不认识的字段「sytems」（可能是拼写错误）。这里可以使用的字段：intro、cites、systems、archives、sections。"),
    case("checklist_errors_reported_with_content_errors",
         [replace(G, "aliases: []", "alias: []"), append(C, "colour: red\n")],
         "checklists/feimei.yaml:9:1: 不认识的字段「colour」（可能是拼写错误）。这里可以使用的字段："
         "id、form_code、title、heading、description、audience、select、include、exclude、order、own_items、fields、signoff、default_score、scores。",
         "content/glossary.yaml:3:5: 不认识的字段「alias」（可能是拼写错误）。这里可以使用的字段：term、group、aliases、meanings、cites。"),
]
