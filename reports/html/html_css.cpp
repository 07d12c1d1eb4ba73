// The report's stylesheet: a sidebar, a top bar with search, one page at a
// time. System fonts only (no web font: nothing may be fetched).
#include "reports/html/html_assets.h"

namespace seam::html {

const std::string_view kCss = R"CSS(
:root {
  --bg: #f6f7f9; --panel: #ffffff; --ink: #1d2330; --muted: #5f6b7a; --faint: #8a94a3;
  --line: #e3e7ed; --line-strong: #cfd6df; --side: #141a26; --side-ink: #c9d1dc; --side-dim: #7f8a9b;
  --accent: #3d5afe; --accent-soft: #e8ecff; --bad: #d93025; --bad-soft: #fde8e6;
  --warn: #b86e00; --warn-soft: #fff3de; --good: #137f4b; --good-soft: #e3f5eb; --info: #4a5a70;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
  --radius: 8px;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.5 var(--sans); color: var(--ink); background: var(--bg); display: flex; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .mono { font-family: var(--mono); font-size: 12.5px; }
h1 { font-size: 22px; margin: 0 0 4px; font-weight: 650; letter-spacing: -0.01em; }
h2 { font-size: 16px; margin: 28px 0 10px; font-weight: 650; }
h3 { font-size: 14px; margin: 18px 0 8px; font-weight: 650; }
p { margin: 6px 0 10px; }
.muted { color: var(--muted); }
.faint { color: var(--faint); }
.nowrap { white-space: nowrap; }

/* Sidebar */
#sidebar { width: 248px; flex: none; background: var(--side); color: var(--side-ink); height: 100vh;
  position: sticky; top: 0; display: flex; flex-direction: column; }
#brand { padding: 18px 18px 12px; border-bottom: 1px solid #232b3a; }
#brand .logo { font-weight: 750; font-size: 18px; color: #fff; letter-spacing: 0.02em; }
#brand .logo span { color: #7d93ff; }
#brand .project { color: var(--side-ink); font-size: 13px; margin-top: 2px; word-break: break-all; }
#brand .date { color: var(--side-dim); font-size: 12px; }
#nav { padding: 10px 8px; border-bottom: 1px solid #232b3a; }
#nav a, #modnav a { display: flex; align-items: center; justify-content: space-between; gap: 8px;
  color: var(--side-ink); padding: 6px 10px; border-radius: 6px; font-size: 13.5px; }
#nav a:hover, #modnav a:hover { background: #1f2736; text-decoration: none; color: #fff; }
#nav a.active, #modnav a.active { background: #2a3552; color: #fff; }
#nav .count { font-size: 11.5px; padding: 0 7px; border-radius: 9px; background: #2a3242; color: var(--side-ink); }
#nav .count.bad { background: #5c1f1b; color: #ffb4ab; }
#modhead { padding: 12px 18px 6px; font-size: 11px; text-transform: uppercase; letter-spacing: 0.08em;
  color: var(--side-dim); display: flex; justify-content: space-between; }
#modfilter { margin: 0 12px 6px; padding: 5px 9px; border-radius: 6px; border: 1px solid #2c3546;
  background: #0f141d; color: #fff; font: inherit; font-size: 13px; }
#modnav { overflow-y: auto; padding: 0 8px 16px; flex: 1; }
#modnav a .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
#modnav a .nm { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

/* Main column */
#main { flex: 1; min-width: 0; height: 100vh; overflow-y: auto; }
#topbar { position: sticky; top: 0; z-index: 20; background: rgba(246,247,249,0.94);
  backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); padding: 10px 28px;
  display: flex; align-items: center; gap: 16px; }
#crumb { flex: 1; font-weight: 600; color: var(--muted); overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
#searchbox { position: relative; width: 360px; }
#search { width: 100%; padding: 7px 12px 7px 30px; border: 1px solid var(--line-strong); border-radius: 8px;
  font: inherit; background: #fff; }
#search:focus { outline: 2px solid var(--accent-soft); border-color: var(--accent); }
#searchbox::before { content: "\2315"; position: absolute; left: 10px; top: 6px; color: var(--faint); }
#results { position: absolute; top: 38px; left: 0; right: 0; background: #fff; border: 1px solid var(--line-strong);
  border-radius: 8px; box-shadow: 0 8px 24px rgba(20,26,38,0.14); max-height: 420px; overflow-y: auto; display: none; }
#results.open { display: block; }
#results a { display: block; padding: 6px 12px; color: var(--ink); border-bottom: 1px solid var(--line); }
#results a:hover, #results a.sel { background: var(--accent-soft); text-decoration: none; }
#results .kind { font-size: 11px; color: var(--faint); text-transform: uppercase; margin-right: 8px; }
#results .empty { padding: 10px 12px; color: var(--muted); }
.page { display: none; padding: 24px 28px 60px; max-width: 1400px; }
.page.shown { display: block; }
.lede { font-size: 15px; color: var(--ink); max-width: 900px; }

