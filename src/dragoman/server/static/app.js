// The pages of the UI, one per route (#/analyze, #/search, #/story/ID, #/actor/ID, ...), each built
// from one or two API calls. No build step: plain browser JavaScript.
"use strict";

const view = document.getElementById("view");
let info = {corpus: null, allow_writes: false, event_types: []};

const routes = {
  analyze: showAnalyze, search: showSearch, articles: showArticles, article: showArticle,
  stories: showStories, story: showStory, actors: showActors, actor: showActor,
  network: showNetwork, timeline: showTimeline, contested: showContested,
};

async function route() {
  const [path, search] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  const id = rest.length ? decodeURIComponent(rest.join("/")) : null;
  const params = new URLSearchParams(search || "");
  const page = routes[name] ? name : "analyze";
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === page || a.dataset.view === page + "s");
  clear(view);
  if (page !== "analyze" && !info.corpus) { view.appendChild(errorBox(new Error("This server has no corpus: start it with --db corpus.db."))); return; }
  try {
    await routes[page](id, params);
  } catch (error) {
    view.appendChild(errorBox(error));
  }
}

// -- filters: the same fields as the CLI's listings --------------------------------------------

function filterForm(params, fields, onSubmit) {
  const inputs = {};
  const field = (name, label, input) => { inputs[name] = input; return el("label", {}, label, input); };
  const controls = [];
  if (fields.includes("q")) controls.push(field("q", "Search ", el("input", {type: "search", name: "q", value: params.get("q") || "", placeholder: "lavrov AND doha", size: 28})));
  if (fields.includes("actor")) controls.push(field("actor", "Actor ", el("input", {name: "actor", value: params.get("actor") || "", placeholder: "id or name", size: 14})));
  if (fields.includes("country")) controls.push(field("country", "Country ", el("input", {name: "country", value: params.get("country") || "", placeholder: "RUS", size: 4, maxlength: 3})));
  if (fields.includes("type")) {
    const select = el("select", {name: "type"}, el("option", {value: ""}, "any type"),
      info.event_types.map(t => el("option", {value: t, selected: params.get("type") === t}, t)));
    controls.push(field("type", "Event ", select));
  }
  if (fields.includes("since")) controls.push(field("since", "From ", el("input", {type: "date", name: "since", value: params.get("since") || ""})));
  if (fields.includes("until")) controls.push(field("until", "To ", el("input", {type: "date", name: "until", value: params.get("until") || ""})));
  const form = el("form", {class: "filters"}, controls, el("button", {type: "submit"}, "Go"));
  form.addEventListener("submit", event => {
    event.preventDefault();
    const values = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value.trim()]));
    onSubmit(values);
  });
  return form;
}

function go(page, values) {
  location.hash = `#/${page}${query(values)}`;
}

function pagedParams(params, extra) {
  const values = Object.fromEntries(params.entries());
  return Object.assign({limit: 50}, values, extra || {});
}

function pager(page, params, result) {
  const offset = result.offset;
  const nav = el("p", {class: "pager"});
  if (offset > 0) nav.appendChild(el("a", {href: `#/${page}${query(Object.assign(Object.fromEntries(params), {offset: Math.max(0, offset - result.limit)}))}`}, "← previous"));
  if (result.next_offset !== null) nav.appendChild(el("a", {href: `#/${page}${query(Object.assign(Object.fromEntries(params), {offset: result.next_offset}))}`}, "next →"));
  return nav;
}

// -- analyze a pasted or uploaded article ------------------------------------------------------

