// Building the page from data. Every string from the server (article text, names, quotes) goes in
// as a text node, never as HTML: an article containing <script> shows as text.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A link inside the single page: #/kind/id, the id encoded so any id (URLs, colons) survives.
function link(text, kind, id, attrs) {
  return el("a", Object.assign({href: `#/${kind}/${encodeURIComponent(id)}`}, attrs || {}), text);
}

// A search snippet marks matched words as [word]: shown as <mark>, built from text nodes.
function snippet(text) {
  const node = el("span", {class: "snippet"});
  const parts = String(text || "").split(/(\[[^\]]*\])/);
  for (const part of parts) {
    if (part.startsWith("[") && part.endsWith("]")) node.appendChild(el("mark", {}, part.slice(1, -1)));
    else if (part) node.appendChild(document.createTextNode(part));
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (error) { body = null; }
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : `${response.status} ${response.statusText}`;
    throw new Error(detail);
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== "" && value !== null && value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

function errorBox(error) {
  return el("p", {class: "error", role: "alert"}, String(error.message || error));
}

function table(columns, rows, empty) {
  if (!rows.length) return el("p", {class: "empty"}, empty || "Nothing here.");
  return el("table", {},
    el("thead", {}, el("tr", {}, columns.map(c => el("th", {}, c.title)))),
    el("tbody", {}, rows.map(row => el("tr", {}, columns.map(c => el("td", {}, c.cell(row)))))));
}
