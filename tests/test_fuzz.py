"""Seeded random damage to the mini project: never a traceback, always `path:line:col: `.

Each round mutates one or two files of a private copy of tests/fixtures/mini (delete, duplicate
or swap lines, change indentation, swap a value for one of another type, cut the file, insert
bytes including invalid UTF-8 and control characters), runs the check in process and restores
the files. A failure prints the seed and the mutated text, so it can be replayed.
"""
from __future__ import annotations

import random
import re
import traceback
from pathlib import Path

from bad_input_cases import copy_mini, run_check

ROUNDS = 2000
SOURCE_ROUNDS = 300
SEED = 12
PROBLEM = re.compile(r"^((?:content|checklists)/[^:/][^:]*):([0-9]+):([0-9]+): \S")
OTHER_VALUES = [b"123", b"true", b"null", b"", b"[]", b"{}", b"[a, b]", b"{a: b}", b'"x"', b"'y'", b"-1",
                b"0", b"1-2", b"\"\\x00\"", b"\"\\ud800\"", b"&a x", b"*a", b"|", b">", b"!!binary x", b"[",
                b"{", b"\"", b"'", b"#", b"- x", b"? x", b"%", b"@", b"`"]
NOISE = [b"\x00", b"\x01", b"\x1b", b"\x7f", b"\xff", b"\xfe", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80", b"\t",
         b"\r", b"\n", b":", b": ", b"-", b"- ", b"[", b"]", b"{", b"}", b"\"", b"'", b"&", b"*", b"!", b"|",
         b"#", b"%", b"\xef\xbb\xbf", "中".encode(), b" ", b"  ", b"\xc2\x85", b"\xe2\x80\xa8"]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    kind = rng.randrange(8)
    at = rng.randrange(len(lines))
    if kind == 0:
        del lines[at]
    elif kind == 1:
        lines.insert(at, lines[at])
    elif kind == 2:
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == 3:
        body = lines[at].lstrip(b" ")
        lines[at] = rng.choice([b"", b" ", b"   ", b"\t", b"      "]) + body
    elif kind == 4:
        key, sep, _ = lines[at].partition(b": ")
        lines[at] = key + (sep or b": ") + rng.choice(OTHER_VALUES)
    elif kind == 5:
        return data[:rng.randrange(len(data) + 1)]
    else:
        where = rng.randrange(len(data) + 1)
        noise = b"".join(rng.choice(NOISE) for _ in range(rng.randint(1, 3)))
        return data[:where] + noise + data[where:]
    return b"\n".join(lines)


def _bad_lines(problems: list[str], root: Path) -> list[str]:
    bad = []
    for line in problems:
        match = PROBLEM.match(line)
        if not match or int(match[2]) < 1 or int(match[3]) < 1 or not (root / match[1]).parent.is_dir():
            bad.append(line)
    return bad


def _fuzz(root: Path, files: list[Path], rounds: int, seed_base: int) -> list[str]:
    """Run seeded rounds of damage; the failures, the first with the mutated text."""
    originals = {path: path.read_bytes() for path in files}
    failures: list[str] = []
    for round_number in range(rounds):
        seed = seed_base + round_number
        rng = random.Random(seed)
        changed = {}
        for path in rng.sample(files, min(len(files), rng.choice([1, 1, 1, 2]))):
            data = originals[path]
            for _ in range(rng.randint(1, 3)):
                data = _mutate(data, rng)
            path.write_bytes(data)
            changed[path] = data
        try:
            bad = _bad_lines(run_check(root), root)
            if bad:
                failures.append(f"seed {seed}: lines without a position: {bad[:3]}")
        except Exception:  # noqa: BLE001 - the point is to catch anything that escapes
            failures.append(f"seed {seed}: {traceback.format_exc(limit=-3)}")
        if len(failures) == 1 and failures[0].startswith(f"seed {seed}:"):
            for path, data in changed.items():
                failures[0] += f"\n--- {path.relative_to(root)}:\n{data.decode('utf-8', 'replace')}"
        for path in changed:
            path.write_bytes(originals[path])
    return failures


def _report(failures: list[str], rounds: int) -> str:
    return f"{len(failures)} of {rounds} rounds failed:\n" + "\n\n".join(failures[:5])


def test_random_damage_to_yaml_files_never_escapes_as_a_traceback(tmp_path):
    root = copy_mini(tmp_path / "mini")
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    failures = _fuzz(root, files, ROUNDS, SEED * 100_000)
    assert not failures, _report(failures, ROUNDS)


def test_random_damage_to_source_texts_never_escapes_as_a_traceback(tmp_path):
    root = copy_mini(tmp_path / "mini")
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    failures = _fuzz(root, files, SOURCE_ROUNDS, SEED * 100_000 + 50_000)
    assert not failures, _report(failures, SOURCE_ROUNDS)
