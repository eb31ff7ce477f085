"""The site under a sub-path of a real nginx (Debian package), with the repository's own configuration."""
from __future__ import annotations

import gzip
import os
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import PROJECT

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_url(built_site, tmp_path_factory):
    work = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    location = (PROJECT / "deploy" / "nginx-anquan.conf").read_text(encoding="utf-8")
    location = location.replace("/srv/anquan/site/", f"{built_site}/")
    temp = "\n".join(f"    {name}_temp_path {work}/{name};" for name in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(f"""{user}daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
{temp}
    server {{
        listen 127.0.0.1:{port};
{location}
    }}
}}
""", encoding="utf-8")
    server = subprocess.Popen(["/usr/sbin/nginx", "-p", str(work), "-c", str(work / "nginx.conf")],
                              stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(server.stderr.read().decode())
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def test_search_index_is_served_gzip_compressed(nginx_url, built_site):
    request = urllib.request.Request(nginx_url + "/anquan/search/search_index.json",
                                     headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        body = response.read()
    plain = (built_site / "search" / "search_index.json").read_bytes()
    assert gzip.decompress(body) == plain
    ratio = len(plain) / len(body)
    print(f"search_index.json: {len(plain) / 1e6:.1f} MB, gzip {len(body) / 1e6:.2f} MB ({ratio:.0f}×)")
    assert ratio > 4  # the prebuilt lunr index is mostly numbers and compresses less than text (about 4.8×)


def test_pages_and_search_work_under_the_sub_path(browser, nginx_url):
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(nginx_url) and
            not r.url.startswith(("data:", "blob:")) else None)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for path in ("/anquan/", "/anquan/sectors/feimei/", "/anquan/checklists/", "/anquan/sources/luan/"):
        response = page.goto(nginx_url + path, wait_until="load")
        assert response.status == 200, path
        assert page.locator("link[rel=stylesheet]").count() > 0
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    page.goto(nginx_url + "/anquan", wait_until="load")
    assert page.url == nginx_url + "/anquan/"
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.type("尾矿库")
    box.press("Shift")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(h.startswith(nginx_url + "/anquan/sectors/feimei/") for h in hrefs), hrefs[:5]
    link = page.locator(".md-search-result__item a").first
    link.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(nginx_url + "/anquan/")
    assert failed == [] and outside == []
    page.close()


def test_self_inspection_works_under_the_sub_path(browser, nginx_url, tmp_path):
    from inspect_flow import CHECKLIST, compose_and_start, make_png, walk_through

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    walk_through(page, f"{nginx_url}/anquan/checklists/{CHECKLIST}/", make_png(tmp_path / "p.png"))
    compose_and_start(page)
    context.close()
