"""Quote attribution on real articles: Dragoman beside textacy's ``direct_quotations``.

Usage: python benchmarks/quotes.py benchmarks/quotes/gold/*.json

The gold files (ours, see their ``note``) list every quoted stretch of twenty ScrapingHub news
pages with its speaker; the pages are read from ``../shared/bench`` by the gold's ``article``
path. Both tools read the same cleaned text (Dragoman's ``text``), and are scored alike: a gold
quote is found when a quote's text contains its phrase and the quote's speaker (actor name,
speaker text or role; for textacy, the speaker tokens) contains the gold speaker. Precision is
over the quotes in marks (Dragoman's direct and partial quotes; all of textacy's). textacy
refuses articles whose quotation marks it finds unbalanced; they count as no quotes found.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from dragoman.errors import InputError
from dragoman.evaluate import actor_index, article_path, fold, load_gold, quote_matches
from dragoman.ingest import read_inputs
from dragoman.pipeline import Pipeline


def textacy_quotes(doc) -> tuple[list[tuple[str, str]], bool]:
    """(speaker, content) pairs from textacy, and whether it refused the article."""
    from textacy.extract.triples import direct_quotations
    try:
        return [(" ".join(t.text for t in q.speaker), " ".join(t.text for t in q.content))
                for q in direct_quotations(doc)], False
    except ValueError:
        return [], True


def textacy_match(pair: tuple[str, str], want: dict) -> bool:
    return fold(want["phrase"]) in fold(pair[1]) and fold(want["speaker"]) in fold(pair[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    args = parser.parse_args()
    try:
        import textacy  # noqa: F401
        with_textacy = True
    except ImportError:
        with_textacy = False
    pipeline = Pipeline()
    n: Counter = Counter()
    for gold_path in args.gold:
        gold = load_gold(gold_path)
        outcome = next(pipeline.analyze_stream(read_inputs([str(article_path(gold_path, gold))], 10_000_000)))
        if isinstance(outcome, InputError):
            print(f"skipped {gold_path}: {outcome}", file=sys.stderr)
            continue
        actors = actor_index(outcome)
        wanted = gold["quotes"]
        n["gold"] += len(wanted)
        n["gold direct"] += sum(w["kind"] == "direct" for w in wanted)
        marked = [q for q in outcome.quotes if q.kind in ("direct", "partial")]
        n["dragoman found"] += sum(any(quote_matches(q, w, actors) for q in outcome.quotes) for w in wanted)
        n["dragoman found direct"] += sum(any(quote_matches(q, w, actors) for q in outcome.quotes)
                                          for w in wanted if w["kind"] == "direct")
        n["dragoman marked"] += len(marked)
        n["dragoman marked right"] += sum(any(quote_matches(q, w, actors) for w in wanted) for q in marked)
        if with_textacy:
            pairs, refused = textacy_quotes(pipeline.nlp(outcome.text))
            n["textacy refused"] += refused
            n["textacy found"] += sum(any(textacy_match(p, w) for p in pairs) for w in wanted)
            n["textacy found direct"] += sum(any(textacy_match(p, w) for p in pairs) for w in wanted if w["kind"] == "direct")
            n["textacy quotes"] += len(pairs)
            n["textacy quotes right"] += sum(any(textacy_match(p, w) for w in wanted) for p in pairs)
    print(f"{len(args.gold)} articles, {n['gold']} gold quotes ({n['gold direct']} direct)")
    print(f"  {'':<10} {'recall':>7} {'direct':>7} {'precision':>9} {'F1':>6}")
    tools = ["dragoman"] + (["textacy"] if with_textacy else [])
    for tool in tools:
        recall = n[f"{tool} found"] / n["gold"]
        direct = n[f"{tool} found direct"] / max(n["gold direct"], 1)
        made = n["dragoman marked"] if tool == "dragoman" else n["textacy quotes"]
        right = n["dragoman marked right"] if tool == "dragoman" else n["textacy quotes right"]
        precision = right / made if made else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  {tool:<10} {recall:7.3f} {direct:7.3f} {precision:9.3f} {f1:6.3f}")
    if with_textacy:
        print(f"  textacy refused {n['textacy refused']} of {len(args.gold)} articles (unbalanced quotation marks)")
    else:
        print("  textacy is not installed: pip install -e '.[bench]' to compare")


if __name__ == "__main__":
    sys.exit(main())