function showAnalyze() {
  const textarea = el("textarea", {id: "article-input", rows: 12, placeholder: "Paste an article's text or HTML here"});
  const file = el("input", {type: "file", id: "article-file", accept: ".txt,.html,.htm,text/plain,text/html"});
  const date = el("input", {type: "date", id: "article-date"});
  const store = info.allow_writes && info.corpus ? el("input", {type: "checkbox", id: "article-store"}) : null;
  const status = el("p", {id: "analyze-status", class: "status"});
  const output = el("div", {id: "record"});
  file.addEventListener("change", async () => {
    if (file.files.length) textarea.value = await file.files[0].text();
  });
  const button = el("button", {id: "analyze-button", type: "submit"}, "Analyze");
  const form = el("form", {class: "analyze"},
    textarea,
    el("div", {class: "row"}, el("label", {}, "or upload ", file),
      el("label", {}, "publication date (if the text has none) ", date),
      store ? el("label", {}, store, " store in the corpus") : null, button),
    status);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const body = textarea.value;
    if (!body.trim()) { status.textContent = "Paste an article first."; return; }
    const isHtml = /^\s*</.test(body);
    const payload = {[isHtml ? "html" : "text"]: body, store: Boolean(store && store.checked)};
    if (date.value) payload.date = date.value;
    button.disabled = true;
    status.textContent = "Analyzing… (the first article waits for the pipeline to load)";
    clear(output);
    try {
      const result = await api("/api/analyze", {method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify(payload)});
      status.textContent = result.stored ? "Analyzed and stored in the corpus." : "Analyzed.";
      renderRecord(result.record, output, {corpus: Boolean(info.corpus)});
    } catch (error) {
      status.textContent = "";
      output.appendChild(errorBox(error));
    } finally {
      button.disabled = false;
    }
  });
  append(view, [el("h2", {}, "Analyze an article"), form, output]);
}

// -- corpus views ---------------------------------------------------------------------------------

function articleRow(a) {
  return [link(a.title || a.source, "article", a.id, {class: "article-link"}), el("span", {class: "meta"}, ` ${[a.outlet, a.published].filter(Boolean).join(" · ")}`)];
}

async function showSearch(id, params) {
  view.appendChild(el("h2", {}, "Search"));
  view.appendChild(filterForm(params, ["q", "actor", "country", "type", "since", "until"], values => go("search", values)));
  if (!params.get("q")) { view.appendChild(el("p", {class: "hint"}, "Words, a phrase in quotes, or FTS5 syntax (lavrov AND doha, syria*), over titles, bodies and quotes.")); return; }
  const result = await api(`/api/search${query(pagedParams(params))}`);
  view.appendChild(result.items.length ? el("ol", {class: "results"}, result.items.map(r => el("li", {}, articleRow(r), el("br"), snippet(r.snippet))))
    : el("p", {class: "empty"}, "No article matches."));
  view.appendChild(pager("search", params, result));
}

async function showArticles(id, params) {
  view.appendChild(el("h2", {}, "Articles"));
  view.appendChild(filterForm(params, ["actor", "country", "type", "since", "until"], values => go("articles", values)));
  const result = await api(`/api/articles${query(pagedParams(params))}`);
  view.appendChild(table([
    {title: "Article", cell: a => articleRow(a)},
    {title: "Story", cell: a => a.story_id ? link("story", "story", a.story_id) : ""},
    {title: "Actors", cell: a => String(a.actors)}, {title: "Quotes", cell: a => String(a.quotes)}, {title: "Events", cell: a => String(a.events)},
  ], result.items, "No article."));
  view.appendChild(pager("articles", params, result));
}

async function showArticle(id) {
  const record = await api(`/api/articles/${encodeURIComponent(id)}`);
  const container = el("div", {id: "record"});
  view.appendChild(container);
  renderRecord(record, container, {corpus: true});
}

async function showStories(id, params) {
  view.appendChild(el("h2", {}, "Stories"));
  view.appendChild(el("p", {class: "hint"}, "Articles reporting the same thing (the same text reprinted, or close in words, actors and time), the most reported first."));
  view.appendChild(filterForm(params, ["actor", "country", "type", "since", "until"], values => go("stories", values)));
  const result = await api(`/api/stories${query(pagedParams(params))}`);
  view.appendChild(table([
    {title: "Story", cell: s => link(s.title || s.id, "story", s.id, {class: "story-link"})},
    {title: "Reports", cell: s => String(s.articles)}, {title: "Outlets", cell: s => String(s.outlets)},
    {title: "First", cell: s => s.first_published || ""}, {title: "Last", cell: s => s.last_published || ""},
  ], result.items, "No story."));
  view.appendChild(pager("stories", params, result));
}

