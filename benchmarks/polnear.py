"""Quote attribution on PolNeAR (political news, every attribution annotated), scored by the shared scorer.

Usage: python benchmarks/polnear.py ../shared/bench/quotes/polnear/dev [--scorer PATH] [--limit N] [--textacy]

Dragoman analyses each ``text/*.txt`` of the split; the records go to a temporary folder named
after the text stems, and ``polnear_score.py`` (beside the split's parent by default) scores them:
content P/R/F1, speaker accuracy and attribution P/R/F1 (see the scorer's docstring). PolNeAR is for
research use: nothing of it is copied into the repository, only the figures in RESULTS.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from dragoman.pipeline import Pipeline


def write_records(split: Path, out: Path, limit: int | None) -> int:
    """Analyse the split's texts into ``out/STEM.json``; the number of texts analysed."""
    pipeline = Pipeline()
    texts = sorted((split / "text").glob("*.txt"))[:limit]
    for path in texts:
        article = pipeline.analyze(path.read_text(encoding="utf-8"))
        (out / f"{path.stem}.json").write_text(article.to_json(), encoding="utf-8")
    return len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder holding text/ and attributions/")
    parser.add_argument("--scorer", type=Path, help="polnear_score.py [default: beside the split's parent]")
    parser.add_argument("--limit", type=int, help="only the first N texts (a quick look; the scorer still "
                                                  "counts the others' gold as missed)")
    parser.add_argument("--textacy", action="store_true", help="also score textacy's direct_quotations")
    parser.add_argument("--keep", type=Path, help="write the records here and keep them")
    args = parser.parse_args()
    scorer = args.scorer or args.split.resolve().parent.parent / "polnear_score.py"
    with tempfile.TemporaryDirectory() as temporary:
        out = args.keep or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        count = write_records(args.split, out, args.limit)
        print(f"dragoman on {count} texts:", flush=True)
        subprocess.run([sys.executable, str(scorer), "--polnear", str(args.split), "--pred", str(out)], check=True)
    if args.textacy:
        print("textacy direct_quotations:", flush=True)
        subprocess.run([sys.executable, str(scorer), "--polnear", str(args.split), "--peer", "textacy"], check=True)


if __name__ == "__main__":
    sys.exit(main())
