"""Text derived from content, shared by the site and the checklists."""
from __future__ import annotations


def short_title(text: str, limit: int = 26) -> str:
    """The first clause of a requirement, to serve as its heading."""
    for stop in "。；，：":
        head = text.split(stop, 1)[0]
        if len(head) <= limit:
            return head
    return text[:limit] + "…"