async function showStory(id) {
  const story = await api(`/api/stories/${encodeURIComponent(id)}`);
  append(view, [
    el("h2", {class: "story-title"}, story.title || story.id),
    el("p", {class: "meta"}, `${story.articles} report(s) from ${story.outlets} outlet(s), ${story.first_published || "?"} to ${story.last_published || "?"}`),
    el("h3", {}, "Reports"),
    el("ol", {class: "reports"}, story.reports.map(r => el("li", {}, articleRow(r), el("span", {class: "meta"}, ` — ${r.url || r.source}`)))),
  ]);
}

async function showActors(id, params) {
  view.appendChild(el("h2", {}, "Actors"));
  view.appendChild(filterForm(params, ["actor", "country", "type", "since", "until"], values => go("actors", values)));
  const result = await api(`/api/actors${query(pagedParams(params))}`);
  view.appendChild(table([
    {title: "Actor", cell: a => link(a.name, "actor", a.id, {class: "actor-link"})},
    {title: "Type", cell: a => a.type || ""}, {title: "Country", cell: a => a.country || ""},
    {title: "Articles", cell: a => String(a.articles)}, {title: "Mentions", cell: a => String(a.mentions)},
  ], result.items, "No actor."));
  view.appendChild(pager("actors", params, result));
}

async function showActor(id) {
  const page = await api(`/api/actors/${encodeURIComponent(id)}`);
  const actor = Object.assign({}, page.actor, page);
  const evidence = (articleId, start, end) => link("evidence", "article", articleId, {title: `characters ${start}–${end}`});
  append(view, [
    el("h2", {class: "actor-name"}, actor.name),
    el("p", {class: "meta"}, [actor.type, actor.country, actor.code, `${page.actor.articles} article(s)`, `${page.actor.mentions} mention(s)`].filter(Boolean).join(" · ")),
    el("h3", {}, `Quotes (${actor.quotes.length})`),
    table([{title: "Quote", cell: q => el("q", {}, q.text)}, {title: "Kind", cell: q => q.kind},
      {title: "Article", cell: q => link(q.title || q.article_id, "article", q.article_id)}], actor.quotes, "No quote."),
    el("h3", {}, `Events (${actor.events.length})`),
    table([{title: "Type", cell: e => e.type}, {title: "Source", cell: e => e.source_actor ? link(e.source_name, "actor", e.source_actor) : ""},
      {title: "Target", cell: e => e.target_actor ? link(e.target_name, "actor", e.target_actor) : ""},
      {title: "Date", cell: e => e.date || e.published || ""}, {title: "Status", cell: e => e.status},
      {title: "Article", cell: e => link(e.title || e.article_id, "article", e.article_id)}], actor.events, "No event."),
    el("h3", {}, `Relations (${actor.relations.length})`),
    table([{title: "Kind", cell: r => r.kind}, {title: "A", cell: r => link(r.a_name, "actor", r.a)}, {title: "B", cell: r => link(r.b_name, "actor", r.b)},
      {title: "Evidence", cell: r => evidence(r.article_id, r.start, r.end)}], actor.relations, "No relation."),
    el("h3", {}, "Network neighbours"),
    actor.neighbours.length ? el("ul", {class: "neighbours"}, actor.neighbours.map(n => el("li", {}, link(n.name, "actor", n.id),
      ` — ${Object.entries(n.kinds).map(([k, c]) => `${k} ×${c}`).join(", ")}`))) : el("p", {class: "empty"}, "No neighbour."),
    el("h3", {}, `Mentions (${actor.mentions.length})`),
    table([{title: "As written", cell: m => m.text}, {title: "Role", cell: m => m.role || ""},
      {title: "Article", cell: m => link(m.title || m.article_id, "article", m.article_id)}], actor.mentions, "No mention."),
  ]);
}

async function showNetwork(id, params) {
  view.appendChild(el("h2", {}, "Actor network"));
  view.appendChild(el("p", {class: "hint"}, "Who did what to whom: a link per source → target and event type, as `dragoman network` lists it; thicker lines, more happenings. Drag a node; click it for the actor's page."));
  view.appendChild(filterForm(params, ["actor", "country", "type", "since", "until"], values => go("network", values)));
  const graph = await api(`/api/network${query(Object.fromEntries(params.entries()))}`);
  if (!graph.nodes.length) { view.appendChild(el("p", {class: "empty"}, "No linked actors.")); return; }
  view.appendChild(forceGraph(graph, actorId => { location.hash = `#/actor/${encodeURIComponent(actorId)}`; }));
  const names = new Map(graph.nodes.map(n => [n.id, n]));
  view.appendChild(el("details", {}, el("summary", {}, `Links (${graph.edges.length})`),
    table([{title: "Source", cell: e => link(names.get(e.source).name, "actor", e.source)},
      {title: "Target", cell: e => link(names.get(e.target).name, "actor", e.target)},
      {title: "Event type", cell: e => e.type},
      {title: "Happenings", cell: e => String(e.weight)}, {title: "Reports", cell: e => String(e.reports)}], graph.edges)));
}

