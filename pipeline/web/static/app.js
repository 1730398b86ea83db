// The incident map: markers and a list from /api/incidents, live updates from /api/stream.
// Everything an article supplies (titles, places, names) goes in as text, never as HTML.

const PAGE = 1000;        // incidents per API request
const LIST_STEP = 200;    // list rows shown at a time
const DAY = 86_400_000;

const state = {
  filters: {},
  incidents: new Map(),   // id → latest version matching the filters
  markers: new Map(),     // id → Leaflet marker
  shown: LIST_STEP,
  selected: null,
  newest: 0,              // latest update held (ms): recency is relative to the feed's own time
  framed: false,          // the map was fitted to the incidents once
};

const $ = (selector) => document.querySelector(selector);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

// ---- figures ---------------------------------------------------------------------------------
function count(figure) {
  if (!figure) return null;
  const { min, max, qualifier } = figure;
  if (qualifier === "unspecified") return "some";
  if (qualifier === "range") return `${min}–${max}`;
  if (qualifier === "more_than") return `>${min - 1}`;
  const prefix = { at_least: "≥", at_most: "≤", about: "~" }[qualifier] ?? "";
  return `${prefix}${min ?? max}`;
}
const toll = (incident) => (incident.killed?.min ?? 0) + (incident.injured?.min ?? 0);
const time = (incident) => Date.parse(incident.last_updated) || 0;
const where = (place) =>
  place ? [place.name, place.region !== place.name ? place.region : null, place.country_code]
    .filter(Boolean).join(", ") : "place unknown";
const titleOf = (incident) => incident.revisions?.find((r) => r.title)?.title ?? "";

function recency(incident) {
  const age = state.newest - time(incident);
  if (age < DAY) return "fresh";
  if (age < 7 * DAY) return "recent";
  if (age < 30 * DAY) return "older";
  return "old";
}

// ---- filters (the same as the API's, so live updates are filtered alike) ---------------------
function readFilters() {
  const form = new FormData($("#filters"));
  const filters = {};
  for (const [key, value] of form) if (String(value).trim()) filters[key] = String(value).trim();
  if (filters.min_killed === "0") delete filters.min_killed;
  delete filters.in_view;  // the list's own filter (the map's area), applied in the page
  return filters;
}

function matches(incident, f) {
  const place = incident.place ?? {};
  if (f.since && incident.date < f.since) return false;
  if (f.until && incident.date > f.until) return false;
  if (f.country) {
    const codes = f.country.toUpperCase().split(",").map((c) => c.trim()).filter(Boolean);
    if (!codes.includes(place.country_code)) return false;
  }
  if (f.min_killed && (incident.killed?.min ?? 0) < Number(f.min_killed)) return false;
  if (f.q) {
    const words = [place.name, place.region, ...(incident.accused ?? []), ...(incident.weapons ?? [])]
      .filter(Boolean).join(" | ").toLowerCase();
    if (!words.includes(f.q.toLowerCase())) return false;
  }
  return true;
}

// ---- map -------------------------------------------------------------------------------------
const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 10], 2);
const clusters = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 35 });
map.addLayer(clusters);

fetch("/static/vendor/world-atlas/countries-110m.json")
  .then((r) => r.json())
  .then((world) => {
    L.geoJSON(unwrapped(topojson.feature(world, world.objects.countries)), {
      interactive: false,
      style: { color: "#9aa3ae", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
    }).addTo(map).bringToBack();
  });

// Rings that cross the antimeridian jump from +180 to -180 degrees: on a flat map that draws a
// line across the world. Longitudes are made continuous along each ring instead.
function unwrapped(collection) {
  const ring = (points) => {
    let shift = 0;
    return points.map(([lon, lat], i) => {
      if (i > 0) {
        const step = lon + shift - (points[i - 1][0] + shift);
        if (step > 180) shift -= 360;
        else if (step < -180) shift += 360;
      }
      return [lon + shift, lat];
    });
  };
  for (const feature of collection.features) {
    const g = feature.geometry;
    if (!g) continue;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(ring);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(ring));
  }
  return collection;
}

const legend = L.control({ position: "bottomleft" });
legend.onAdd = () => el("div", { class: "legend" }, "last update:",
  ...[["fresh", "< 1 day"], ["recent", "< 7 days"], ["older", "< 30 days"], ["old", "older"]]
    .flatMap(([cls, label]) => [el("i", { class: cls }), label]));
legend.addTo(map);

function icon(incident) {
  const size = Math.min(48, 14 + 6 * Math.sqrt(toll(incident)));
  const label = el("span", { "data-incident": incident.incident_id }, String(toll(incident) || ""));
  return L.divIcon({ className: `incident ${recency(incident)}`, iconSize: [size, size], html: label });
}

