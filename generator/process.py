"""Process control for builds: one build per checkout, children that die with us, signals as exceptions.

Linux only (fcntl, prctl), like the rest of the tool chain (Debian packages).
"""
from __future__ import annotations

import ctypes
import fcntl
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

_PR_SET_PDEATHSIG = 1
LOCK_NAME = ".build.lock"


class Interrupted(Exception):
    """Ctrl-C (SIGINT) or SIGTERM arrived; exit_code is 128 + the signal number, as shells report it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


def _raise_interrupted(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


def install_signal_handlers() -> None:
    """SIGINT and SIGTERM become Interrupted, so the caller can clean up and print one line."""
    signal.signal(signal.SIGINT, _raise_interrupted)
    signal.signal(signal.SIGTERM, _raise_interrupted)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT/SIGTERM back while a few renames must happen together (swapping site/ in)."""
    blocked = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def die_with_parent() -> None:
    """In a child process: get SIGKILL when the parent dies (even by SIGKILL), and leave Ctrl-C to the parent.

    Used as the pool initializer and as the mkdocs subprocess's preexec_fn, so a killed build
    leaves no export worker or detached `mkdocs build` behind.
    """
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: children may outlive a killed build
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class BuildLocked(Exception):
    pass


@contextmanager
def build_lock(build_dir: Path, wait: bool = True) -> Iterator[None]:
    """An exclusive lock on build/.build.lock for as long as a build writes build/, site/ or dist/.

    A second build in the same checkout waits (and says so) rather than failing: a build is
    short, and the waiting one then starts from the finished one's cache. The lock is released
    by the kernel when the holder dies, so a killed build never leaves a stale lock.
    """
    build_dir.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = open(build_dir / LOCK_NAME, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _lock_holder(handle)
            if not wait:
                raise BuildLocked(f"另一个生成过程（进程 {holder}）正在使用 build/，请等它结束后再试。") from None
            print(f"另一个生成过程（进程 {holder}）正在使用 build/，等它结束后继续……", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the lock


def _lock_holder(handle: IO[str]) -> str:
    handle.seek(0)
    return handle.read().strip() or "未知"
