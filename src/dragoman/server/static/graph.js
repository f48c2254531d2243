// The actor network as a force-directed graph in plain SVG: nodes repel, links pull, the centre
// holds them. The layout is computed (a fixed number of steps, seeded positions) and then drawn, so
// the same network always looks the same; nodes can be dragged and clicked.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

// Fruchterman-Reingold with a pull to the centre (so separate groups stay in view), then scaled
// to fill the frame.
function layout(nodes, edges, width, height, steps) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  nodes.forEach((n, i) => {  // seeded on a spiral: deterministic, and no two nodes start together
    const angle = i * 2.399963, radius = 10 * Math.sqrt(i + 1);
    n.x = width / 2 + radius * Math.cos(angle); n.y = height / 2 + radius * Math.sin(angle);
  });
  const links = edges.map(e => [index.get(e.source), index.get(e.target), e.weight]).filter(l => l[0] !== undefined && l[1] !== undefined);
  const k = 0.6 * Math.sqrt(width * height / Math.max(nodes.length, 1));
  for (let step = 0; step < steps; step++) {
    const heat = (width / 10) * (1 - step / steps) + 1;
    const force = nodes.map(() => [0, 0]);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.5), push = k * k / (d * d);
        force[i][0] += dx * push; force[i][1] += dy * push; force[j][0] -= dx * push; force[j][1] -= dy * push;
      }
    }
    for (const [a, b, weight] of links) {
      if (a === b) continue;
      const dx = nodes[b].x - nodes[a].x, dy = nodes[b].y - nodes[a].y;
      const pull = (Math.hypot(dx, dy) / k) * Math.min(1 + Math.log2(weight), 3);
      force[a][0] += dx * pull; force[a][1] += dy * pull; force[b][0] -= dx * pull; force[b][1] -= dy * pull;
    }
    nodes.forEach((n, i) => {
      force[i][0] += (width / 2 - n.x) * k / 50; force[i][1] += (height / 2 - n.y) * k / 50;
      const [fx, fy] = force[i], size = Math.hypot(fx, fy) || 1, move = Math.min(size, heat);
      n.x += fx / size * move; n.y += fy / size * move;
    });
  }
  const xs = nodes.map(n => n.x), ys = nodes.map(n => n.y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  const scale = Math.min((width - 160) / Math.max(Math.max(...xs) - left, 1), (height - 60) / Math.max(Math.max(...ys) - top, 1), 1.5);
  for (const n of nodes) { n.x = 30 + (n.x - left) * scale; n.y = 30 + (n.y - top) * scale; }
}

function forceGraph(graph, onOpen) {
  const width = 960, height = 640;
  const nodes = graph.nodes.map(n => Object.assign({}, n));
  layout(nodes, graph.edges, width, height, 300);
  const byId = new Map(nodes.map(n => [n.id, n]));
  const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "network", role: "img",
    "aria-label": `Actor network: ${nodes.length} actors, ${graph.edges.length} links`});
  const lines = graph.edges.map(e => {
    const line = svg("line", {class: "edge", "stroke-width": Math.min(1 + Math.log2(e.weight), 6)},
      svg("title", {}, `${byId.get(e.source).name} → ${byId.get(e.target).name}: ${e.type} ×${e.weight}`));
    root.appendChild(line);
    return [line, byId.get(e.source), byId.get(e.target)];
  });
  const groups = nodes.map(n => {
    const group = svg("g", {class: `node type-${(n.type || "actor").replace(/\W+/g, "-")}`, dataset: {id: n.id}},
      svg("circle", {r: 5 + 2 * Math.sqrt(n.articles || 1)}),
      svg("text", {dx: 9, dy: 4}, n.name),
      svg("title", {}, `${n.name}${n.country ? ` (${n.country})` : ""}: ${n.articles} article(s)`));
    root.appendChild(group);
    return [group, n];
  });
  function draw() {
    for (const [line, a, b] of lines) { line.setAttribute("x1", a.x); line.setAttribute("y1", a.y); line.setAttribute("x2", b.x); line.setAttribute("y2", b.y); }
    for (const [group, n] of groups) group.setAttribute("transform", `translate(${n.x},${n.y})`);
  }
  let dragging = null, moved = false;
  function point(event) {
    const box = root.getBoundingClientRect();
    return [(event.clientX - box.left) * width / box.width, (event.clientY - box.top) * height / box.height];
  }
  for (const [group, n] of groups) {
    group.addEventListener("pointerdown", event => { dragging = n; moved = false; group.setPointerCapture(event.pointerId); });
    group.addEventListener("pointermove", event => { if (dragging === n) { [n.x, n.y] = point(event); moved = true; draw(); } });
    group.addEventListener("pointerup", () => { if (dragging === n && !moved) onOpen(n.id); dragging = null; });
  }
  draw();
  return root;
}
