"""How often each relation rule fires, and where: the evidence for a hand check of every rule.

Usage: python benchmarks/relation_rules.py ARTICLES.jsonl [--examples N] [--skip-id PREFIX ...]

ARTICLES.jsonl holds one article a line (``id`` and ``text``): the ScrapingHub bodies, re3d's documents (``re3d_score.py input``), any pages. Each
article goes through the whole pipeline; the relations stage's evidence is then gathered again
with the rule that found each piece (``noun:ally``, ``phrase:against``, ``verb:defeat``,
``backing:backed``, ``event:ASSAULT``). Printed: per rule, its firings, the articles they are on,
and up to N examples (the two actors, the kind, the sentence), for a person to judge. Rules that
fire on no article are listed too: a rule kept should show three firings, judged right, on pages
other than the founding article.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

from dragoman.ingest import RawArticle
from dragoman.pipeline import Pipeline
from dragoman.relations import evidence, relation_words


def rules_in_data() -> list[str]:
    """Every rule the word lists define, so that a rule that never fires is seen."""
    words = relation_words()
    rules = {f"noun:{w}" for w in words["nouns"]}
    rules |= {f"phrase:{p['words']}" for p in words["phrases"]}
    rules |= {f"verb:{w}" for w in [*words["hostile_verbs"], *words["hostile_verb_prepositions"],
                                    *words["taking_verbs"], *words["supporting_verbs"]]}
    rules |= {f"backing:{w}" for w in words["backing_participles"]}
    rules |= {f"event:{t}" for t in words["events"]}
    return sorted(rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--skip-id", action="append", default=[], help="leave out articles whose id starts so")
    args = parser.parse_args()
    pipeline = Pipeline()
    firings: dict[str, list[str]] = defaultdict(list)
    pages: dict[str, set[str]] = defaultdict(set)
    with open(args.articles, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            ident = str(row.get("id"))
            if any(ident.startswith(p) for p in args.skip_id):
                continue
            article = pipeline.prepare(RawArticle(source=ident, text=row["text"], id=ident), None)
            if not hasattr(article, "text"):
                continue
            doc = pipeline.nlp(pipeline.doc_for(article))
            for found in evidence(article, doc):
                sentence = " ".join(article.text[found.start:found.end].split())
                firings[found.rule].append(f"{ident[:8]} | {found.a.name} {found.kind} {found.b.name} | {sentence[:160]}")
                pages[found.rule].add(ident)
    for rule in sorted(set(rules_in_data()) | set(firings), key=lambda r: (-len(firings[r]), r)):
        print(f"{rule}: {len(firings[rule])} firings on {len(pages[rule])} articles")
        for example in firings[rule][:args.examples]:
            print(f"    {example}")


if __name__ == "__main__":
    main()
