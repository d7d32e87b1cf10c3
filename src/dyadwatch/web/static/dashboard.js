// dyadwatch dashboard: dyad picker, timeline chart, period events with evidence, stories, search.
// Every piece of article text is put on the page as text nodes / textContent, never parsed as HTML.
"use strict";

// One writing convention with the CLI and the report (dyadwatch/display.py): dyads "PRK-CHN" (the API's
// `label` and `dyad` fields), missing values an em dash.
const MISSING = "\u2014";
// A run of more than this many empty periods is drawn as one gap (as in the report's timeline).
const MAX_EMPTY_RUN = 6;

const state = { dyad: null, by: "month", count: "clusters", directed: false, chart: null, periods: [] };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function shown(value) { return value === null || value === undefined || value === "" ? MISSING : String(value); }
function signed(x) { return (x >= 0 ? "+" : "") + Number(x).toFixed(1); }
function httpUrl(url) { return url && /^https?:\/\//i.test(url) ? url : null; }
function status(text) { document.getElementById("status").textContent = text || ""; }

async function getJSON(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try { const body = await response.json(); detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail); } catch (e) { /* keep statusText */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

function reportBlock(rep) {
  const source = el("div", { class: "source" }, rep.outlet || rep.doc_id);
  if (rep.published) source.append(`, ${rep.published}`);
  if (rep.title) source.append(`: ${rep.title}`);
  if (rep.attribution && rep.attribution.length) {
    source.append(" · according to " + rep.attribution.map(a => `${a.text} (${a.kind})`).join(" citing "));
  }
  const link = httpUrl(rep.url);
  if (link) { source.append(" · "); source.append(el("a", { href: link, rel: "noopener noreferrer", target: "_blank" }, link)); }
  const quote = el("blockquote", { class: "evidence" });
  if (rep.status && rep.status !== "asserted") quote.append(el("span", { class: `status-${rep.status}` }, rep.status));
  quote.append(el("span", { class: "evidence-text" }, rep.evidence));
  quote.append(source);
  return quote;
}

function unitCard(unit) {
  const head = el("div", { class: "head" },
    el("span", { class: unit.goldstein >= 0 ? "pos" : "neg" }, signed(unit.goldstein)), " ",
    `${shown(unit.date)} · ${shown(unit.source)} ${unit.plover} ${shown(unit.target)} (CAMEO ${unit.cameo})`,
    el("span", { class: "corroboration" },
      `${unit.n_reports} report${unit.n_reports === 1 ? "" : "s"}, ${unit.independent_origins} independent origin${unit.independent_origins === 1 ? "" : "s"}`));
  return el("div", { class: "card unit" }, head, ...unit.reports.map(reportBlock));
}

async function loadDyads() {
  const listing = await getJSON("/api/dyads");
  const picker = clear(document.getElementById("dyad-picker"));
  for (const d of listing.dyads) {
    picker.append(el("option", { value: d.dyad }, `${d.dyad} (${d.events} events, recent change ${signed(d.change)})`));
  }
  const wanted = new URLSearchParams(window.location.search).get("dyad");
  const chosen = listing.dyads.find(d => d.dyad === wanted) || listing.dyads[0];
  if (chosen) { picker.value = chosen.dyad; await selectDyad(chosen.dyad); }
  else status("No dyads in this database yet.");
}

async function selectDyad(dyad) {
  state.dyad = dyad;
  document.getElementById("period-panel").hidden = true;
  await Promise.all([loadRelations(), loadStories(), loadContradictions()]);
}

function codes() { return state.dyad.split("-"); }

async function loadRelations() {
  const [a, b] = codes();
  status("Loading…");
  const rel = await getJSON("/api/relations", { a, b, by: state.by, count: state.count, directed: state.directed });
  status("");
  const bounds = rel.since || rel.until ? `, ${rel.since || "…"} to ${rel.until || "…"}` : "";
  document.getElementById("dyad-title").textContent = `${rel.label} by ${rel.by}${bounds}`;
  document.getElementById("summary").textContent = rel.summary;
  state.periods = rel.periods;
  drawChart(rel);
  drawPeriodList(rel);
  drawTurningPoints(rel);
}

// The periods with every run of more than MAX_EMPTY_RUN empty ones replaced by one gap slot.
function slots(periods) {
  const out = [];
  let run = [];
  const flush = () => {
    if (run.length > MAX_EMPTY_RUN) out.push({ gap: true, period: `no events ${run[0].period} to ${run[run.length - 1].period}` });
    else out.push(...run);
    run = [];
  };
  for (const p of periods) {
    if (!p.events) { run.push(p); continue; }
    flush();
    out.push(p);
  }
  flush();
  return out;
}

function drawChart(rel) {
  const placed = slots(rel.periods);
  const labels = placed.map(p => p.period);
  const data = (name, sign) => placed.map(p => p.gap ? null : sign * p[name]);
  const datasets = [
    { type: "line", label: "net Goldstein", data: placed.map(p => p.gap ? null : p.goldstein_sum), spanGaps: false, yAxisID: "y1", borderColor: "#1f3b73", backgroundColor: "#1f3b73", pointRadius: 2, tension: 0.2, order: 0 },
    { label: "verbal cooperation", data: data("verbal_cooperation", 1), backgroundColor: "#8fd19e", stack: "events", order: 1 },
    { label: "material cooperation", data: data("material_cooperation", 1), backgroundColor: "#2e8b57", stack: "events", order: 1 },
    { label: "verbal conflict", data: data("verbal_conflict", -1), backgroundColor: "#f4a261", stack: "events", order: 1 },
    { label: "material conflict", data: data("material_conflict", -1), backgroundColor: "#c0392b", stack: "events", order: 1 },
  ];
  if (state.chart) state.chart.destroy();
  state.chart = new Chart(document.getElementById("timeline"), {
    type: "bar",
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
      scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: "events (conflict below 0)" } },
                y1: { position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "net Goldstein" } } },
      onClick: (event, elements, chart) => {
        const hits = chart.getElementsAtEventForMode(event, "index", { intersect: false }, true);
        if (hits.length && !placed[hits[0].index].gap) loadPeriod(labels[hits[0].index]);
      },
    },
  });
  window.dyadwatchChart = state.chart;  // for tests and the console
}

