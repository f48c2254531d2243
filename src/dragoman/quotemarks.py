"""Repair quotation marks broken by web pages and copy-paste, so quotes can be found later.

Pages often open a quote with a double mark and close it with a single one (``"terrorist
group'``), or open with both (``"'strongly reiterated``). A paragraph is repaired alone: a double
opener is closed by the next double mark that looks like a closer; when none comes before the
next opener (or the paragraph's end), the first single mark that looks like a closer is taken as
the closer and rewritten to match the opener. Apostrophes inside words (``It's``) are never
touched, and a stray single mark glued to a double opener is dropped. Two apostrophes or two
backquotes standing for one double mark (``''Not now,'' he said``: news archives and typewriter
copy) become that mark. A right double mark with a space before it and a word after it opens a
quote (``”Fear. I am afraid”``) and becomes a left one. A left mark glued to the comma or colon
before it (``said,“Look``) gets a space, or the tokeniser makes one word of the verb and the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

DOUBLE_OPEN = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb"}
DOUBLE_CLOSE = {'"', "\u201d", "\u00bb"}
DOUBLE_MARK = re.compile("[" + re.escape("".join(sorted({*DOUBLE_OPEN, *DOUBLE_CLOSE}))) + "]")
SINGLES = {"'", "\u2018", "\u2019"}
DOUBLED_MARKS = re.compile(r"``|''(?!\w)|(?<!\w)''")
GLUED_OPENER = re.compile("([,:])(\u201c)(?=\\w)")  # 'Ryan said,\u201cLook': the tokeniser keeps it one word


def is_wordchar(ch: str) -> bool:
    return ch.isalnum()


def looks_like_closer(text: Sequence[str], i: int) -> bool:
    """A mark after a non-space and before a space, punctuation or the end (``text``: a string,
    or the list of its characters being mended)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not is_wordchar(after)


def looks_like_opener(text: Sequence[str], i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014-/") and not after.isspace()


def is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return is_wordchar(before) and is_wordchar(after)


def repair_quotes(paragraph: str) -> str:
    """The paragraph with every double-mark quote closed by a matching double mark."""
    text = DOUBLED_MARKS.sub('"', paragraph) if "``" in paragraph or "''" in paragraph else paragraph
    text = GLUED_OPENER.sub("\\1 \\2", text) if "\u201c" in text else text
    if not any(mark in text for mark in (*DOUBLE_OPEN, "\u201d")):
        return text  # most paragraphs: no double mark to walk to
    chars = list(text)  # the marks' neighbours are read from the list as it is mended, not joined anew at each mark
    i = 0
    while i < len(chars):
        if chars[i] == "\u201d" and looks_like_opener(chars, i) and not looks_like_closer(chars, i):
            chars[i] = "\u201c"  # a right mark that opens: space before, word after
        ch = chars[i]
        if ch in DOUBLE_OPEN and looks_like_opener(chars, i):
            i = close_quote(chars, i)
        i += 1
    return "".join(chars)


def close_quote(chars: list[str], opener: int) -> int:
    """Find and mend the closer of the quote opened at ``opener``; return where scanning resumes."""
    closer_mark = DOUBLE_OPEN[chars[opener]]
    if opener + 1 < len(chars) and chars[opener + 1] in SINGLES:
        del chars[opener + 1]
    text = "".join(chars)
    double_closer = None
    for j in range(opener + 1, len(chars)):
        if chars[j] in DOUBLE_CLOSE or chars[j] in DOUBLE_OPEN:
            if looks_like_closer(text, j) and not looks_like_opener(text, j):
                double_closer = j
            break
    nested_open = False
    limit = double_closer if double_closer is not None else next_opener(text, opener)
    for j in range(opener + 1, limit):
        if chars[j] not in SINGLES or is_apostrophe(text, j):
            continue
        if looks_like_opener(text, j):
            nested_open = True
        elif looks_like_closer(text, j):
            if nested_open:
                nested_open = False
            elif double_closer is None:
                chars[j] = closer_mark
                return j
    return double_closer if double_closer is not None else opener


def next_opener(text: str, start: int) -> int:
    for j in range(start + 1, len(text)):
        if text[j] in DOUBLE_OPEN and looks_like_opener(text, j):
            return j
    return len(text)


@dataclass
class Quoted:
    """The stretch between a pair of double quotation marks (``start``/``end``: the words)."""

    start: int
    end: int


def quoted_spans(text: str) -> list[Quoted]:
    """Pairs of double marks within each paragraph; an unclosed one runs to the paragraph's end.
    Only the marks are visited (a regular expression finds them), not every character."""
    found = []
    offset = 0
    for paragraph in text.split("\n\n"):
        opened: Optional[int] = None
        for mark in DOUBLE_MARK.finditer(paragraph):
            i, ch = mark.start(), mark.group()
            if opened is None and ch in DOUBLE_OPEN:
                opened = i
            elif opened is not None and ch in DOUBLE_CLOSE:
                if i > opened + 1:
                    found.append(Quoted(offset + opened + 1, offset + i))
                opened = None
        if opened is not None and len(paragraph) > opened + 1:
            found.append(Quoted(offset + opened + 1, offset + len(paragraph.rstrip())))
        offset += len(paragraph) + 2
    return found
