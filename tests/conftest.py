"""Shared fixtures: a project copy to break, the real built site, a loopback server and Chromium."""
from __future__ import annotations

import functools
import os
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = PROJECT / "test-artifacts"


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=root,
                          capture_output=True, text=True)


# What a build writes in a checkout; tests build in copies and must leave these alone.
BUILD_OUTPUTS = ("site", "site.old", "build", "dist")


def copy_project(root: Path, parts: tuple[str, ...] = ("content", "generator", "site_templates", "schema")) -> Path:
    root.mkdir(parents=True)
    for name in parts:
        shutil.copytree(PROJECT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the project whose content a test may break (without checklists/)."""
    return copy_project(tmp_path / "project")


def _outputs_state() -> dict[str, tuple[int, int]]:
    state = {}
    for name in BUILD_OUTPUTS:
        for path in [PROJECT / name, *(PROJECT / name).rglob("*")] if (PROJECT / name).exists() else []:
            stat = path.lstat()
            state[path.relative_to(PROJECT).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return state


@pytest.fixture(scope="session", autouse=True)
def shared_npm_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every build in a copy takes the browser libraries from one cache (seeded from a real build's), so
    the npm registry is asked once per run, not once per copy."""
    cache = tmp_path_factory.mktemp("npm-cache")
    if (PROJECT / "build" / "npm").is_dir():
        shutil.copytree(PROJECT / "build" / "npm", cache, dirs_exist_ok=True)
    os.environ["AQ_NPM_CACHE"] = str(cache)
    yield
    os.environ.pop("AQ_NPM_CACHE", None)


@pytest.fixture(scope="session", autouse=True)
def working_tree_stays_clean() -> Iterator[None]:
    """No test may build into the checkout: site/, build/ and dist/ are as they were before the run."""
    before = _outputs_state()
    yield
    after = _outputs_state()
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"tests wrote into the working tree: {changed[:10]}"


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full copy of the project (checklists included), built once with `python -m generator build`."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project",
                        ("content", "checklists", "generator", "site_templates", "schema"))
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def built_site(built_project: Path) -> Path:
    """The real build of the shipped content, in a temporary copy."""
    return built_project / "site"


def seed_export_cache(root: Path, built_project: Path) -> None:
    """Give a copy the built project's checklist files, so its build exports only what it changed."""
    shutil.copytree(built_project / "build" / "cache", root / "build" / "cache", copy_function=os.link)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian chromium is missing: run `make test` (it installs it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def restrict_requests(context, *allowed: str) -> list[str]:
    """Let a browser context load only URLs starting with `allowed` (plus data: and blob:); the list
    collects every other request, which is aborted."""
    outside: list[str] = []

    def route(r):
        if r.request.url.startswith((*allowed, "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return outside


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, site_url):
    """A fresh phone-sized browser profile (its own storage) that may not reach anything but the site."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    outside = restrict_requests(context, site_url)
    yield context
    context.close()
    assert outside == []