function drawPeriodList(rel) {
  const list = clear(document.getElementById("period-list"));
  for (const p of rel.periods) {
    if (!p.events) continue;
    list.append(el("button", { type: "button", class: `period ${p.goldstein_sum >= 0 ? "pos" : "neg"}`, "data-period": p.period,
                               onclick: () => loadPeriod(p.period) }, `${p.period} (${p.events})`));
  }
  if (rel.imprecise.length || rel.undated) {
    const parts = rel.imprecise.map(i => `${i.events} dated only to ${i.date}`);
    if (rel.undated) parts.push(`${rel.undated} undated`);
    list.append(el("span", { class: "hint" }, ` Not on this timeline: ${parts.join(", ")}.`));
  }
}

function drawTurningPoints(rel) {
  const box = clear(document.getElementById("turning-points"));
  if (!rel.turning_points.length) { box.append(el("p", { class: "hint" }, "No turning point stands out.")); return; }
  box.append(el("h3", {}, "Turning points"));
  for (const t of rel.turning_points) {
    const item = el("div", { class: "turn" }, el("strong", {}, `${t.period}: ${t.direction}`),
      ` (net Goldstein per month ${signed(t.before_mean)} before, ${signed(t.after_mean)} after)`);
    for (const unit of t.drivers) item.append(unitCard(unit));
    box.append(item);
  }
}

async function loadPeriod(period) {
  for (const button of document.querySelectorAll("#period-list button")) button.classList.toggle("active", button.dataset.period === period);
  const answer = await getJSON("/api/events", { dyad: state.dyad, period, count: state.count, directed: state.directed });
  const panel = document.getElementById("period-panel");
  panel.hidden = false;
  document.getElementById("period-title").textContent = `${answer.dyad} in ${period}: ${answer.total} event${answer.total === 1 ? "" : "s"}`;
  const box = clear(document.getElementById("period-events"));
  for (const unit of answer.units) box.append(unitCard(unit));
  if (!answer.units.length) box.append(el("p", { class: "hint" }, "No events dated in this period."));
  panel.scrollIntoView({ behavior: "instant", block: "start" });
}

