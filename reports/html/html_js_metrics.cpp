// The report's script: coupling metrics, as a sortable table and Martin's
// main-sequence chart (abstractness against instability), read from the
// embedded seam.metrics/1 document that `seam metrics --format json` writes.
#include "reports/html/html_assets.h"

namespace seam::html {

const std::string_view kJsMetrics = R"JS(
// A row of seam.metrics/1 names its module; the page refers to modules by index.
function rowModule(r) { return moduleIndex.get(r.name); }
function mainSequenceChart(rows, size) {
  const pad = 44, W = size, H = size, w = W - pad - 16, h = H - pad - 16;
  const X = i => pad + i * w, Y = a => 16 + (1 - a) * h;
  const svg = sv('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, id: 'main-sequence', role: 'img' });
  svg.appendChild(sv('title', null, 'Abstractness against instability, one dot per module'));
  // Zones: pain (stable and concrete) and uselessness (unstable and abstract).
  svg.appendChild(sv('path', { d: 'M' + X(0) + ' ' + Y(0) + 'L' + X(0.45) + ' ' + Y(0) + 'A' + (0.45 * w) + ' ' + (0.45 * h) + ' 0 0 0 ' + X(0) + ' ' + Y(0.45) + 'Z', fill: '#fde8e6' }));
  svg.appendChild(sv('path', { d: 'M' + X(1) + ' ' + Y(1) + 'L' + X(0.55) + ' ' + Y(1) + 'A' + (0.45 * w) + ' ' + (0.45 * h) + ' 0 0 0 ' + X(1) + ' ' + Y(0.55) + 'Z', fill: '#fff3de' }));
  svg.appendChild(sv('rect', { x: X(0), y: Y(1), width: w, height: h, fill: 'none', stroke: '#cfd6df' }));
  for (let t = 0.25; t < 1; t += 0.25) {
    svg.appendChild(sv('line', { x1: X(t), x2: X(t), y1: Y(0), y2: Y(1), stroke: '#eef1f5' }));
    svg.appendChild(sv('line', { x1: X(0), x2: X(1), y1: Y(t), y2: Y(t), stroke: '#eef1f5' }));
  }
  svg.appendChild(sv('line', { x1: X(0), y1: Y(1), x2: X(1), y2: Y(0), stroke: '#3d5afe', 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }));
  svg.appendChild(sv('text', { x: X(0.5) + 8, y: Y(0.5) - 8, 'font-size': 11, fill: '#3d5afe', transform: 'rotate(' + (Math.atan2(h, w) * 180 / Math.PI) + ' ' + (X(0.5) + 8) + ' ' + (Y(0.5) - 8) + ')' }, 'main sequence'));
  svg.appendChild(sv('text', { x: X(0) + 6, y: Y(0.36), 'font-size': 11, fill: '#d93025' }, 'zone of pain'));
  svg.appendChild(sv('text', { x: X(1) - 6, y: Y(1) + 14, 'font-size': 11, fill: '#b86e00', 'text-anchor': 'end' }, 'zone of uselessness'));
  [0, 0.5, 1].forEach(t => {
    svg.appendChild(sv('text', { x: X(t), y: Y(0) + 16, 'font-size': 11, 'text-anchor': 'middle', fill: '#5f6b7a' }, String(t)));
    svg.appendChild(sv('text', { x: X(0) - 8, y: Y(t) + 4, 'font-size': 11, 'text-anchor': 'end', fill: '#5f6b7a' }, String(t)));
  });
  svg.appendChild(sv('text', { x: X(0.5), y: H - 6, 'font-size': 12, 'text-anchor': 'middle', fill: '#1d2330' }, 'instability I = Ce / (Ca + Ce)'));
  svg.appendChild(sv('text', { x: 12, y: Y(0.5), 'font-size': 12, 'text-anchor': 'middle', fill: '#1d2330', transform: 'rotate(-90 12 ' + Y(0.5) + ')' }, 'abstractness A'));
  const maxLines = maxOf(rows, r => r.lines, 1);
  const label = rows.length <= 40;
  const placed = [];   // label boxes already drawn: [x0, y0, x1, y1]
  const free = (b) => placed.every(p => b[2] < p[0] || b[0] > p[2] || b[3] < p[1] || b[1] > p[3]);
  const dots = rows.filter(r => r.instability !== null).sort((a, b) => b.lines - a.lines || rowModule(a) - rowModule(b));
  const labels = sv('g', { class: 'labels' });
  dots.forEach(r => {
    const m = M[rowModule(r)];
    const rad = 4 + 8 * Math.sqrt(r.lines / maxLines);
    const cx = X(r.instability), cy = Y(r.abstractness);
    const g = sv('g', { class: 'dot', 'data-module': rowModule(r), style: 'cursor:pointer' });
    g.appendChild(sv('circle', { cx: cx, cy: cy, r: rad, fill: layerColor(m.layer), 'fill-opacity': 0.8, stroke: '#fff', 'stroke-width': 1.5 }));
    g.appendChild(sv('title', null, m.name + ': I ' + fix(r.instability) + ', A ' + fix(r.abstractness) + ', D ' + fix(r.distance)));
    g.addEventListener('click', () => { location.hash = modHref(rowModule(r)); });
    svg.appendChild(g);
    if (!label) return;
    // Labels of dots that share a spot stack upwards, with a leader line.
    const w = m.name.length * 6.2 + 4;
    const left = cx + rad + 2 + w > W - 2;   // near the right edge: label on the left
    for (let k = 0; k < 12; ++k) {
      const ly = cy - k * 14;
      const x0 = left ? cx - rad - 2 - w : cx + rad + 2;
      const box = [x0, ly - 10, x0 + w, ly + 3];
      if (!free(box) && k < 11) continue;
      placed.push(box);
      if (k) labels.appendChild(sv('line', { x1: cx, y1: cy - rad, x2: left ? cx - rad - 1 : cx + rad + 1, y2: ly - 3, stroke: '#aab4c3' }));
      labels.appendChild(sv('text', { x: left ? cx - rad - 3 : cx + rad + 3, y: ly, 'font-size': 11, fill: '#1d2330',
                                      'text-anchor': left ? 'end' : 'start' }, m.name));
      break;
    }
  });
  svg.appendChild(labels);
  return svg;
}

seam.render.metrics = function () {
  const root = clear($('metrics'));
  root.appendChild(el('h1', null, 'Metrics'));
  const X = D.metrics;   // seam.metrics/1, as `seam metrics --format json` writes it
  if (!X) { root.appendChild(unavailable('Coupling metrics')); return; }
  const P = X.project, MG = P.module_graph, CG = P.component_graph;
  root.appendChild(el('p', { class: 'muted', style: 'max-width:900px' },
      'Ca: modules that depend on this one; Ce: modules it depends on; I = Ce/(Ca+Ce); A: abstract classes over classes; ' +
      'D = |A + I \u2212 1|, the distance from the main sequence; cohesion: references that stay inside the module over all it makes; ' +
      'interface: its symbols other modules use; dependency width: symbols of other modules it uses. Click a column to sort.'));
  const cards = el('div', { class: 'cards' });
  const c = (k, v, sub) => cards.appendChild(el('div', { class: 'card' }, el('div', { class: 'k' }, k), el('div', { class: 'v' }, v), sub ? el('div', { class: 's' }, sub) : null));
  c('CCD (modules)', num(MG.ccd), 'cumulative component dependency');
  c('ACD', fix(MG.acd), 'average modules a module needs');
  c('NCCD', fix(MG.nccd), MG.nccd > 1.2 ? 'tangled: above a balanced tree (1)' : MG.nccd < 0.85 ? 'flatter than a balanced tree' : 'close to a balanced tree (1)');
  c('NCCD (components)', fix(CG.nccd), num(CG.nodes) + ' Lakos components');
  c('Modularity Q', fix(P.modularity), 'of the declared modules (\u2212\u00BD to 1)');

  const rows = X.modules.map(r => {
    const i = rowModule(r), m = M[i];
    const tr = el('tr', { 'data-module': i },
      el('td', null, modLink(i)),
      el('td', null, layerName(m.layer) || el('span', { class: 'faint' }, '\u2013')),
      el('td', { class: 'num' }, num(r.level)),
      el('td', { class: 'num' }, num(r.files)), el('td', { class: 'num' }, num(r.lines)), el('td', { class: 'num' }, num(r.symbols)),
      el('td', { class: 'num' }, num(r.afferent)), el('td', { class: 'num' }, num(r.efferent)),
      el('td', { class: 'num' }, fix(r.instability)), el('td', { class: 'num' }, fix(r.abstractness)),
      el('td', { class: 'num', style: r.distance !== null && r.distance > 0.7 ? 'color:var(--bad);font-weight:600' : null }, fix(r.distance)),
      el('td', { class: 'num' }, fix(r.cohesion)),
      el('td', { class: 'num' }, num(r.interface_width)), el('td', { class: 'num' }, num(r.dependency_width)));
    tr._r = r;
    return tr;
  });
  const k = f => ({ key: tr => f(tr._r) });
  const kd = f => ({ key: tr => f(tr._r), desc: true });
  const keys = [{ key: tr => tr._r.name }, { key: tr => M[rowModule(tr._r)].layer }, kd(r => r.level), kd(r => r.files), kd(r => r.lines),
      kd(r => r.symbols), kd(r => r.afferent), kd(r => r.efferent), kd(r => r.instability), kd(r => r.abstractness), kd(r => r.distance),
      k(r => r.cohesion), kd(r => r.interface_width), kd(r => r.dependency_width)];
  const top = el('div', { style: 'display:grid;grid-template-columns:440px minmax(0,1fr);gap:20px;align-items:start' });
  top.appendChild(el('div', { class: 'panel', style: 'margin:0' }, el('h3', { style: 'margin-top:0' }, 'Main sequence'),
      mainSequenceChart(X.modules, 400),
      el('p', { class: 'faint' }, 'One dot per module, sized by lines. Near the dashed line is balanced; bottom left is concrete code everything depends on (hard to change), top right abstractions nobody uses.')));
  top.appendChild(el('div', null, cards, el('p', { class: 'muted' },
      'CCD sums, over the modules, how many modules each one needs (itself included): the cost of building and testing each in isolation. ' +
      'NCCD compares it with a balanced binary tree of as many modules; well above 1 means tangled. Modularity Q measures how much more ' +
      'of the references stay inside the declared modules than chance would give.')));
  root.appendChild(top);
  root.appendChild(el('h2', null, 'Per module'));
  root.appendChild(el('div', { style: 'overflow-x:auto' }, table(['Module', 'Layer', { t: 'Level', num: 1 }, { t: 'Files', num: 1 }, { t: 'Lines', num: 1 },
      { t: 'Symbols', num: 1 }, { t: 'Ca', num: 1, title: 'afferent coupling' }, { t: 'Ce', num: 1, title: 'efferent coupling' },
      { t: 'I', num: 1, title: 'instability' }, { t: 'A', num: 1, title: 'abstractness' }, { t: 'D', num: 1, title: 'distance from the main sequence' },
      { t: 'Cohesion', num: 1 }, { t: 'Interface', num: 1, title: 'interface width' }, { t: 'Dep. width', num: 1, title: 'dependency width' }],
      rows, { sortable: true, keys: keys, id: 'metrics-table' })));
};
)JS";

} // namespace seam::html
