// One Article record shown as its text with the evidence highlighted in place: actor mentions,
// quotes (with their speakers), events and claims. Every item is clickable: its evidence is marked
// in the text and its record is shown beside it.
"use strict";

const KINDS = ["actor", "quote", "event", "claim"];
const KIND_LABELS = {actor: "Actors", quote: "Quotes", event: "Events", claim: "Claims"};

// The highlighted stretches of the text: [start, end, kind, id], one per actor mention and per item.
function spansOf(record) {
  const spans = [];
  for (const actor of record.actors) for (const m of actor.mentions) spans.push([m.start, m.end, "actor", actor.id]);
  for (const q of record.quotes) spans.push([q.start, q.end, "quote", q.id]);
  for (const e of record.events) spans.push([e.start, e.end, "event", e.id]);
  for (const c of record.claims) spans.push([c.start, c.end, "claim", c.id]);
  const length = record.text.length;
  return spans.filter(s => s[0] >= 0 && s[1] <= length && s[0] < s[1]);
}

// The text cut at every span boundary; each piece knows the innermost item of each kind covering it.
function segments(record) {
  const spans = spansOf(record);
  const cuts = new Set([0, record.text.length]);
  for (const [start, end] of spans) { cuts.add(start); cuts.add(end); }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = {};
    for (const [s, e, kind, id] of spans) {
      if (s <= start && e >= end && (!covering[kind] || e - s < covering[kind].length)) covering[kind] = {id, length: e - s};
    }
    pieces.push({start, end, covering});
  }
  return pieces;
}

function contestedClaims(record) {
  const ids = new Set();
  for (const c of record.claims) if (c.contradicts && c.contradicts.length) { ids.add(c.id); c.contradicts.forEach(x => ids.add(x)); }
  return ids;
}