function placeMarker(incident, { updated = false } = {}) {
  const place = incident.place;
  const old = state.markers.get(incident.incident_id);
  if (!place || place.lat == null || place.lon == null) {
    if (old) clusters.removeLayer(old);
    state.markers.delete(incident.incident_id);
    return;
  }
  const latlng = [place.lat, place.lon];
  if (old) {
    clusters.removeLayer(old);  // re-added so the cluster counts follow the move
    old.setLatLng(latlng).setIcon(icon(incident));
    old.options.title = `${where(place)}: ${count(incident.killed) ?? "-"} killed`;
    clusters.addLayer(old);
    if (updated) old.getElement()?.classList.add("updated");
    return;
  }
  const marker = L.marker(latlng, {
    icon: icon(incident),
    title: `${where(place)}: ${count(incident.killed) ?? "-"} killed`,
    keyboard: true,
  });
  marker.on("click", () => select(incident.incident_id));
  state.markers.set(incident.incident_id, marker);
  clusters.addLayer(marker);
}

// ---- list ------------------------------------------------------------------------------------
function row(incident) {
  const item = el("li", { "data-incident": incident.incident_id },
    el("button", { type: "button" },
      el("span", { class: "toll" },
        el("span", { class: "killed", title: "killed" }, `☠ ${count(incident.killed) ?? "–"}`),
        el("span", { class: "injured", title: "injured" }, `✚ ${count(incident.injured) ?? "–"}`)),
      el("span", { class: "where" }, `${where(incident.place)} · ${incident.date}`),
      el("span", { class: "title" }, titleOf(incident))));
  if (incident.incident_id === state.selected) item.classList.add("selected");
  item.querySelector("button").addEventListener("click", () => select(incident.incident_id, true));
  return item;
}

function inView(incident) {
  const place = incident.place;
  return place?.lat != null && map.getBounds().contains([place.lat, place.lon]);
}

function renderList() {
  const areaOnly = $("#filters input[name=in_view]").checked;
  const ordered = [...state.incidents.values()]
    .filter((incident) => !areaOnly || inView(incident))
    .sort((a, b) => time(b) - time(a));
  $("#list").replaceChildren(...ordered.slice(0, state.shown).map(row));
  $("#more").hidden = ordered.length <= state.shown;
  const held = areaOnly ? ordered.length : state.incidents.size;
  $("#status").textContent = `${held} incident${held === 1 ? "" : "s"}` +
    `${areaOnly ? " in view" : ""} · ${live.status}`;
}

// ---- detail ----------------------------------------------------------------------------------
function chart(revisions) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 300 120");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "toll by version");
  const values = revisions.flatMap((r) => [r.killed?.min ?? 0, r.injured?.min ?? 0]);
  const top = Math.max(1, ...values);
  const x = (i) => 30 + (revisions.length === 1 ? 120 : (i * 260) / (revisions.length - 1));
  const y = (v) => 105 - (v * 90) / top;
  const add = (tag, attrs, text) => {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  add("line", { x1: 30, y1: 105, x2: 290, y2: 105, stroke: "#9aa3ae" });
  add("text", { x: 2, y: 18 }, String(top));
  add("text", { x: 2, y: 108 }, "0");
  for (const [kind, colour] of [["killed", "#c62828"], ["injured", "#1565c0"]]) {
    const points = revisions.map((r, i) => `${x(i)},${y(r[kind]?.min ?? 0)}`).join(" ");
    add("polyline", { points, fill: "none", stroke: colour, "stroke-width": 2, "data-kind": kind });
    revisions.forEach((r, i) =>
      add("circle", { cx: x(i), cy: y(r[kind]?.min ?? 0), r: 3, fill: colour, "data-kind": kind })
        .append(Object.assign(document.createElementNS(NS, "title"),
          { textContent: `v${r.version} ${kind} ${count(r[kind]) ?? "–"} (${r.why})` })));
  }
  add("text", { x: 200, y: 12, fill: "#c62828" }, "killed");
  add("text", { x: 245, y: 12, fill: "#1565c0" }, "injured");
  return svg;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch { return null; }
}