/* Cards, badges, tables */
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; margin: 16px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; }
.card .k { font-size: 12px; color: var(--muted); }
.card .v { font-size: 22px; font-weight: 650; margin-top: 2px; }
.card .s { font-size: 12px; color: var(--faint); }
.card.bad .v { color: var(--bad); }
.card.good .v { color: var(--good); }
.card.wide { grid-column: span 2; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 14px 16px; margin: 12px 0; }
.badge { display: inline-block; font-size: 11.5px; font-weight: 600; padding: 1px 8px; border-radius: 10px;
  background: #eef1f5; color: var(--info); vertical-align: 1px; white-space: nowrap; }
.badge.bad { background: var(--bad-soft); color: var(--bad); }
.badge.warn { background: var(--warn-soft); color: var(--warn); }
.badge.good { background: var(--good-soft); color: var(--good); }
.badge.accent { background: var(--accent-soft); color: var(--accent); }
table { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line);
  border-radius: var(--radius); overflow: hidden; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: #fafbfc; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: none; }
tbody tr:hover { background: #fafbff; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th.asc::after { content: " \25B2"; font-size: 9px; }
table.sortable th.desc::after { content: " \25BC"; font-size: 9px; }
.bar { display: inline-block; height: 8px; border-radius: 4px; background: var(--accent); vertical-align: middle; }
.bar.track { background: #e9edf3; width: 100px; position: relative; }
.bar.track > .bar { position: absolute; left: 0; top: 0; }
.empty-note { color: var(--muted); font-style: italic; }
.unavailable { background: var(--warn-soft); color: var(--warn); border-radius: var(--radius); padding: 12px 14px; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: 3px 0; }
.site { font-family: var(--mono); font-size: 12.5px; }
.symbol { font-family: var(--mono); font-size: 12.5px; word-break: break-all; }
.kindtag { font-size: 11px; color: var(--muted); border: 1px solid var(--line-strong); border-radius: 4px; padding: 0 5px; margin-right: 6px; }
details { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); margin: 8px 0; }
details > summary { cursor: pointer; padding: 10px 14px; list-style: none; display: flex; align-items: center; gap: 12px; }
details > summary::-webkit-details-marker { display: none; }
details > summary::before { content: "\25B8"; color: var(--faint); }
details[open] > summary::before { content: "\25BE"; }
details > .body { padding: 4px 16px 14px; border-top: 1px solid var(--line); }
pre.code { background: #0f141d; color: #dbe3ee; padding: 12px 14px; border-radius: 6px; overflow: auto; max-height: 420px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
@media (max-width: 1100px) { .grid2 { grid-template-columns: 1fr; } }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 12.5px; color: var(--muted); align-items: center; }
.legend .sw { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 5px; vertical-align: -2px; }
.toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0 12px; }
button, .btn { font: inherit; font-size: 13px; padding: 5px 12px; border-radius: 6px; border: 1px solid var(--line-strong);
  background: #fff; color: var(--ink); cursor: pointer; }
button:hover { border-color: var(--accent); color: var(--accent); }
button.on { background: var(--accent); color: #fff; border-color: var(--accent); }
button.more { margin: 6px 0; font-size: 12px; padding: 2px 10px; }
.seg { display: inline-flex; }
.seg button { border-radius: 0; margin-left: -1px; }
.seg button:first-child { border-radius: 6px 0 0 6px; }
.seg button:last-child { border-radius: 0 6px 6px 0; }

/* Graph */
#graph-view { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); height: calc(100vh - 210px);
  min-height: 420px; overflow: hidden; position: relative; cursor: grab; touch-action: none; }
#graph-view.dragging { cursor: grabbing; }
#graph-view svg { width: 100%; height: 100%; display: block; }
#graph-view g.node { cursor: pointer; }
#graph-view g.node:hover polygon, #graph-view g.node:hover ellipse, #graph-view g.node:hover path { stroke-width: 2.5; }
#graph-view.filtering g.node:not(.hit), #graph-view.filtering g.edge:not(.hit) { opacity: 0.18; }
#graph-view g.node.hit polygon, #graph-view g.node.hit ellipse { stroke: var(--accent); stroke-width: 3; }
#graph-view g.edge.cycle path { stroke: var(--bad); stroke-width: 2.2; }
#graph-view g.edge.cycle polygon { fill: var(--bad); stroke: var(--bad); }
#graph-note { font-size: 12.5px; color: var(--muted); }

/* DSM */
#dsm-wrap { overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: var(--radius);
  max-height: calc(100vh - 200px); }
#dsm-wrap svg text { font-family: var(--sans); }
#dsm-wrap .cell { cursor: pointer; }
#dsm-wrap .cell:hover { stroke: var(--ink); stroke-width: 1.5; }
#dsm-wrap .rowlabel { cursor: pointer; }
#dsm-wrap .rowlabel:hover { fill: var(--accent); }

/* Side panel: sites behind an edge */
#drawer { position: fixed; top: 0; right: 0; width: min(640px, 92vw); height: 100vh; background: #fff; z-index: 40;
  box-shadow: -12px 0 32px rgba(20,26,38,0.18); transform: translateX(105%); transition: transform .18s ease;
  display: flex; flex-direction: column; }
#drawer.open { transform: none; }
#drawer header { padding: 16px 20px; border-bottom: 1px solid var(--line); display: flex; align-items: flex-start; gap: 12px; }
#drawer header .t { flex: 1; }
#drawer .content { padding: 8px 20px 30px; overflow-y: auto; flex: 1; }
#drawer .use { border-bottom: 1px solid var(--line); padding: 10px 0; }
#drawer .use .head { display: flex; justify-content: space-between; gap: 10px; }
#drawer .use ul { margin: 4px 0 0; padding-left: 18px; }

/* Module page */
.modhead { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.modhead h1 { word-break: break-all; }
.file-hit td { background: #fff7d6; }
.chip { display: inline-block; padding: 1px 8px; margin: 2px 4px 2px 0; border-radius: 10px; background: #eef1f5; font-size: 12px; }
.chip.more { background: none; color: var(--faint); }
.violation { display: flex; gap: 10px; padding: 5px 0; border-bottom: 1px dashed var(--line); align-items: baseline; }
.violation:last-child { border-bottom: none; }
.violation .msg { flex: 1; }
noscript div { padding: 40px; font-size: 16px; }
@media print {
  #sidebar, #topbar, #drawer { display: none; }
  #main { height: auto; overflow: visible; }
  .page { display: block !important; page-break-after: always; }
}
)CSS";

} // namespace seam::html
