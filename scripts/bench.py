"""make bench: build times as ratios to a bare `mkdocs build`, serve edit-to-reload, 10x content, page weights, search.

Everything runs in temporary copies of the project (the checkout is never written). Each figure is the
median of --repeat runs (default 3), all measured in this one run, so the ratios compare like with like.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import itertools
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
import functools
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PARTS = ("content", "checklists", "generator", "site_templates", "schema")
CHROMIUM = "/usr/bin/chromium"
QUERIES = ["头顶库", "安全生产责任制", "隐患排查治理", "有限空间", "烟花爆竹", "应急预案"]
# Reports the wall time and the peak memory of the largest process (the build or its mkdocs).
TIMED = ("import resource, subprocess, sys, time\n"
         "t = time.perf_counter()\n"
         "r = subprocess.run(sys.argv[2:], cwd=sys.argv[1], capture_output=True, text=True)\n"
         "w = time.perf_counter() - t\n"
         "sys.stderr.write(r.stderr if r.returncode else '')\n"
         "print(r.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PARTS:
        shutil.copytree(PROJECT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def timed(root: Path, *command: str) -> tuple[float, float]:
    """(seconds, peak MB) of one command run in root."""
    out = subprocess.run([sys.executable, "-c", TIMED, str(root), *command], capture_output=True, text=True)
    code, seconds, peak_kb = out.stdout.split()
    if code != "0":
        sys.exit(f"失败：{' '.join(command)}\n{out.stderr}")
    return float(seconds), int(peak_kb) / 1024


def build(root: Path) -> tuple[float, float]:
    return timed(root, sys.executable, "-m", "generator", "build")


def bare_mkdocs(root: Path) -> float:
    out = Path(tempfile.mkdtemp(prefix="bare.", dir=root))
    try:
        return timed(root, sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                     "--config-file", str(root / "build" / "mkdocs.yml"), "--site-dir", str(out))[0]
    finally:
        shutil.rmtree(out)


def median(values: list[float]) -> float:
    return statistics.median(values)


def edit_sector(root: Path, marker: str) -> None:
    """Change one requirement's text (not a quote) in one sector file."""
    path = root / "content" / "sectors" / "yanhua.yaml"  # one page (not split by topic): the edit shows there
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"(\n    text: )([^\n]*)", lambda m: f"{m.group(1)}{marker}{m.group(2)}", text, count=1)
    assert count == 1
    path.write_text(text, encoding="utf-8")


def unused_prefixes(taken: set[str]):
    for letters in itertools.product(string.ascii_uppercase, repeat=3):
        prefix = "Z" + "".join(letters)
        if prefix not in taken:
            yield prefix


def scale_content(root: Path, factor: int) -> None:
    """Clone every sector file (and its own checklist) factor-1 times under new ids and prefixes; quotes stay valid."""
    sectors = sorted((root / "content" / "sectors").glob("*.yaml"))
    texts = {p: p.read_text(encoding="utf-8") for p in sectors}
    prefixes = {re.search(r"^prefix: (\w+)$", t, re.M).group(1) for t in texts.values()}
    fresh = unused_prefixes(prefixes)
    for path, text in texts.items():
        sid = path.stem
        prefix = re.search(r"^prefix: (\w+)$", text, re.M).group(1)
        checklist = root / "checklists" / f"{sid}.yaml"
        for k in range(1, factor):
            new_id, new_prefix = f"{sid}-x{k}", next(fresh)
            clone = re.sub(rf"\b{prefix}-(\d{{3}})\b", rf"{new_prefix}-\1", text)
            clone = re.sub(r"^id: .*$", f"id: {new_id}", clone, count=1, flags=re.M)
            clone = re.sub(r"^prefix: .*$", f"prefix: {new_prefix}", clone, count=1, flags=re.M)
            clone = re.sub(r"^name: (.*)$", rf"name: \1（副本{k}）", clone, count=1, flags=re.M)
            clone = re.sub(r"^aliases: .*\n", "", clone, count=1, flags=re.M)
            (path.parent / f"{new_id}.yaml").write_text(clone, encoding="utf-8")
            if checklist.exists():
                data = checklist.read_text(encoding="utf-8")
                data = re.sub(rf"\b{prefix}-(\d{{3}})\b", rf"{new_prefix}-\1", data)
                data = re.sub(r"^id: .*$", f"id: {new_id}", data, count=1, flags=re.M)
                # Form codes are unique across checklists: the clone takes its new prefix.
                data = re.sub(r"^form_code: ZCB-[A-Z]+-(\d\d)$", rf"form_code: ZCB-{new_prefix}-\1", data,
                              count=1, flags=re.M)
                data = re.sub(rf"^(\s*- ){sid}$", rf"\g<1>{new_id}", data, flags=re.M)
                data = re.sub(rf"^(\s*sectors: \[){sid}\]$", rf"\g<1>{new_id}]", data, flags=re.M)
                data = re.sub(r"^title: (.*)$", rf"title: \1（副本{k}）", data, count=1, flags=re.M)
                (root / "checklists" / f"{new_id}.yaml").write_text(data, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} 没有响应")


