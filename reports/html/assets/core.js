// The report's script, part 1: data, DOM helpers, navigation, search and the
// sites drawer. Every name from code or config reaches the page through
// textContent or setAttribute, never through innerHTML, so it is always text.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

'use strict';
const D = JSON.parse(document.getElementById('seam-data').textContent);
const seam = window.seam = { data: D, ready: false, render: {} };

// ---- DOM helpers: text is always set as text ----
function add(parent, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    parent.appendChild(typeof k === 'object' ? k : document.createTextNode(String(k)));
  }
  return parent;
}
function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  if (props) for (const k of Object.keys(props)) {
    const v = props[k];
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = String(v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  return add(e, kids);
}
const SVGNS = 'http://www.w3.org/2000/svg';
function sv(tag, attrs, ...kids) {
  const e = document.createElementNS(SVGNS, tag);
  if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
  return add(e, kids);
}
function $(id) { return document.getElementById(id); }
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }

// ---- formatting ----
function num(n) { return n === null || n === undefined ? '\u2013' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
function fix(x, d) { return x === null || x === undefined ? '\u2013' : Number(x).toFixed(d === undefined ? 2 : d); }
function plural(n, one, many) { return num(n) + ' ' + (n === 1 ? one : (many || one + 's')); }

// ---- the data's tables ----
const M = D.modules, E = D.edges, F = D.files, S = D.symbols, K = D.kinds;
const moduleIndex = new Map(M.map((m, i) => [m.name, i]));
// The module cycles of the embedded seam.cycles/2 document, as `seam cycles
// --format json` writes them: members, path, cut and order name modules
// (moduleIndex turns a name into the page's index).
const CY = D.cycles.module_cycle_details;
const fileIndex = new Map(F.map((f, i) => [f[0], i]));
const edgeIndex = new Map(E.map((e, i) => [e.from + ':' + e.to, i]));
function modName(i) { return i >= 0 && i < M.length ? M[i].name : '(no module)'; }
function symName(i) { return i >= 0 ? S[i] : '(file scope)'; }
function filePath(i) { return i >= 0 ? F[i][0] : '(external)'; }
function edgeOf(a, b) { const i = edgeIndex.get(a + ':' + b); return i === undefined ? null : E[i]; }
function siteText(f, line, col) { return filePath(f) + ':' + line + (col ? ':' + col : ''); }
function siteEl(f, line, col) {
  return el('a', { class: 'site', href: f >= 0 ? '#file/' + encodeURIComponent(filePath(f)) : null,
                   title: 'open the module of this file' }, siteText(f, line, col));
}

// ---- colours ----
const PALETTE = ['#4f6bed', '#0e9f9a', '#e08a00', '#8b5cf6', '#d9466f', '#2f9e44', '#0284c7', '#a16207',
                 '#64748b', '#be185d', '#0f766e', '#9333ea'];
function layerColor(l) { return l === null || l === undefined || l < 0 ? '#94a3b8' : PALETTE[l % PALETTE.length]; }
// Spreading a big array into Math.max can overflow the stack: fold instead.
function maxOf(items, f, init) { return items.reduce((m, x) => Math.max(m, f(x)), init); }
const maxLevel = maxOf(M, m => m.level || 0, 1);
function levelColor(level) {
  if (!level) return '#94a3b8';
  const t = maxLevel <= 1 ? 0 : (level - 1) / (maxLevel - 1);      // light (level 1) to dark (top)
  const from = [186, 200, 255], to = [36, 52, 160];
  const c = from.map((v, i) => Math.round(v + (to[i] - v) * t));
  return 'rgb(' + c.join(',') + ')';
}
// Text colour readable on a fill: dark on light colours, white on dark ones.
function inkOn(color) {
  let rgb;
  if (color[0] === '#') rgb = [1, 3, 5].map(i => parseInt(color.slice(i, i + 2), 16));
  else rgb = (color.match(/\d+/g) || [0, 0, 0]).slice(0, 3).map(Number);
  const lum = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255;
  return lum > 0.62 ? '#1d2330' : '#ffffff';
}
function layerName(l) { return l >= 0 && l < D.layers.length ? D.layers[l] : null; }

// ---- links ----
function modHref(i) { return '#module/' + encodeURIComponent(modName(i)); }
function modLink(i, extra) {
  if (i < 0 || i >= M.length) return el('span', { class: 'muted' }, '(no module)');
  return el('a', { href: modHref(i), class: 'modlink' }, modName(i), extra || null);
}
function modLinkByName(name) {
  const i = moduleIndex.get(name);
  return i === undefined ? el('span', null, name) : modLink(i);
}
// A long list shows its first `n` items and a button for the rest.
function capped(container, items, n, render, what) {
  items.slice(0, n).forEach(x => container.appendChild(render(x)));
  if (items.length > n) {
    const more = el('button', { class: 'more', onclick: () => {
      more.remove();
      items.slice(n).forEach(x => container.appendChild(render(x)));
    } }, 'show ' + plural(items.length - n, 'more ' + what, 'more ' + what + 's'));
    container.appendChild(more);
  }
  return container;
}
// A cycle's members joined by arrows: the first `n`, then a button for the
// rest (rocksdb's component cycle has hundreds of members).
function chain(items, render, n) {
  const span = el('span');
  const put = (from, to) => items.slice(from, to).forEach((x, j) => add(span, [from + j ? ' \u2194 ' : '', render(x)]));
  put(0, n);
  if (items.length > n) {
    const more = el('button', { class: 'more', onclick: () => { more.remove(); put(n, items.length); } },
        '\u2026 and ' + num(items.length - n) + ' more');
    add(span, [' ', more]);
  }
  return span;
}
function badge(text, cls) { return el('span', { class: 'badge' + (cls ? ' ' + cls : '') }, text); }
function unavailable(what) {
  return el('div', { class: 'unavailable' }, what + ' is not available in this build of seam.');
}
function table(headers, rows, opts) {
  const t = el('table', { class: opts && opts.sortable ? 'sortable' : null, id: opts && opts.id });
  const tr = el('tr');
  headers.forEach(h => {
    const spec = typeof h === 'string' ? { t: h } : h;
    tr.appendChild(el('th', { class: spec.num ? 'num' : null, title: spec.title || null }, spec.t));
  });
  t.appendChild(el('thead', null, tr));
  const body = el('tbody');
  rows.forEach(r => body.appendChild(r));
  t.appendChild(body);
  if (opts && opts.sortable) makeSortable(t, opts.keys);
  return t;
}
// Sorting by a column: keys[col](row) gives the sort value (null sorts last).
function makeSortable(t, keys) {
  const ths = t.querySelectorAll('th');
  ths.forEach((th, col) => th.addEventListener('click', () => {
    const desc = !th.classList.contains('desc') && th.classList.contains('asc') ? true
               : th.classList.contains('desc') ? false : !!(keys[col] && keys[col].desc);
    ths.forEach(o => o.classList.remove('asc', 'desc'));
    th.classList.add(desc ? 'desc' : 'asc');
    const body = t.tBodies[0];
    const rows = Array.from(body.rows);
    const key = keys[col] ? keys[col].key : (r => r.cells[col].textContent);
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return desc ? -c : c;
    });
    rows.forEach(r => body.appendChild(r));
  }));
}

