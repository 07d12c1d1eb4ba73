// The report's script: the dependency structure matrix. Rows depend on
// columns; modules ordered by level with dependencies first, so every
// dependency sits below the diagonal except the minimum cut of each cycle
// (its members follow the cut's order), which sits above it in red. Drawn as SVG with one element per non-empty cell, so
// 300 modules stay light.
#include "reports/html/html_assets.h"

namespace seam::html {

const std::string_view kJsDsm = R"JS(
seam.render.dsm = function () {
  const root = clear($('dsm'));
  root.appendChild(el('h1', null, 'Dependency structure matrix'));
  root.appendChild(el('p', { class: 'muted', style: 'max-width:900px' },
      'Row uses column; a cell counts the references and includes behind that dependency. Modules are ordered by level, ' +
      'dependencies first, so every dependency falls below the diagonal \u2014 except inside a cycle, whose members follow its minimum cut: ' +
      'the cells above the diagonal (red) are that cut, the fewest uses to remove to make the cycle go away, and the outlined blocks are the cycles. ' +
      'Click a cell for its sites, as seam why A B prints them.'));
  const n = M.length;
  if (!n) { root.appendChild(el('p', { class: 'empty-note' }, 'No module.')); return; }
  // Inside a cycle, the minimum cut's order reversed (dependencies first):
  // only the cut edges then sit above the diagonal (DSM partitioning and tearing).
  const inCycle = new Array(M.length).fill(0);
  CY.forEach(c => c.order.forEach((m, k) => { inCycle[moduleIndex.get(m)] = c.order.length - k; }));
  const order = M.map((m, i) => i).sort((a, b) => (M[a].level - M[b].level) ||
      ((M[a].cycle < 0 ? 1e9 : M[a].cycle) - (M[b].cycle < 0 ? 1e9 : M[b].cycle)) || (inCycle[a] - inCycle[b]) ||
      M[a].name.localeCompare(M[b].name));
  const pos = new Array(n);
  order.forEach((m, k) => { pos[m] = k; });
  seam.dsmOrder = order;

  const s = n <= 20 ? 30 : n <= 50 ? 22 : n <= 120 ? 14 : 9;      // cell size
  const font = Math.max(8, Math.min(12, Math.round(s * 0.42)));
  const longest = maxOf(M, m => m.name.length, 0);
  const labelW = Math.min(260, 34 + longest * 7);
  const levelW = 26;
  const headH = s >= 14 ? 34 : 10;
  const left = levelW + labelW, top = headH;
  const W = left + n * s + 2, H = top + n * s + 2;
  const svg = sv('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, id: 'dsm-svg' });

  // Level bands and grid.
  let start = 0;
  for (let k = 1; k <= n; ++k) {
    if (k === n || M[order[k]].level !== M[order[start]].level) {
      const y = top + start * s;
      const band = sv('rect', { x: 0, y: y, width: levelW - 2, height: (k - start) * s, fill: (M[order[start]].level % 2) ? '#eef1f6' : '#e2e7f0' });
      svg.appendChild(band);
      svg.appendChild(sv('text', { x: (levelW - 2) / 2, y: y + (k - start) * s / 2 + 4, 'text-anchor': 'middle', 'font-size': 10, fill: '#5f6b7a' }, String(M[order[start]].level)));
      if (start > 0) svg.appendChild(sv('line', { x1: left, x2: left + n * s, y1: y, y2: y, stroke: '#aab4c3', 'stroke-width': 1 }));
      if (start > 0) svg.appendChild(sv('line', { y1: top, y2: top + n * s, x1: left + start * s, x2: left + start * s, stroke: '#aab4c3', 'stroke-width': 1 }));
      start = k;
    }
  }
  svg.appendChild(sv('text', { x: 2, y: top - 4, 'font-size': 9, fill: '#8a94a3' }, 'level'));
  svg.appendChild(sv('rect', { x: left, y: top, width: n * s, height: n * s, fill: 'none', stroke: '#cfd6df' }));
  if (s >= 14) {
    const grid = [];
    for (let k = 1; k < n; ++k) grid.push('M' + left + ' ' + (top + k * s) + 'h' + n * s + 'M' + (left + k * s) + ' ' + top + 'v' + n * s);
    svg.appendChild(sv('path', { d: grid.join(''), stroke: '#f0f2f5', 'stroke-width': 1 }));
  }
  // Row labels (name) and column headers (position).
  order.forEach((m, k) => {
    const t = sv('text', { x: left - 6, y: top + k * s + s / 2 + font / 3, 'text-anchor': 'end', 'font-size': font, class: 'rowlabel',
                           fill: M[m].cycle >= 0 ? '#d93025' : '#1d2330', 'data-module': m }, (s >= 14 ? (k + 1) + '  ' : '') + M[m].name);
    t.addEventListener('click', () => { location.hash = modHref(m); });
    svg.appendChild(t);
    if (s >= 14) svg.appendChild(sv('text', { x: left + k * s + s / 2, y: top - 8, 'text-anchor': 'middle', 'font-size': Math.min(font, 10), fill: '#5f6b7a' }, String(k + 1)));
    svg.appendChild(sv('rect', { x: left + k * s, y: top + k * s, width: s, height: s, fill: '#3b4456' }));
  });
  // Cells.
  const maxW = maxOf(E, e => e.weight, 1);
  E.forEach((e, idx) => {
    const r = pos[e.from], c = pos[e.to];
    const above = c > r;
    const t = Math.log(1 + e.weight) / Math.log(1 + maxW);
    const fill = above ? 'rgba(217,48,37,' + (0.35 + 0.6 * t).toFixed(2) + ')' : 'rgba(61,90,254,' + (0.12 + 0.7 * t).toFixed(2) + ')';
    const g = sv('g', { class: 'cell' + (above ? ' above' : '') + (e.cycle ? ' cyc' : ''), 'data-from': e.from, 'data-to': e.to, 'data-edge': idx });
    g.appendChild(sv('rect', { x: left + c * s + 0.5, y: top + r * s + 0.5, width: s - 1, height: s - 1, fill: fill, rx: s >= 14 ? 2 : 0 }));
    if (s >= 14) g.appendChild(sv('text', { x: left + c * s + s / 2, y: top + r * s + s / 2 + font / 3, 'text-anchor': 'middle', 'font-size': Math.max(8, font - 1),
                                           fill: t > 0.45 || above ? '#ffffff' : '#1d2330' }, e.weight > 999 ? Math.round(e.weight / 1000) + 'k' : String(e.weight)));
    g.appendChild(sv('title', null, modName(e.from) + ' \u2192 ' + modName(e.to) + ': ' + plural(e.weight, 'dependency', 'dependencies') +
                                    (above ? ' (in the minimum cut of its cycle)' : '')));
    g.addEventListener('click', () => openPair(e.from, e.to));
    svg.appendChild(g);
  });
  // Cycles as outlined blocks on the diagonal.
  CY.forEach(c => {
    const ps = c.members.map(m => pos[moduleIndex.get(m)]);
    const a = -maxOf(ps, x => -x, -Infinity), b = maxOf(ps, x => x, -Infinity);
    svg.appendChild(sv('rect', { x: left + a * s, y: top + a * s, width: (b - a + 1) * s, height: (b - a + 1) * s, fill: 'none',
                                 stroke: '#d93025', 'stroke-width': 2, 'stroke-dasharray': '4 2', class: 'cycle-block' }));
  });
  const wrap = el('div', { id: 'dsm-wrap' }, svg);
  root.appendChild(el('div', { class: 'legend', style: 'margin-bottom:10px' },
      el('span', null, el('span', { class: 'sw', style: 'background:rgba(61,90,254,0.6)' }), 'dependency (darker = more)'),
      el('span', null, el('span', { class: 'sw', style: 'background:rgba(217,48,37,0.8)' }), 'above the diagonal: the minimum cut of a cycle'),
      el('span', null, el('span', { class: 'sw', style: 'border:2px dashed #d93025' }), 'cycle'),
      el('span', null, plural(E.length, 'dependency', 'dependencies') + ' among ' + plural(n, 'module'))));
  root.appendChild(wrap);
};
)JS";

} // namespace seam::html