def serve_reload(root: Path, repeat: int, browser) -> list[float]:
    """Save an edit to a sector YAML file; time until the new text is visible in the open page."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        url = f"http://127.0.0.1:{port}/sectors/yanhua/"
        wait_http(url)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        time.sleep(2)  # let the first build settle
        for n in range(repeat):
            marker = f"基准标记{n}号"
            started = time.perf_counter()
            edit_sector(root, marker)
            page.wait_for_function(f"document.body && document.body.innerText.includes({marker!r})",
                                   timeout=60000, polling=50)
            times.append(time.perf_counter() - started)
            time.sleep(1)
        page.close()
    finally:
        server.terminate()
        server.wait()
    return times


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def first_search_result(site: Path, browser) -> list[float]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times = []
    try:
        for query in QUERIES:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="load")
            page.locator("label.md-search__icon, .md-search__input").first.click()
            box = page.locator("input.md-search__input")
            started = time.perf_counter()
            box.type(query)
            page.wait_for_selector(".md-search-result__item", timeout=30000)
            times.append(time.perf_counter() - started)
            page.close()
    finally:
        server.shutdown()
    return times


INSPECT_SCRIPTS = re.compile(r'<(?:script src|link rel="stylesheet" href)="([^"]*assets/(?:inspect|vendor/idb)[^"]*)"')
BIG_CHECKLIST = 200


def inspect_weight(site: Path, checklist: str = "yanhua-lingshou") -> tuple[int, int, int, int, int, int]:
    """What 在线自查 adds: its scripts and styles, one checklist's data and 在线组表's catalog (raw, gzip each)."""
    page = site / "inspect" / "index.html"
    assets = [(page.parent / src).resolve().read_bytes() for src in INSPECT_SCRIPTS.findall(page.read_text("utf-8"))]
    code = b"".join(assets)
    data = (site / "checklists" / "data" / f"{checklist}.js").read_bytes()
    catalog = (site / "checklists" / "data" / "catalog.js").read_bytes()
    return tuple(n for blob in (code, data, catalog) for n in (len(blob), len(gzip.compress(blob, 6))))


def inspect_timings(site: Path, browser) -> tuple[float, float, float]:
    """A 200-item checklist (items of the built-in forms, renumbered): ms to open it, ms per tick, s to the XLSX."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/inspect/", wait_until="load")
        page.wait_for_selector("#aq-new-checklist option", state="attached")
        record_id = page.evaluate("""async (size) => {
            const A = window.AQInspect;
            const parts = [];
            let n = 0, big = null;
            for (const id of ["weihua", "yanhua", "feimei", "gongmao"]) {
              const c = await new Promise(r => { const s = document.createElement("script");
                s.src = A.root + "checklists/data/" + id + ".js";
                const before = A.registerChecklist;
                A.registerChecklist = d => { A.registerChecklist = before; r(d); };
                document.head.appendChild(s); });
              big = big || JSON.parse(JSON.stringify(c));
              for (const part of c.parts) {
                const groups = part.groups.map(g => ({heading: g.heading, items: g.items.filter(() => n < size)
                  .map(i => Object.assign({}, i, {n: ++n}))}));
                parts.push({heading: part.heading, groups: groups});
              }
            }
            big.id = "bench-200"; big.parts = parts; big.checklist_version = "bench";
            const record = A.model.newRecord(big);
            await A.store.saveChecklist(record.checklist_key, big);
            await A.store.saveRecord(record);
            return record.id; }""", BIG_CHECKLIST)
        started = time.perf_counter()
        page.evaluate("id => { location.hash = '#i/' + id; }", record_id)
        page.wait_for_selector(f"#aq-item-{BIG_CHECKLIST}")
        open_ms = (time.perf_counter() - started) * 1000
        # A tick: click → answer stored in memory, card and progress redrawn (measured in the page, per frame).
        tick_ms = page.evaluate("""async (size) => {
            const times = [];
            for (let n = 1; n <= size; n += 5) {
              const label = document.querySelector("#aq-item-" + n + " label.aq-choice--0");
              const t = performance.now();
              label.click();
              document.body.offsetHeight;  // layout included
              times.push(performance.now() - t);
            }
            times.sort((a, b) => a - b);
            return times[Math.floor(times.length / 2)]; }""", BIG_CHECKLIST)
        page.evaluate("id => { location.hash = '#r/' + id; }", record_id)
        page.wait_for_selector(".aq-report")
        started = time.perf_counter()
        with page.expect_download():
            page.get_by_role("button", name="下载 Excel").click()
        xlsx_s = time.perf_counter() - started
        compose_ms = compose_timing(page)
        page.close()
    finally:
        server.shutdown()
    return open_ms, tick_ms, xlsx_s, compose_ms


