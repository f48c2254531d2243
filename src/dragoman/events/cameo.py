"""Convert the CAMEO 2.0 verb dictionary into PLOVER verb triggers, one verb a line.

Usage: python -m dragoman.events.cameo CAMEO.2.0.txt CAMEO2PLOVER.txt src/dragoman/data/events/cameo-verbs.jsonl

The dictionary (PETRARCH's, MIT, Open Event Data Alliance) groups verbs in synsets headed
``---  VERB   [code]  ---``; a member line ``VERB {FORMS}`` may carry its own ``[code]``, else
it takes the synset's. Each code becomes a PLOVER type through the CAMEO-to-PLOVER table
(CC BY-SA 4.0, openeventdata/PLOVER); verbs whose code has no PLOVER type (statements, appeals)
or none at all are left out. Patterns (``- * ATTACK [190]``) are not converted: the curated
``triggers.json`` covers the verb-object pairs that matter and wins over this file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Iterator, Optional

HEADER = re.compile(r"^---\s+(\S+)\s+\[([0-9-]+)\]")
MEMBER = re.compile(r"^\+?([A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[(\d+)\])?")


def plover_table(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text("utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def to_plover(code: Optional[str], table: dict[str, str]) -> Optional[str]:
    if not code or not code.isdigit() or code[:2] in ("01", "02"):
        return None
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


def convert(cameo: Path, table_path: Path) -> Iterator[dict]:
    table = plover_table(table_path)
    synset_code: Optional[str] = None
    seen: set[str] = set()
    for number, line in enumerate(cameo.read_text("utf-8", errors="replace").splitlines(), start=1):
        header = HEADER.match(line)
        if header:
            synset_code = header.group(2)
            continue
        if not line[:1].isalpha() and not line.startswith("+"):
            continue
        member = MEMBER.match(line.split("#", 1)[0].strip())
        if member is None:
            continue
        verb = member.group(1).replace("_", " ").lower().strip()
        code = member.group(2) or synset_code
        plover = to_plover(code, table)
        if plover and verb not in seen and " " not in verb:
            seen.add(verb)
            yield {"verb": verb, "code": code, "plover": plover, "source": f"{cameo.name}:{number}"}


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    rows = list(convert(Path(sys.argv[1]), Path(sys.argv[2])))
    with Path(sys.argv[3]).open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    print(f"{sys.argv[3]}: {len(rows)} verbs")