function renderDetail(incident) {
  const panel = $("#detail");
  const close = el("button", { class: "close", type: "button", title: "close" }, "×");
  close.addEventListener("click", () => { state.selected = null; panel.hidden = true; renderList(); });
  const range = (kind) => {
    const r = incident.range?.[kind];
    return r && r.low !== r.high ? ` (reports: ${r.low}–${r.high})` : "";
  };
  const articles = (incident.revisions ?? []).map((r) => {
    const href = safeUrl(r.url);
    const label = r.title || r.article_id;
    const link = href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, label)
      : el("span", {}, label);
    return el("li", {}, link, ` — ${r.source}, ${r.time} (${r.why})`,
      r.snippet ? el("p", { class: "snippet" }, r.snippet) : null);
  });
  panel.replaceChildren(
    close,
    el("h2", {}, where(incident.place)),
    el("dl", {},
      el("dt", {}, "date"), el("dd", {}, incident.date),
      el("dt", {}, "killed"), el("dd", { class: "killed" }, (count(incident.killed) ?? "–") + range("killed")),
      el("dt", {}, "injured"), el("dd", { class: "injured" }, (count(incident.injured) ?? "–") + range("injured")),
      el("dt", {}, "weapons"), el("dd", {}, (incident.weapons ?? []).join(", ") || "–"),
      el("dt", {}, "accused"), el("dd", {}, (incident.accused ?? []).join(", ") || "–"),
      el("dt", {}, "version"), el("dd", { class: "version" }, `${incident.version}, confidence ${incident.confidence}`)),
    el("h3", {}, "toll over time"),
    chart(incident.revisions ?? []),
    el("h3", {}, `sources (${(incident.sources ?? []).length})`),
    el("ul", { class: "sources" }, ...(incident.sources ?? []).map((s) => el("li", {}, s))),
    el("h3", {}, `articles (${articles.length})`),
    el("ul", { class: "articles" }, ...articles),
  );
  panel.dataset.incident = incident.incident_id;
  panel.hidden = false;
}

async function select(id, pan = false) {
  state.selected = id;
  const response = await fetch(`/api/incidents/${encodeURIComponent(id)}`);
  if (!response.ok) return;
  const incident = await response.json();
  renderDetail(incident);
  renderList();
  const place = incident.place;
  if (pan && place?.lat != null) {
    map.setView([place.lat, place.lon], Math.max(map.getZoom(), 5), { animate: false });
    const panel = $("#detail");
    // Beside the panel, not under it (on a phone the panel covers the map anyway).
    if (panel.offsetWidth < map.getSize().x) map.panBy([panel.offsetWidth / 2, 0], { animate: false });
  }
}

// ---- loading and live updates ----------------------------------------------------------------
let generation = 0;  // a newer filter change abandons an older load
let buffered = null;  // live versions that arrive during a load, applied after it

async function load() {
  const mine = ++generation;
  buffered = buffered ?? [];
  state.filters = readFilters();
  const fresh = new Map();
  let cursor = null;
  do {
    const params = new URLSearchParams({ ...state.filters, limit: PAGE });
    if (cursor) params.set("cursor", cursor);
    let response;
    try {
      response = await fetch(`/api/incidents?${params}`);
    } catch {
      response = null;
    }
    if (mine !== generation) return;
    if (!response?.ok) {
      buffered = null;
      const reason = response ? (await response.json()).error : "the server cannot be reached";
      $("#status").textContent = reason ?? `error ${response.status}`;
      return;
    }
    const page = await response.json();
    for (const incident of page.items) fresh.set(incident.incident_id, incident);
    cursor = page.next;
  } while (cursor);
  if (mine !== generation) return;
  state.incidents = fresh;
  state.newest = Math.max(0, ...[...fresh.values()].map(time));
  clusters.clearLayers();
  state.markers.clear();
  for (const incident of fresh.values()) placeMarker(incident);
  if (!state.framed && state.markers.size) {
    state.framed = true;  // once: later loads keep the reader's view
    map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 5, animate: false });
  }
  state.shown = LIST_STEP;
  const arrived = buffered;
  buffered = null;
  for (const incident of arrived) take(incident);  // older versions than loaded are ignored
  renderList();
}

function take(incident) {
  if (buffered) { buffered.push(incident); return; }
  const id = incident.incident_id;
  const held = state.incidents.get(id);
  if (held && held.version >= incident.version) return;
  state.newest = Math.max(state.newest, time(incident));
  if (!matches(incident, state.filters)) {
    if (held) {
      state.incidents.delete(id);
      clusters.removeLayer(state.markers.get(id) ?? L.layerGroup());
      state.markers.delete(id);
      renderList();
    }
    return;
  }
  state.incidents.set(id, incident);
  placeMarker(incident, { updated: true });
  renderList();
  if (state.selected === id) renderDetail(incident);
}

const live = { status: "connecting" };
function connect() {
  const source = new EventSource("/api/stream");
  source.addEventListener("incident", (event) => take(JSON.parse(event.data)));
  source.addEventListener("open", () => {
    const missed = live.status === "reconnecting";
    live.status = "live";
    if (missed) load();  // catch up on what changed while disconnected
    else renderList();
  });
  source.addEventListener("error", () => { live.status = "reconnecting"; renderList(); });
}

let pending = null;
$("#filters").addEventListener("input", (event) => {
  if (event.target.name === "in_view") { state.shown = LIST_STEP; renderList(); return; }
  clearTimeout(pending);
  pending = setTimeout(load, 250);
});
map.on("moveend", () => { if ($("#filters input[name=in_view]").checked) renderList(); });
$("#filters").addEventListener("submit", (event) => event.preventDefault());
$("#more").addEventListener("click", () => { state.shown += LIST_STEP; renderList(); });

connect();
load();
window.newsflow = state;  // for the browser tests and the curious
window.newsflowMap = map;
