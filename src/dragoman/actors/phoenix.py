"""Convert the Phoenix (PETRARCH) actor dictionaries into JSON Lines a person can read and edit.

Usage: python -m dragoman.actors.phoenix PHOENIX_DIR OUT_DIR

The dictionaries (MIT, Open Event Data Alliance) use the TABARI format: an entry line
``NAME_ [CODE]`` or ``NAME_``, then ``+ALIAS`` lines, then indented ``[CODE date-range]`` lines,
where a range is ``>YYMMDD`` (from), ``<YYMMDD`` (until) or ``YYMMDD-YYMMDD`` (both; six- or
eight-digit dates). Agents (``Phoenix.agents.txt``) are ``PHRASE {PLURALS} [~SECTOR]`` with
``!SET!`` substitutions. The output keeps every name, alias, CAMEO code and date, one entry a
line, with the file and line it came from.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Optional

CODE = re.compile(r"\[([^\]]+)\]")
FILES = {
    "Phoenix.Countries.actors.txt": "phoenix-countries.jsonl",
    "Phoenix.International.actors.txt": "phoenix-international.jsonl",
    "Phoenix.MilNonState.actors.txt": "phoenix-nonstate.jsonl",
}


@dataclass
class Code:
    code: str
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass
class Entry:
    name: str
    source: str
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    person: bool = False


def phrase(raw: str) -> str:
    """``SERGEY_V._LAVROV_`` -> ``SERGEY V. LAVROV`` (case is kept; matching ignores it)."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def expand_date(text: str) -> Optional[str]:
    """``080601`` -> ``2008-06-01``; ``19940922`` -> ``1994-09-22``; 00 month/day -> 01."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 50 else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    month, day = text[4:6] if text[4:6] != "00" else "01", text[6:8] if text[6:8] != "00" else "01"
    return f"{text[:4]}-{month}-{day}"


def parse_code(inner: str) -> Code:
    parts = inner.split()
    code = Code(parts[0])
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            code.start = expand_date(span[1:])
        elif span.startswith("<"):
            code.end = expand_date(span[1:])
        elif "-" in span:
            first, last = span.split("-", 1)
            code.start, code.end = expand_date(first), expand_date(last)
    return code


def parse_actors(path: Path) -> Iterator[Entry]:
    current: Optional[Entry] = None
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), start=1):
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if line[:1] in " \t" or text.lstrip().startswith("["):
            if current is not None:
                current.codes.extend(parse_code(c) for c in CODE.findall(text))
            continue
        if text.startswith("+"):
            if current is not None:
                current.aliases.append(phrase(CODE.sub("", text[1:])))
                current.codes.extend(parse_code(c) for c in CODE.findall(text))
            continue
        if current is not None:
            yield current
        current = Entry(name=phrase(CODE.sub("", text)), source=f"{path.name}:{number}",
                        person="CountryInfo.txt" in line or "IGOrulers" in line)
        current.codes.extend(parse_code(c) for c in CODE.findall(text))
    if current is not None:
        yield current


def parse_agents(path: Path) -> Iterator[dict]:
    sets: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        if text.startswith("!") and "=" in text:
            name, values = text.split("=", 1)
            sets[name.strip()] = [v.strip() for v in values.split(",")]
            continue
        codes = CODE.findall(text)
        if not codes:
            continue
        plurals = re.findall(r"\{([^}]*)\}", text)
        head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", text).strip()
        forms = [head] + [p.strip() for p in (plurals[0].split(",") if plurals else []) if p.strip()]
        yield {"phrases": sorted({phrase(f) for form in forms for f in substitute(form, sets)}),
               "sector": codes[0].lstrip("~"), "source": f"{path.name}:{number}"}


def substitute(form: str, sets: dict[str, list[str]]) -> list[str]:
    match = re.search(r"![A-Z]+!", form)
    if not match or match.group() not in sets:
        return [form]
    out = []
    for value in sets[match.group()]:
        out.extend(substitute(form.replace(match.group(), value, 1), sets))
    return out


def convert(phoenix: Path, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, target in FILES.items():
        rows = [asdict(e) for e in parse_actors(phoenix / name) if e.codes]
        write_jsonl(out / target, rows)
        counts[target] = len(rows)
    agents = list(parse_agents(phoenix / "Phoenix.agents.txt"))
    write_jsonl(out / "phoenix-agents.jsonl", agents)
    counts["phoenix-agents.jsonl"] = len(agents)
    return counts


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            row = {k: v for k, v in row.items() if v not in (None, [], False)}
            if "codes" in row:
                row["codes"] = [{k: v for k, v in c.items() if v} for c in row["codes"]]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    for target, count in convert(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(f"{target}: {count} entries")