async function showTimeline(id, params) {
  view.appendChild(el("h2", {}, "Timeline of happenings"));
  view.appendChild(el("p", {class: "hint"}, "One happening per event reported by one or many articles, by date; the bar is its number of reports."));
  view.appendChild(filterForm(params, ["actor", "country", "type", "since", "until"], values => go("timeline", values)));
  const result = await api(`/api/happenings${query(pagedParams(params, {limit: params.get("limit") || 200}))}`);
  const day = h => h.date || (h.first_report || "").slice(0, 10) || "undated";
  const byDay = new Map();
  for (const h of result.items.slice().sort((a, b) => day(a).localeCompare(day(b)))) {
    if (!byDay.has(day(h))) byDay.set(day(h), []);
    byDay.get(day(h)).push(h);
  }
  const most = Math.max(1, ...result.items.map(h => h.reports));
  const party = (actorId, name) => actorId ? link(name || actorId, "actor", actorId) : "?";
  view.appendChild(byDay.size ? el("ol", {class: "timeline"}, Array.from(byDay, ([date, list]) => el("li", {class: "day"},
    el("time", {datetime: date}, date),
    el("ul", {}, list.map(h => el("li", {class: `happening${h.contested ? " contested" : ""}`},
      el("span", {class: "bar", style: `width:${Math.round(100 * h.reports / most)}px`}),
      el("strong", {}, h.type), " ", party(h.source, h.source_name), " → ", party(h.target, h.target_name),
      h.place ? ` in ${h.place}` : "", ` — ${h.reports} report(s) in ${h.articles} article(s), ${h.status}`,
      h.contested ? el("span", {class: "badge"}, "contested") : null))))))
    : el("p", {class: "empty"}, "No happening."));
  view.appendChild(pager("timeline", params, result));
}

async function showContested(id, params) {
  view.appendChild(el("h2", {}, "Contested claims across sources"));
  view.appendChild(el("p", {class: "hint"}, "What one article tells and another denies (an event, a charge, someone's claims), with both sources: the asserting side first."));
  view.appendChild(filterForm(params, ["actor", "country", "type", "since", "until"], values => go("contested", values)));
  const result = await api(`/api/contested${query(pagedParams(params))}`);
  const side = (articleId, outlet, title, published, status, holder, text) => el("div", {class: `side status-${status}`},
    el("p", {}, el("span", {class: "badge"}, status), " ", holder ? link(holder, "actor", holder) : "", holder ? " in " : "",
      link(title || articleId, "article", articleId), el("span", {class: "meta"}, ` ${[outlet, published].filter(Boolean).join(" · ")}`)),
    el("blockquote", {}, text || ""));
  view.appendChild(result.items.length ? el("ul", {class: "contested-list"}, result.items.map(c => el("li", {class: "pair"},
    el("h3", {}, c.type || "Claims"),
    side(c.a_article_id, c.a_outlet, c.a_title, c.a_published, c.a_status, c.a_holder, c.a_text),
    side(c.b_article_id, c.b_outlet, c.b_title, c.b_published, c.b_status, c.b_holder, c.b_text))))
    : el("p", {class: "empty"}, "Nothing contested."));
  view.appendChild(pager("contested", params, result));
}

async function start() {
  try {
    info = await api("/api/info");
  } catch (error) {
    view.appendChild(errorBox(error));
  }
  document.getElementById("corpus-name").textContent = info.corpus ? `corpus: ${info.corpus}` : "no corpus: analysis only";
  for (const a of document.querySelectorAll(".corpus-only")) a.hidden = !info.corpus;
  window.addEventListener("hashchange", route);
  await route();
}

start();
