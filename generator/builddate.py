"""The date a build is made for: today, or SOURCE_DATE_EPOCH for reproducible builds."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def build_date() -> date:
    """Today's date, or the UTC date of SOURCE_DATE_EPOCH (seconds since 1970) when it is set and valid.

    A value that is not a whole number of seconds (or is out of range) is ignored: the build uses today.
    """
    epoch = _epoch_seconds(os.environ.get(EPOCH_VARIABLE, ""))
    if epoch is None:
        return date.today()
    return datetime.fromtimestamp(epoch, tz=timezone.utc).date()


def _epoch_seconds(value: str) -> int | None:
    text = value.strip()
    if not (text.isascii() and text.isdigit()):  # digits only: no sign, no fraction, no empty value
        return None
    seconds = int(text)
    try:
        datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return seconds
