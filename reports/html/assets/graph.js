// The report's script: the module graph. The drawing is Graphviz's SVG, inlined
// by the page; this part makes it a map: nodes open their module, colours
// follow layers or levels, cycle edges stand out, the wheel zooms, a drag pans.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

// A module cycle this long gets a pointer to the matrix under the drawing.
const KNOT_MODULES = 6;

seam.render.graph = function () {
  const view = $('graph-view');
  const svg = view ? view.querySelector('svg') : null;
  const bar = $('graph-toolbar');
  if (!svg) {
    if (bar) bar.style.display = 'none';
    return;
  }
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const vb0 = (svg.getAttribute('viewBox') || '0 0 100 100').split(/[\s,]+/).map(Number);
  let vb = vb0.slice();
  function apply() { svg.setAttribute('viewBox', vb.map(v => v.toFixed(2)).join(' ')); }

  // Graphviz's own legend has its colours; the toolbar's legend follows ours.
  svg.querySelectorAll('g.graph > g[id^="a_graph"] > a > *:not(polygon:first-child)').forEach(e => e.remove());
  // Nodes and edges carry their names in <title> (Graphviz writes them).
  const nodes = [], edges = [];
  svg.querySelectorAll('g.node').forEach(g => {
    const t = g.querySelector('title');
    const i = t ? moduleIndex.get(t.textContent) : undefined;
    if (i === undefined) return;
    g.dataset.module = i;
    nodes.push(g);
    g.addEventListener('click', ev => { if (!moved) location.hash = modHref(i); });
    // A plain tooltip: name, layer, level, size.
    const m = M[i];
    t.textContent = m.name + '\n' + (layerName(m.layer) ? 'layer ' + layerName(m.layer) + ', ' : '') + 'level ' + m.level +
        '\n' + plural(m.files.length, 'file') + ', ' + num(m.lines) + ' lines' + (m.cycle >= 0 ? '\nin a dependency cycle' : '');
  });
  svg.querySelectorAll('g.edge').forEach(g => {
    const t = g.querySelector('title');
    if (!t) return;
    const name = t.textContent;
    // "from->to": module names may themselves hold "->", so try each split.
    let found = null;
    for (let p = name.indexOf('->'); p >= 0 && !found; p = name.indexOf('->', p + 1)) {
      const a = moduleIndex.get(name.slice(0, p)), b = moduleIndex.get(name.slice(p + 2));
      if (a !== undefined && b !== undefined && edgeOf(a, b)) found = [a, b];
    }
    if (!found) return;
    const e = edgeOf(found[0], found[1]);
    g.dataset.from = found[0];
    g.dataset.to = found[1];
    if (e.cycle) g.classList.add('cycle');
    g.style.cursor = 'pointer';
    g.addEventListener('click', () => { if (!moved) openPair(found[0], found[1]); });
    t.textContent = modName(found[0]) + ' \u2192 ' + modName(found[1]) + ': ' + plural(e.weight, 'dependency', 'dependencies') +
        ' (' + kindSummary(e) + ')' + (e.cycle ? '\nin a cycle' : '') + '\nclick for the sites';
    edges.push(g);
  });
  seam.graphNodes = nodes.length;

  // Colour by layer or by level; the legend follows.
  function paint(mode) {
    nodes.forEach(g => {
      const m = M[+g.dataset.module];
      const c = mode === 'level' ? levelColor(m.level) : layerColor(m.layer);
      g.querySelectorAll('polygon, ellipse, path').forEach(s => {
        s.setAttribute('fill', c);
        s.setAttribute('stroke', m.cycle >= 0 ? '#d93025' : '#1d2330');
      });
      g.querySelectorAll('text').forEach(s => s.setAttribute('fill', inkOn(c)));
    });
    const legend = clear($('graph-legend'));
    if (mode === 'level') {
      for (let l = 1; l <= maxLevel; ++l) legend.appendChild(el('span', null, el('span', { class: 'sw', style: 'background:' + levelColor(l) }), 'level ' + l));
    } else {
      D.layers.forEach((name, l) => legend.appendChild(el('span', null, el('span', { class: 'sw', style: 'background:' + layerColor(l) }), name)));
      if (!D.layers.length || M.some(m => m.layer < 0)) legend.appendChild(el('span', null, el('span', { class: 'sw', style: 'background:' + layerColor(-1) }), 'no layer'));
    }
    legend.appendChild(el('span', null, el('span', { class: 'sw', style: 'background:#d93025' }), 'cycle'));
    document.querySelectorAll('#graph-colour button').forEach(b => b.classList.toggle('on', b.dataset.mode === mode));
  }
  document.querySelectorAll('#graph-colour button').forEach(b => b.addEventListener('click', () => paint(b.dataset.mode)));
  paint(D.layers.length ? 'layer' : 'level');

  // Pan and zoom on the viewBox: the drawing stays sharp at any scale.
  function zoom(factor, cx, cy) {
    const w = vb[2] * factor, h = vb[3] * factor;
    if (w < vb0[2] / 40 || w > vb0[2] * 4) return;
    vb = [cx - (cx - vb[0]) * factor, cy - (cy - vb[1]) * factor, w, h];
    apply();
  }
  function toSvg(clientX, clientY) {
    const r = svg.getBoundingClientRect();
    const scale = Math.max(vb[2] / r.width, vb[3] / r.height);
    const ox = (r.width * scale - vb[2]) / 2, oy = (r.height * scale - vb[3]) / 2;
    return [vb[0] - ox + (clientX - r.left) * scale, vb[1] - oy + (clientY - r.top) * scale, scale];
  }
  function fit() { vb = vb0.slice(); apply(); }
  view.addEventListener('wheel', ev => {
    ev.preventDefault();
    const [x, y] = toSvg(ev.clientX, ev.clientY);
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, x, y);
  }, { passive: false });
  let drag = null, moved = false;
  view.addEventListener('pointerdown', ev => { drag = [ev.clientX, ev.clientY, vb[0], vb[1]]; moved = false; });
  view.addEventListener('pointermove', ev => {
    if (!drag) return;
    const dx = ev.clientX - drag[0], dy = ev.clientY - drag[1];
    if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!moved) { moved = true; view.classList.add('dragging'); view.setPointerCapture(ev.pointerId); }
    const scale = toSvg(0, 0)[2];
    vb[0] = drag[2] - dx * scale;
    vb[1] = drag[3] - dy * scale;
    apply();
  });
  const end = () => { drag = null; view.classList.remove('dragging'); setTimeout(() => { moved = false; }, 0); };
  view.addEventListener('pointerup', end);
  view.addEventListener('pointercancel', end);
  view.addEventListener('dblclick', fit);
  const centre = () => [vb[0] + vb[2] / 2, vb[1] + vb[3] / 2];
  $('zoom-in').addEventListener('click', () => zoom(1 / 1.3, ...centre()));
  $('zoom-out').addEventListener('click', () => zoom(1.3, ...centre()));
  $('zoom-fit').addEventListener('click', fit);
  apply();

  // The search box highlights the modules whose name, or one of whose files, matches.
  seam.render.graphFilter = function (q) {
    view.classList.toggle('filtering', !!q);
    if (!q) { nodes.concat(edges).forEach(g => g.classList.remove('hit')); return; }
    const hit = new Set();
    M.forEach((m, i) => { if (m.name.toLowerCase().includes(q)) hit.add(i); });
    F.forEach(f => { if (f[2] >= 0 && f[0].toLowerCase().includes(q)) hit.add(f[2]); });
    nodes.forEach(g => g.classList.toggle('hit', hit.has(+g.dataset.module)));
    edges.forEach(g => g.classList.toggle('hit', hit.has(+g.dataset.from) && hit.has(+g.dataset.to)));
  };
  const note = $('graph-note');
  if (note && D.graph) {
    const g = D.graph;
    note.textContent = plural(M.length, 'module') + ', ' + plural(g.drawn, 'edge') + ' drawn' +
        (g.hidden ? '; ' + plural(g.hidden, 'thinner edge') + ' (fewer than ' + num(g.min_weight) + ' dependencies) folded away \u2014 the DSM shows every edge' : '') +
        '. Edges: ' + (g.edge_kinds === 'include' ? '#include directives only' : g.edge_kinds === 'symbol' ? 'references to symbols only' : '#include directives and references to symbols') +
        '. Click a module for its page, an edge for its sites; scroll to zoom, drag to pan, double-click to fit.';
    // Drawn, a cycle of many modules is a knot of edges (duckdb: 15 of 16
    // modules, 141 edges); the matrix orders it by its cut and shows each edge.
    const knot = maxOf(CY, c => c.order.length, 0);
    if (knot >= KNOT_MODULES) {
      note.append(' ' + num(knot) + ' of the ' + plural(M.length, 'module') +
                  ' are in one cycle, which no drawing keeps legible: ',
                  el('a', { href: '#dsm', id: 'graph-knot' }, 'the dependency matrix'),
                  ' orders them by the cycle\u2019s minimum cut and shows every edge between them as a number.');
    }
  }
};