// ---- navigation: one page at a time, addressed by the URL fragment ----
const PAGES = ['overview', 'graph', 'dsm', 'metrics', 'candidates', 'violations', 'coupling', 'module'];
const TITLES = { overview: 'Overview', graph: 'Module graph', dsm: 'Dependency structure matrix',
                 metrics: 'Metrics', candidates: 'Extraction candidates', violations: 'Violations',
                 coupling: 'Change coupling' };
function showPage(id, crumb) {
  PAGES.forEach(p => $(p).classList.toggle('shown', p === id));
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === id));
  $('crumb').textContent = crumb || TITLES[id] || '';
  $('main').scrollTop = 0;
}
function route() {
  const h = location.hash.replace(/^#/, '');
  const slash = h.indexOf('/');
  const head = slash < 0 ? h : h.slice(0, slash);
  let rest = slash < 0 ? '' : h.slice(slash + 1);
  try { rest = decodeURIComponent(rest); } catch (e) { /* a hand-typed fragment: use it as is */ }
  document.querySelectorAll('#modnav a').forEach(a => a.classList.remove('active'));
  if (head === 'module' && moduleIndex.has(rest)) return showModule(moduleIndex.get(rest), null);
  if (head === 'file' && fileIndex.has(rest)) {
    const f = fileIndex.get(rest);
    if (F[f][2] >= 0) return showModule(F[f][2], f);
  }
  showPage(TITLES[head] ? head : 'overview');
}
function showModule(i, file) {
  seam.render.module(i, file);
  showPage('module', 'Module \u203A ' + M[i].name);
  const a = document.querySelector('#modnav a[data-module="' + i + '"]');
  if (a) { a.classList.add('active'); a.scrollIntoView({ block: 'nearest' }); }
  if (file !== null) {
    const row = $('module').querySelector('tr[data-file="' + file + '"]');
    if (row) row.scrollIntoView({ block: 'center' });
  }
}

// ---- sidebar ----
function buildSidebar() {
  const nav = $('modnav');
  M.forEach((m, i) => nav.appendChild(el('a', { href: modHref(i), 'data-module': i, title: m.name },
      el('span', { class: 'dot', style: 'background:' + layerColor(m.layer) }),
      el('span', { class: 'nm' }, m.name),
      m.cycle >= 0 ? el('span', { class: 'count bad', title: 'in a dependency cycle' }, '\u21BB') : null)));
  $('modcount').textContent = num(M.length);
  $('modfilter').addEventListener('input', ev => {
    const q = ev.target.value.toLowerCase();
    nav.querySelectorAll('a').forEach(a => {
      a.style.display = !q || M[+a.dataset.module].name.toLowerCase().includes(q) ? '' : 'none';
    });
  });
}
function setNavCount(page, text, bad) {
  const a = document.querySelector('#nav a[data-page="' + page + '"] .count');
  if (!a) return;
  a.textContent = text;
  a.classList.toggle('bad', !!bad);
  a.style.display = text === '' ? 'none' : '';
}

// ---- search: modules and files ----
function buildSearch() {
  const input = $('search'), box = $('results');
  let items = [], sel = -1;
  function pick(i) { if (items[i]) { location.hash = items[i].href; box.classList.remove('open'); input.blur(); } }
  function paint() {
    box.querySelectorAll('a').forEach((a, i) => a.classList.toggle('sel', i === sel));
  }
  function update() {
    const q = input.value.trim().toLowerCase();
    if (seam.render.graphFilter) seam.render.graphFilter(q);
    clear(box);
    items = [];
    sel = -1;
    if (!q) { box.classList.remove('open'); return; }
    const mods = [];
    M.forEach((m, i) => { const p = m.name.toLowerCase().indexOf(q); if (p >= 0) mods.push([p === 0 ? 0 : 1, m.name, i]); });
    mods.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    mods.slice(0, 10).forEach(([, name, i]) => items.push({ kind: 'module', text: name, href: modHref(i) }));
    let files = 0;
    for (let i = 0; i < F.length && files < 12; ++i) {
      if (F[i][0].toLowerCase().includes(q)) {
        ++files;
        items.push({ kind: 'file', text: F[i][0], sub: F[i][2] >= 0 ? modName(F[i][2]) : 'no module',
                     href: '#file/' + encodeURIComponent(F[i][0]) });
      }
    }
    items.forEach((it, i) => box.appendChild(el('a', { href: it.href, onmousedown: ev => { ev.preventDefault(); pick(i); } },
        el('span', { class: 'kind' }, it.kind), it.text, it.sub ? el('span', { class: 'faint' }, '  \u00B7 ' + it.sub) : null)));
    if (!items.length) box.appendChild(el('div', { class: 'empty' }, 'No module or file matches.'));
    box.classList.add('open');
  }
  input.addEventListener('input', update);
  input.addEventListener('focus', () => { if (input.value.trim()) update(); });
  input.addEventListener('blur', () => setTimeout(() => box.classList.remove('open'), 150));
  input.addEventListener('keydown', ev => {
    if (ev.key === 'ArrowDown') { sel = Math.min(items.length - 1, sel + 1); paint(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { sel = Math.max(0, sel - 1); paint(); ev.preventDefault(); }
    else if (ev.key === 'Enter') pick(sel < 0 ? 0 : sel);
    else if (ev.key === 'Escape') { input.value = ''; update(); input.blur(); }
  });
  document.addEventListener('keydown', ev => {
    if (ev.key === '/' && document.activeElement !== input && document.activeElement.tagName !== 'INPUT') {
      ev.preventDefault();
      input.focus();
    }
  });
}

// ---- the drawer: every site behind A -> B, as `seam why A B` prints it ----
function shortestChain(a, b) {
  const prev = new Array(M.length).fill(-1);
  const seen = new Array(M.length).fill(false);
  const queue = [a];
  seen[a] = true;
  while (queue.length) {
    const x = queue.shift();
    if (x === b) break;
    const outs = M[x].out.map(e => E[e].to).sort((p, q) => p - q);
    for (const y of outs) if (!seen[y]) { seen[y] = true; prev[y] = x; queue.push(y); }
  }
  if (!seen[b]) return null;
  const chain = [b];
  while (chain[0] !== a) chain.unshift(prev[chain[0]]);
  return chain;
}
function edgeSites(e) {
  const box = el('div');
  e.uses.forEach(([sym, count, sites]) => {
    const ul = el('ul', { class: 'plain' });
    sites.forEach(([f, line, col, kind, from]) => ul.appendChild(el('li', null,
        el('span', { class: 'kindtag' }, K[kind]), siteEl(f, line, col), el('span', { class: 'faint' }, '  in '),
        el('span', { class: 'symbol' }, symName(from)))));
    if (count > sites.length) ul.appendChild(el('li', { class: 'faint' }, '\u2026 and ' + plural(count - sites.length, 'more site')));
    box.appendChild(el('div', { class: 'use' },
        el('div', { class: 'head' }, el('span', { class: 'symbol' }, symName(sym)), badge(plural(count, 'use'))), ul));
  });
  if (e.more_symbols) box.appendChild(el('p', { class: 'faint' }, '\u2026 and ' + plural(e.more_symbols, 'more symbol') +
      ': `seam why ' + modName(e.from) + ' ' + modName(e.to) + '` lists every site.'));
  const nincs = e.kinds[e.kinds.length - 1];
  if (nincs) {
    const ul = el('ul', { class: 'plain' });
    e.incs.forEach(([f, line, col, target]) => ul.appendChild(el('li', null,
        el('span', { class: 'kindtag' }, 'include'), siteEl(f, line), el('span', { class: 'faint' }, '  includes '),
        el('span', { class: 'site' }, filePath(target)))));
    if (nincs > e.incs.length) ul.appendChild(el('li', { class: 'faint' }, '\u2026 and ' + plural(nincs - e.incs.length, 'more include')));
    box.appendChild(el('div', { class: 'use' }, el('div', { class: 'head' }, el('strong', null, '#include directives'),
        badge(plural(nincs, 'include'))), ul));
  }
  return box;
}
function kindSummary(e) {
  const parts = [];
  e.kinds.forEach((n, k) => { if (n) parts.push(K[k] + ' ' + num(n)); });
  return parts.join(', ');
}
function openPair(a, b) {
  const d = $('drawer'), content = $('drawer-content'), title = $('drawer-title');
  clear(content);
  clear(title);
  add(title, [el('div', { class: 'muted' }, 'seam why'), el('h2', { style: 'margin:2px 0' },
      modLink(a), ' \u2192 ', modLink(b))]);
  const e = edgeOf(a, b);
  if (e) {
    add(content, [el('p', null, plural(e.weight, 'dependency', 'dependencies') + ' (' + kindSummary(e) + ').',
        e.cycle ? [' ', badge('in a cycle', 'bad')] : null, edgeViolationBadges(e)), edgeSites(e)]);
  } else if (a === b) {
    content.appendChild(el('p', { class: 'muted' }, 'A module\u2019s use of itself is not a dependency.'));
  } else {
    const chain = shortestChain(a, b);
    if (!chain) content.appendChild(el('p', null, modName(a) + ' does not depend on ' + modName(b) + ', directly or through other modules.'));
    else {
      content.appendChild(el('p', null, modName(a) + ' does not use ' + modName(b) + ' directly; the shortest chain is ' +
          chain.map(modName).join(' \u2192 ') + '. One site per link:'));
      for (let i = 0; i + 1 < chain.length; ++i) {
        const link = edgeOf(chain[i], chain[i + 1]);
        const first = link.uses.length ? link.uses[0] : null;
        content.appendChild(el('div', { class: 'use' }, el('div', { class: 'head' },
            el('span', null, modLink(chain[i]), ' \u2192 ', modLink(chain[i + 1])), badge(plural(link.weight, 'dependency', 'dependencies'))),
            first ? el('div', null, el('span', { class: 'symbol' }, symName(first[0])), '  ',
                       first[2].length ? siteEl(first[2][0][0], first[2][0][1], first[2][0][2]) : null)
                  : link.incs.length ? siteEl(link.incs[0][0], link.incs[0][1]) : null));
      }
    }
  }
  d.classList.add('open');
  d.dataset.pair = a + ':' + b;
}
seam.openPair = openPair;
function closeDrawer() { $('drawer').classList.remove('open'); }
function edgeViolationBadges(e) {
  if (!D.check) return null;
  const rules = new Set();
  D.check.violations.forEach(v => { if (v.from === modName(e.from) && v.to === modName(e.to)) rules.add(v.rule); });
  return Array.from(rules).sort().map(r => [' ', badge(r, 'warn')]);
}
