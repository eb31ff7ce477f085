"""Run the gold queries (tests/search_gold.yaml) in Chromium against the built site.

    python tests/search_eval.py [SITE]     # serves site/ (or SITE) itself; prints recall@1, recall@5 and the misses

A query counts as found at rank k when one of its expected pages (and anchor, where given)
is among the first k result pages. A query that expects nothing counts as found when the
search lists no result.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

HERE = Path(__file__).resolve().parent
GOLD = HERE / "search_gold.yaml"


@dataclass
class Outcome:
    query: str
    kind: str
    expect: list[str]
    pages: list[list[str]]  # result groups: the page first, then its sections

    def rank(self) -> int | None:
        """1-based rank of the first result group holding an expected hit; 0 when nothing was expected and nothing found."""
        if not self.expect:
            return 0 if not self.pages else None
        for rank, group in enumerate(self.pages, 1):
            if any(_matches(href, want) for href in group for want in self.expect):
                return rank
        return None

    def found_within(self, k: int) -> bool:
        rank = self.rank()
        return rank is not None and rank <= k


def _matches(href: str, want: str) -> bool:
    """want is a page path, a path with an anchor, or a path ending in * for every page below it."""
    got = urlparse(href)
    if want.endswith("*"):
        return want[:-1] in got.path
    path, _, anchor = want.partition("#")
    return got.path.endswith(path) and (not anchor or got.fragment == anchor)


def load_gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["queries"]


def search(page, query: str) -> list[list[str]]:
    """Type the query the way a user does and read the result groups."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("Shift")
    box.type(query)
    box.press("Shift")  # CJK text arrives without key events; the search listens for key release
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " const i = document.querySelector('input.md-search__input');"
        " return i.value === q && m && !/初始化|键入/.test(m.textContent); }", arg=query, timeout=15000)
    page.wait_for_timeout(50)
    if "没有" in meta.inner_text():
        return []
    return page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => Array.from(i.querySelectorAll('a')).map(a => a.href))")


def open_search(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("() => !/初始化/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=30000)


def evaluate(page, base_url: str) -> list[Outcome]:
    open_search(page, base_url + "/")
    return [Outcome(q["q"], q.get("kind", ""), list(q.get("expect", [])), search(page, q["q"])) for q in load_gold()]


def report(outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    at1 = sum(o.found_within(1) for o in outcomes) / n
    at5 = sum(o.found_within(5) for o in outcomes) / n
    lines = [f"查询 {n} 条：recall@1 = {at1:.1%}，recall@5 = {at5:.1%}"]
    for o in outcomes:
        if o.found_within(1):
            continue
        top = [urlparse(g[0]).path + ("#" + urlparse(g[0]).fragment if urlparse(g[0]).fragment else "")
               for g in o.pages[:5]]
        where = f"第 {o.rank()} 位" if o.found_within(5) else "未命中"
        lines.append(f"  {where}：{o.query}（{o.kind}）期望 {o.expect}，前 5 个结果 {top}")
    return "\n".join(lines)


def recall_at(outcomes: list[Outcome], k: int) -> float:
    return sum(o.found_within(k) for o in outcomes) / len(outcomes)


def main(argv: list[str]) -> int:
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(HERE))
    from conftest import CHROMIUM, CHROMIUM_ARGS, PROJECT

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    site = Path(argv[0]) if argv else PROJECT / "site"
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        outcomes = evaluate(browser.new_page(), f"http://127.0.0.1:{server.server_address[1]}")
        browser.close()
    server.shutdown()
    print(report(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