def compose_timing(page) -> float:
    """在线组表 at its largest: every sector chosen; ms from a click (推导的检查项 off, then on) to the
    redrawn item list, median of 5."""
    page.goto(page.url.split("#")[0] + "#", wait_until="load")
    page.locator("#aq-compose-new").click()
    page.wait_for_selector("#aq-c-title")
    page.evaluate("""() => document.querySelectorAll("[data-choice=sectors] input").forEach(i => i.click())""")
    return page.evaluate("""() => {
        const box = document.querySelector("[data-choice=derived] input");
        const times = [];
        for (let k = 0; k < 10; k++) {
          const t = performance.now();
          box.click();
          document.body.offsetHeight;
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return times[5]; }""")


def page_weights(site: Path) -> tuple[str, int, str, int, int, int]:
    """The largest page, the largest sector page, and the search index (raw, gzip)."""
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    sector = max((site / "sectors").rglob("*.html"), key=lambda p: p.stat().st_size)
    index = (site / "search" / "search_index.json").read_bytes()
    return (largest.relative_to(site).as_posix(), largest.stat().st_size, sector.relative_to(site).as_posix(),
            sector.stat().st_size, len(index), len(gzip.compress(index, 6)))


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "未知"


def _stop(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # so the temporary copies are removed


def main() -> None:
    signal.signal(signal.SIGTERM, _stop)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--no-browser", action="store_true", help="skip the serve and search figures")
    args = parser.parse_args()
    n = args.repeat
    print(f"机器：{os.cpu_count()} 核，{cpu_model()}；Python {platform.python_version()}；每项取 {n} 次的中位数", flush=True)
    with tempfile.TemporaryDirectory(prefix="anquan-bench.") as tmp:
        root = copy_project(Path(tmp) / "project")
        cold, cold_mem, warm, bare, edit = [], [], [], [], []
        for _ in range(n):
            shutil.rmtree(root / "build", ignore_errors=True)
            shutil.rmtree(root / "site", ignore_errors=True)
            seconds, peak = build(root)
            cold.append(seconds)
            cold_mem.append(peak)
        for _ in range(n):
            warm.append(build(root)[0])
            bare.append(bare_mkdocs(root))
        for k in range(n):
            edit_sector(root, f"改{k}")
            edit.append(build(root)[0])
        b = median(bare)
        print(f"裸 mkdocs build（同一批页面）：{b:.1f} 秒", flush=True)
        print(f"完整冷生成：{median(cold):.1f} 秒 = {median(cold) / b:.2f} × 裸 mkdocs", flush=True)
        print(f"无改动再生成：{median(warm):.1f} 秒 = {median(warm) / b:.2f} × 裸 mkdocs（目标 ≤ 1.5）", flush=True)
        print(f"改一个行业文件后生成：{median(edit):.1f} 秒 = {median(edit) / b:.2f} × 裸 mkdocs（目标 ≤ 1.2）", flush=True)
        name, html, sector, sector_html, raw, packed = page_weights(root / "site")
        print(f"页面重量：最大的页面 {name} {html / 1024:.0f} KB，最大的行业页 {sector} {sector_html / 1024:.0f} KB；"
              f"search_index.json（含预建索引）{raw / 1024:.0f} KB，gzip 后 {packed / 1024:.0f} KB", flush=True)

        scaled = copy_project(Path(tmp) / "scaled")
        scale_content(scaled, args.scale)
        # One cold build (its exports scale with the number of checklists), then warm rebuilds for the median.
        big_cold, big_cold_mem = build(scaled)
        big, big_mem = [], []
        for _ in range(n):
            seconds, peak = build(scaled)
            big.append(seconds)
            big_mem.append(peak)
        warm_mem = [build(root)[1] for _ in range(n)]
        sectors = len(list((scaled / "content" / "sectors").glob("*.yaml")))
        print(f"内容放大到 {args.scale} 倍（{sectors} 个行业文件）：无改动再生成 {median(big):.1f} 秒 = "
              f"{median(big) / median(warm):.2f} × 1 倍，峰值内存 {median(big_mem):.0f} MB = "
              f"{median(big_mem) / median(warm_mem):.2f} × 1 倍（{median(warm_mem):.0f} MB）；"
              f"冷生成（1 次）{big_cold:.1f} 秒 = {big_cold / median(cold):.2f} × 1 倍，"
              f"峰值内存 {big_cold_mem:.0f} MB = {big_cold_mem / median(cold_mem):.2f} × 1 倍", flush=True)

        if args.no_browser:
            return
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            reload = serve_reload(root, n, browser)
            print(f"make serve：保存 YAML 到浏览器显示新文字 {median(reload):.1f} 秒（目标 ≤ 3；各次 "
                  f"{'、'.join(f'{t:.1f}' for t in reload)}）", flush=True)
            shutil.rmtree(root / "site", ignore_errors=True)
            build(root)
            search = first_search_result(root / "site", browser)
            print(f"第一条搜索结果（Chromium，本机回环，{len(QUERIES)} 个查询）：中位数 {median(search):.2f} 秒，"
                  f"最慢 {max(search):.2f} 秒", flush=True)
            code, code_gz, data, data_gz, catalog, catalog_gz = inspect_weight(root / "site")
            print(f"在线自查页面：脚本和样式 {code / 1024:.0f} KB（gzip {code_gz / 1024:.0f} KB，Excel 组件另计，点“下载 Excel”"
                  f"时才载入）；一张检查表的数据 {data / 1024:.0f} KB（gzip {data_gz / 1024:.0f} KB）；组表数据 "
                  f"{catalog / 1024:.0f} KB（gzip {catalog_gz / 1024:.0f} KB，打开组表时才载入）", flush=True)
            runs = [inspect_timings(root / "site", browser) for _ in range(n)]
            print(f"在线自查 {BIG_CHECKLIST} 项检查表（Chromium，390 px）：打开 {median([r[0] for r in runs]):.0f} 毫秒，"
                  f"每次勾选 {median([r[1] for r in runs]):.1f} 毫秒（目标 < 16），生成 Excel "
                  f"{median([r[2] for r in runs]):.1f} 秒；组表选全部行业时每次改动重排 {median([r[3] for r in runs]):.0f} 毫秒",
                  flush=True)
            browser.close()


if __name__ == "__main__":
    main()
