"""The sentence a person reads when a build cannot write its output or a preview step fails."""
from __future__ import annotations

import errno
from pathlib import Path

from generator.paths import ProjectPaths

_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def describe_os_error(err: OSError, paths: ProjectPaths) -> str:
    """One sentence naming the folder that could not be written, and what to do."""
    folder = _top_folder(err.filename, paths)
    if err.errno in _DISK_FULL:
        return f"磁盘空间已满，无法写入 {folder}：请清理磁盘（或删除 build/ 后）重新生成。原有的 site/ 保持不变。"
    if err.errno in _READ_ONLY:
        return f"{folder} 是只读的或没有写入权限，无法写入：请改为可写后重新生成。原有的 site/ 保持不变。"
    if err.errno in (errno.EEXIST, errno.ENOTDIR):
        return f"{folder} 应当是文件夹，但现在是一个文件：请把它改名或删除后重新生成。原有的 site/ 保持不变。"
    reason = err.strerror or str(err)
    return f"无法写入 {folder}（{reason}）：请检查这个文件夹后重新生成。原有的 site/ 保持不变。"


def _top_folder(filename: object, paths: ProjectPaths) -> str:
    """site/, build/ or dist/ (site.old/ is site/ in the middle of the swap)."""
    if not filename:
        return "项目文件夹"
    path = Path(str(filename))
    try:
        parts = path.resolve().relative_to(paths.root.resolve()).parts
    except ValueError:
        return f"{path.parent}/"
    return f"{parts[0].removesuffix('.old')}/" if parts else "项目文件夹"


def describe_failure(err: Exception, paths: ProjectPaths) -> str:
    """For the preview, which must keep running whatever one re-stage does."""
    if isinstance(err, OSError):
        return describe_os_error(err, paths)
    from jinja2 import TemplateError, TemplateSyntaxError

    if isinstance(err, TemplateSyntaxError):
        return f"{err.filename or err.name}:{err.lineno}:1: 模板有语法错误：{err.message}。"
    if isinstance(err, TemplateError):
        return f"模板出错：{err}。"
    return f"生成页面时出错（{type(err).__name__}：{err}）。"