async function loadStories() {
  const answer = await getJSON("/api/stories", { dyad: state.dyad });
  const box = clear(document.getElementById("stories"));
  document.getElementById("story-detail").hidden = true;
  if (!answer.available) { box.append(el("p", { class: "hint" }, "Story clustering has not run on this database.")); return; }
  if (!answer.stories.length) { box.append(el("p", { class: "hint" }, "No stories for this dyad.")); return; }
  for (const s of answer.stories) {
    box.append(el("div", { class: "story" },
      el("a", { class: "story-link", href: `#story=${encodeURIComponent(s.story_id)}` }, s.title || s.story_id),
      ` · ${s.n_docs} documents, ${shown(s.first_published)} to ${shown(s.last_published)}`));
  }
}

async function showStory(storyId) {
  const story = await getJSON(`/api/stories/${encodeURIComponent(storyId)}`, { dyad: state.dyad });
  const box = clear(document.getElementById("story-detail"));
  box.hidden = false;
  box.append(el("h3", {}, story.title || story.story_id));
  const docs = el("ul");
  for (const d of story.documents) {
    const item = el("li", {}, `${shown(d.published)} · ${d.outlet || d.doc_id}: ${shown(d.title)}`);
    if (d.copy_kind) item.append(` (${d.copy_kind.replace("_", " ")} of ${d.duplicate_of})`);
    docs.append(item);
  }
  box.append(docs, ...story.reports.map(reportBlock));
  box.scrollIntoView({ behavior: "instant", block: "start" });
}

async function loadContradictions() {
  const answer = await getJSON("/api/contradictions", { dyad: state.dyad });
  const box = clear(document.getElementById("contradictions"));
  if (!answer.contradictions.length) { box.append(el("p", { class: "hint" }, "No contradicting reports found.")); return; }
  for (const c of answer.contradictions) {
    const blocks = c.reports.map((rep, i) => el("div", { class: "side" },
      el("div", { class: "side-label" }, (c.sides || [])[i] === "against" ? "on the other side:" : "reported:"), reportBlock(rep)));
    box.append(el("div", { class: "card" }, el("div", { class: "head" }, c.kind.replaceAll("_", " ")), el("div", {}, c.detail),
                  ...blocks));
  }
}

async function search(q) {
  const answer = await getJSON("/api/search", { q });
  const panel = document.getElementById("search-panel");
  panel.hidden = false;
  document.getElementById("search-title").textContent = `Search “${answer.q}”: ${answer.reports.length} report${answer.reports.length === 1 ? "" : "s"}`;
  const box = clear(document.getElementById("search-results"));
  for (const rep of answer.reports) {
    box.append(el("div", { class: "card" }, el("div", { class: "head" },
      `${shown(rep.date)} · ${shown(rep.source_code)} ${rep.plover} ${shown(rep.target_code)} (${signed(rep.goldstein)})`), reportBlock(rep)));
  }
  panel.scrollIntoView({ behavior: "instant", block: "start" });
}

function guard(promise) { promise.catch(error => status(error.message)); }

function route() {
  const match = /^#story=(.+)$/.exec(window.location.hash);
  if (match && state.dyad) guard(showStory(decodeURIComponent(match[1])));
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("dyad-picker").addEventListener("change", e => guard(selectDyad(e.target.value)));
  document.getElementById("by-picker").addEventListener("change", e => { state.by = e.target.value; guard(loadRelations()); });
  document.getElementById("count-picker").addEventListener("change", e => { state.count = e.target.value; guard(loadRelations()); });
  document.getElementById("directed-box").addEventListener("change", e => { state.directed = e.target.checked; guard(loadRelations()); });
  document.getElementById("search-form").addEventListener("submit", e => {
    e.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    if (q.length >= 2) guard(search(q)); else status("Type at least two characters to search.");
  });
  window.addEventListener("hashchange", route);
  guard(loadDyads().then(route));
});
