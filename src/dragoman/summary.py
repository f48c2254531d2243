"""The ``summary`` output format: an Article record laid out for a person to read."""

from __future__ import annotations

import textwrap

from dragoman.record import Article


def excerpt(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render_summary(article: Article) -> str:
    actors = {a.id: a for a in article.actors}
    name = lambda actor_id: actors[actor_id].name if actor_id in actors else (actor_id or "?")  # noqa: E731
    lines = [
        f"# {article.title or '(no title)'}",
        f"source: {article.source}",
        f"published: {article.published or 'unknown'} ({article.published_from})"
        + (f" · outlet: {article.outlet}" if article.outlet else "")
        + (f" · wire: {article.wire}" if article.wire else "")
        + (f" · by {article.byline}" if article.byline else ""),
        f"body: {len(article.text.split())} words in {article.text.count(chr(10) * 2) + 1} paragraphs",
    ]
    for piece in article.captions:
        lines.append(f"{piece.kind}: {excerpt(piece.text)}")
    if article.removed:
        lines.append("removed: " + ", ".join(f"{p.kind} ({excerpt(p.text, 50)})" for p in article.removed))
    if article.actors:
        lines.append(f"\nactors ({len(article.actors)}):")
        for a in article.actors:
            detail = ", ".join(x for x in (a.role, a.country, a.code, a.type) if x)
            lines.append(f"  {a.name} [{detail}] x{len(a.mentions)}")
    if article.quotes:
        lines.append(f"\nquotes ({len(article.quotes)}):")
        for q in article.quotes:
            who = name(q.speaker) if q.speaker else (q.speaker_text or "?")
            lines.append(f"  {who} ({q.kind}, {q.cue or '-'}): \u201c{excerpt(q.text, 90)}\u201d")
    if article.events:
        lines.append(f"\nevents ({len(article.events)}):")
        for e in article.events:
            where = f" in {e.location.name}" if e.location else ""
            when = f" on {e.date}" if e.date else ""
            lines.append(f"  {e.type} {name(e.source)} -> {name(e.target)}{when}{where} [{e.status}]")
    contested = [c for c in article.claims if c.contradicts]
    if contested:
        lines.append("\ncontested:")
        claims = {c.id: c for c in article.claims}
        for c in contested:
            for other in c.contradicts:
                if c.id < other and other in claims:
                    o = claims[other]
                    lines.append(f"  {name(c.claimant)} {c.stance}: {excerpt(c.text, 70)}")
                    lines.append(f"    vs {name(o.claimant)} {o.stance}: {excerpt(o.text, 70)}")
    if article.relations:
        lines.append("\nrelations:")
        for r in article.relations:
            lines.append(f"  {name(r.a)} {r.kind} {name(r.b)}")
    for warning in article.warnings:
        lines.append(f"warning: {warning}")
    lines.append("\n" + textwrap.indent(textwrap.fill(excerpt(article.text, 400), 96), "  "))
    return "\n".join(lines) + "\n"