function renderRecord(record, container, options) {
  options = options || {};
  const actors = Object.fromEntries(record.actors.map(a => [a.id, a]));
  const byKind = {
    actor: actors,
    quote: Object.fromEntries(record.quotes.map(q => [q.id, q])),
    event: Object.fromEntries(record.events.map(e => [e.id, e])),
    claim: Object.fromEntries(record.claims.map(c => [c.id, c])),
  };
  const contested = contestedClaims(record);
  const name = id => (id && actors[id] ? actors[id].name : null);
  const text = el("div", {id: "article-text", class: "article-text"});
  const evidence = el("div", {id: "evidence", class: "evidence"},
    el("p", {class: "hint"}, "Click a highlighted passage or an item in the lists to see its evidence and its record."));

  function actorLink(id, fallback) {
    if (!id || !actors[id]) return el("span", {class: "unknown"}, fallback || "unattributed");
    return el("a", {href: "#", class: "actor-link", dataset: {actor: id}, onclick: event => { event.preventDefault(); select("actor", id); }},
      actors[id].name);
  }

  function select(kind, id) {
    for (const node of text.querySelectorAll(".selected")) node.classList.remove("selected");
    for (const node of document.querySelectorAll(".item.selected")) node.classList.remove("selected");
    const marked = text.querySelectorAll(`.seg[data-${kind}="${CSS.escape(id)}"]`);
    marked.forEach(node => node.classList.add("selected"));
    const listed = container.querySelector(`.item[data-${kind}="${CSS.escape(id)}"]`);
    if (listed) listed.classList.add("selected");
    if (marked.length) marked[0].scrollIntoView({block: "center", behavior: "smooth"});
    showDetails(kind, byKind[kind][id]);
  }

  function showDetails(kind, item) {
    clear(evidence);
    if (!item) return;
    const rows = [];
    const add = (label, value) => { if (value !== null && value !== undefined && value !== "") rows.push(el("dt", {}, label), el("dd", {}, value)); };
    if (kind === "actor") {
      evidence.appendChild(el("h3", {}, item.name));
      add("type", item.type); add("country", item.country); add("role", item.role); add("code", item.code);
      add("mentions", String(item.mentions.length));
      if (item.kb_id && options.corpus) add("in the corpus", link("actor page", "actor", `kb:${item.kb_id}`));
      const said = record.quotes.filter(q => q.speaker === item.id);
      if (said.length) add("quotes", el("ul", {}, said.map(q => el("li", {}, quoteLink(q)))));
    } else if (kind === "quote") {
      evidence.appendChild(el("h3", {}, `Quote (${item.kind})`));
      add("speaker", el("span", {class: "speaker"}, actorLink(item.speaker, item.speaker_text)));
      add("as written", item.speaker_text); add("cue", item.cue);
      add("text", el("q", {}, item.text));
    } else if (kind === "event") {
      evidence.appendChild(el("h3", {}, `Event: ${item.type}`));
      add("source", actorLink(item.source, "—")); add("target", actorLink(item.target, "—"));
      add("date", item.date ? `${item.date}${item.date_text ? ` (“${item.date_text}”)` : ""}` : item.date_text);
      add("place", item.location ? [item.location.name, item.location.country].filter(Boolean).join(", ") : null);
      add("status", item.status); add("mode", item.mode);
      add("verified", item.verified === null || item.verified === undefined ? null : String(item.verified));
      add("evidence", el("q", {}, record.text.slice(item.start, item.end)));
    } else if (kind === "claim") {
      evidence.appendChild(el("h3", {}, `Claim (${item.stance})${contested.has(item.id) ? " — contested" : ""}`));
      add("claimant", actorLink(item.claimant, item.claimant_text));
      add("text", el("q", {}, item.text));
      if (item.contradicts && item.contradicts.length) {
        add("contradicts", item.contradicts.map(id => el("a", {href: "#", onclick: e => { e.preventDefault(); select("claim", id); }}, id + " ")));
      }
      add("why", item.reason);
    }
    evidence.appendChild(el("dl", {}, rows));
    evidence.appendChild(el("details", {}, el("summary", {}, "Record"), el("pre", {class: "json"}, JSON.stringify(item, null, 2))));
  }

  function quoteLink(q) {
    return el("a", {href: "#", onclick: e => { e.preventDefault(); select("quote", q.id); }}, `“${q.text}”`);
  }

  for (const piece of segments(record)) {
    const chunk = record.text.slice(piece.start, piece.end);
    const kinds = KINDS.filter(k => piece.covering[k]);
    if (!kinds.length) { text.appendChild(document.createTextNode(chunk)); continue; }
    const dataset = {};
    const classes = ["seg"];
    for (const kind of kinds) { dataset[kind] = piece.covering[kind].id; classes.push(`hl-${kind}`); }
    if (piece.covering.claim && contested.has(piece.covering.claim.id)) classes.push("hl-contested");
    const quote = piece.covering.quote && byKind.quote[piece.covering.quote.id];
    if (quote) dataset.speaker = name(quote.speaker) || quote.speaker_text || "unattributed";
    const innermost = kinds.reduce((a, b) => (piece.covering[a].length <= piece.covering[b].length ? a : b));
    const title = quote ? `Quote — ${dataset.speaker}` : innermost;
    text.appendChild(el("span", {class: classes.join(" "), dataset, title,
      onclick: () => select(innermost, piece.covering[innermost].id)}, chunk));
  }

  const lists = el("div", {class: "lists"},
    section("actor", record.actors, a => [el("strong", {}, a.name), ` ${[a.type, a.country].filter(Boolean).join(", ")} · ${a.mentions.length}×`]),
    section("quote", record.quotes, q => [el("span", {class: "speaker"}, name(q.speaker) || q.speaker_text || "unattributed"), ": ",
      el("q", {class: "quote-text"}, q.text)]),
    section("event", record.events, e => [el("strong", {}, e.type), " ", name(e.source) || "?", " → ", name(e.target) || "?",
      e.date ? ` (${e.date})` : "", e.status !== "reported" ? ` [${e.status}]` : ""]),
    section("claim", record.claims, c => [contested.has(c.id) ? el("span", {class: "badge"}, "contested") : null,
      el("span", {class: "speaker"}, name(c.claimant) || c.claimant_text || "?"), ` ${c.stance}: `, el("q", {}, c.text)]));

  function section(kind, items, label) {
    return el("section", {class: `list list-${kind}`},
      el("h3", {}, `${KIND_LABELS[kind]} (${items.length})`),
      items.length ? el("ul", {}, items.map(item => el("li", {class: `item ${kind}-item`, dataset: {[kind]: item.id},
        onclick: () => select(kind, item.id)}, label(item)))) : el("p", {class: "empty"}, "none found"));
  }

  const meta = [record.outlet, record.byline, record.published && `published ${record.published}`, record.source]
    .filter(Boolean).join(" · ");
  append(clear(container), [
    el("h2", {class: "record-title"}, record.title || "(untitled)"),
    el("p", {class: "meta"}, meta),
    record.warnings && record.warnings.length ? el("ul", {class: "warnings"}, record.warnings.map(w => el("li", {}, w))) : null,
    el("p", {class: "legend"}, KINDS.map(k => el("span", {class: `seg hl-${k}`}, k)), el("span", {class: "seg hl-claim hl-contested"}, "contested claim")),
    el("div", {class: "record-body"}, text, el("aside", {}, evidence, lists)),
  ]);
  return {select};
}
