// The report's script: the Change coupling page (which modules change in the
// same commits of the git history: a matrix and a table ordered by strength,
// hidden coupling, i.e. no static dependency, in red; the file pairs behind a
// pair in the drawer) and the history part of each module page. Every number
// comes from the embedded seam.change-coupling/1 and seam.history/1 documents
// or the report's own lists of them (history_view); author names are text.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

const HV = D.history_view, HC = D.change_coupling, HH = D.history;
const HAVE_HISTORY = !!(HV && HV.available && HC && HH);
const historyRow = new Map(HAVE_HISTORY ? HH.modules.map(r => [r.name, r]) : []);
const pairFiles = new Map(HAVE_HISTORY ? HV.pairs.map(([a, b, rows, more]) => [a + ':' + b, { rows: rows, more: more }]) : []);
const hotFiles = new Map(HAVE_HISTORY ? HV.files.map(([m, rows, more]) => [m, { rows: rows, more: more }]) : []);
// The document's module pairs, with the page's module indices (a < b by name order of the document).
const CP = HAVE_HISTORY ? HC.edges.map(e => Object.assign({ ai: moduleIndex.get(e.a), bi: moduleIndex.get(e.b) }, e)) : [];
function fileLink(f) { return el('a', { class: 'site', href: '#file/' + encodeURIComponent(filePath(f)), title: 'open the module of this file' }, filePath(f)); }
function pct(x) { return Math.round(100 * x) + '%'; }
function commitsOf(i) { const r = historyRow.get(modName(i)); return r ? r.commits : 0; }
function couplingBadge(p) {
  return p.hidden ? badge('hidden coupling', 'bad') : p.static_dependency ? badge('static dependency') : badge('no static dependency', 'warn');
}
function findPair(a, b) { return CP.find(p => (p.ai === a && p.bi === b) || (p.ai === b && p.bi === a)) || null; }
function thresholdsText() {
  const t = HC.thresholds;
  return 'A pair is listed when ' + num(t.min_shared) + ' or more commits changed both; it is hidden coupling when neither ' +
      'module uses the other in the code, ' + num(t.hidden_min_shared) + ' or more commits changed both, and at least ' +
      pct(t.hidden_min_confidence) + ' of one module\u2019s commits also changed the other.';
}

// The drawer for one pair: how often, in which direction, whether the code
// explains it, and the files that changed together.
function openCoupling(a, b) {
  const p = findPair(a, b);
  if (!p) return;
  const d = $('drawer'), content = clear($('drawer-content')), title = clear($('drawer-title'));
  add(title, [el('div', { class: 'muted' }, 'changed together'), el('h2', { style: 'margin:2px 0' },
      modLink(p.ai), ' \u2194 ', modLink(p.bi))]);
  const ca = commitsOf(p.ai), cb = commitsOf(p.bi);
  content.appendChild(el('p', null, el('strong', null, plural(p.commits, 'commit')), ' changed both: ',
      pct(p.confidence_a_to_b) + ' of ' + p.a + '\u2019s ' + plural(ca, 'commit') + ' also changed ' + p.b + ', and ' +
      pct(p.confidence_b_to_a) + ' of ' + p.b + '\u2019s ' + plural(cb, 'commit') + ' also changed ' + p.a + '.', ' ', couplingBadge(p)));
  const ab = edgeOf(p.ai, p.bi), ba = edgeOf(p.bi, p.ai);
  if (ab || ba) {
    const why = (e, x, y) => e ? el('a', { href: '#', onclick: ev => { ev.preventDefault(); openPair(x, y); } },
        modName(x) + ' \u2192 ' + modName(y) + ' (' + plural(e.weight, 'dependency', 'dependencies') + ')') : null;
    content.appendChild(el('p', null, 'The code explains it: ', why(ab, p.ai, p.bi), ab && ba ? ', ' : '', why(ba, p.bi, p.ai), '.'));
  } else if (p.hidden) {
    content.appendChild(el('p', { class: 'panel hidden-note' }, 'Neither module uses the other in the code, yet they change together: ' +
        'look for what they share that the compiler does not see (a file format, a protocol, a copied constant, a data contract). ' +
        'Extracting one of them as a service will not spare you releasing both.'));
  } else {
    content.appendChild(el('p', { class: 'muted' }, 'Neither module uses the other in the code; too few shared commits to call it hidden coupling. ' +
        thresholdsText()));
  }
  const pf = pairFiles.get(Math.min(p.ai, p.bi) + ':' + Math.max(p.ai, p.bi));
  content.appendChild(el('h3', null, 'Files changed together'));
  if (!pf || !pf.rows.length) {
    content.appendChild(el('p', { class: 'muted' }, 'No single pair of files changed together in ' + num(HC.thresholds.min_shared) +
        ' or more commits: the co-change is spread over many files.'));
  } else {
    // Rows come oriented as the module pair (lower module index first).
    const first = Math.min(p.ai, p.bi);
    content.appendChild(table([modName(first), modName(first === p.ai ? p.bi : p.ai), { t: 'Commits', num: 1 },
        { t: '\u2192', num: 1, title: 'share of the left file\u2019s commits that changed the right one' },
        { t: '\u2190', num: 1, title: 'share of the right file\u2019s commits that changed the left one' }, ''],
        pf.rows.map(([fa, fb, n, cab, cba, st, hid]) => el('tr', { class: hid ? 'hidden-pair' : null },
            el('td', null, fileLink(fa)), el('td', null, fileLink(fb)), el('td', { class: 'num' }, num(n)),
            el('td', { class: 'num' }, pct(cab)), el('td', { class: 'num' }, pct(cba)),
            el('td', null, hid ? badge('hidden', 'bad') : st ? badge('static') : null))), { id: 'coupling-files' }));
    if (pf.more) content.appendChild(el('p', { class: 'faint' }, '\u2026 and ' + plural(pf.more, 'more file pair') +
        ': seam graph --coupling change --level file lists every one.'));
  }
  d.classList.add('open');
  d.dataset.pair = 'coupling:' + p.ai + ':' + p.bi;
}
seam.openCoupling = openCoupling;

// The matrix: the modules with the most co-change, strongest first, one cell
// per listed pair (both triangles), the number of shared commits in it.
function couplingMatrix(limit) {
  const strength = new Map();
  CP.forEach(p => [p.ai, p.bi].forEach(m => strength.set(m, (strength.get(m) || 0) + p.commits)));
  const order = Array.from(strength.keys()).sort((a, b) => strength.get(b) - strength.get(a) || modName(a).localeCompare(modName(b)));
  const shown = order.slice(0, limit);
  const pos = new Map(shown.map((m, k) => [m, k]));
  const n = shown.length;
  const s = n <= 16 ? 30 : n <= 30 ? 24 : 18;
  const font = s >= 24 ? 11 : 9;
  // Column names are written at -55 degrees: they need height above the
  // matrix and, for the last columns, width to its right.
  const longest = Math.min(36, maxOf(shown, m => modName(m).length, 0));
  const labelW = Math.min(260, 24 + longest * 7);
  const headH = 20 + Math.ceil(longest * 6.5 * 0.82);
  const W = labelW + n * s + 2 + Math.ceil(longest * 6.5 * 0.57), H = headH + n * s + 2;
  const svg = sv('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, id: 'coupling-svg' });
  svg.appendChild(sv('rect', { x: labelW, y: headH, width: n * s, height: n * s, fill: '#ffffff', stroke: '#cfd6df' }));
  shown.forEach((m, k) => {
    const row = sv('text', { x: labelW - 6, y: headH + k * s + s / 2 + 4, 'text-anchor': 'end', 'font-size': font + 1,
                             class: 'rowlabel', 'data-module': m, fill: '#1d2330' }, modName(m));
    row.addEventListener('click', () => { location.hash = modHref(m); });
    svg.appendChild(row);
    const cx = labelW + k * s + s / 2 + 4, cy = headH - 6;
    svg.appendChild(sv('text', { x: cx, y: cy, 'font-size': font + 1, fill: '#5f6b7a', transform: 'rotate(-55 ' + cx + ' ' + cy + ')' }, modName(m)));
    svg.appendChild(sv('rect', { x: labelW + k * s, y: headH + k * s, width: s, height: s, fill: '#e2e7f0' }));
  });
  const strongest = maxOf(CP, p => p.commits, 1);
  CP.forEach(p => {
    if (!pos.has(p.ai) || !pos.has(p.bi)) return;
    const t = Math.log(1 + p.commits) / Math.log(1 + strongest);
    const fill = p.hidden ? 'rgba(217,48,37,' + (0.45 + 0.5 * t).toFixed(2) + ')'
               : p.static_dependency ? 'rgba(61,90,254,' + (0.12 + 0.7 * t).toFixed(2) + ')'
               : 'rgba(184,110,0,' + (0.2 + 0.6 * t).toFixed(2) + ')';
    const ink = p.hidden || t > 0.5 ? '#ffffff' : '#1d2330';
    [[p.ai, p.bi], [p.bi, p.ai]].forEach(([r, c]) => {
      const x = labelW + pos.get(c) * s, y = headH + pos.get(r) * s;
      const g = sv('g', { class: 'cell' + (p.hidden ? ' hidden' : p.static_dependency ? ' static' : ''), 'data-a': p.ai, 'data-b': p.bi });
      g.appendChild(sv('rect', { x: x + 0.5, y: y + 0.5, width: s - 1, height: s - 1, rx: 2, fill: fill }));
      g.appendChild(sv('text', { x: x + s / 2, y: y + s / 2 + font / 3 + 1, 'text-anchor': 'middle', 'font-size': font, fill: ink },
          p.commits > 999 ? Math.round(p.commits / 1000) + 'k' : String(p.commits)));
      g.appendChild(sv('title', null, p.a + ' \u2194 ' + p.b + ': ' + plural(p.commits, 'commit') + ' changed both; ' +
          p.a + ' \u2192 ' + p.b + ' ' + pct(p.confidence_a_to_b) + ', ' + p.b + ' \u2192 ' + p.a + ' ' + pct(p.confidence_b_to_a) +
          (p.hidden ? ' (hidden coupling: no static dependency)' : p.static_dependency ? ' (with a static dependency)' : ' (no static dependency)')));
      g.addEventListener('click', () => openCoupling(p.ai, p.bi));
      svg.appendChild(g);
    });
  });
  return { svg: svg, shown: n, of: order.length };
}

seam.render.coupling = function () {
  const root = clear($('coupling'));
  root.appendChild(el('h1', null, 'Change coupling'));
  if (!HAVE_HISTORY) {
    root.appendChild(el('p', { class: 'unavailable', id: 'coupling-note' }, HV ? HV.note : 'No git history in this report.'));
    return;
  }
  root.appendChild(el('p', { class: 'muted', id: 'coupling-note' }, HV.note));
  const hidden = CP.filter(p => p.hidden);
  const lede = el('p', { class: 'lede', id: 'coupling-summary' },
      'Modules that change in the same commits are released together, whatever their code says. ');
  if (!CP.length) add(lede, ['No two modules changed together in ' + num(HC.thresholds.min_shared) + ' or more commits.']);
  else {
    add(lede, [plural(CP.length, 'module pair'), ' changed together; ']);
    if (!hidden.length) add(lede, ['none of them is hidden coupling: where modules change together, the code shows why.']);
    else {
      add(lede, [el('strong', { class: 'bad-ink' }, num(hidden.length) + (hidden.length === 1 ? ' is' : ' are') + ' hidden coupling'),
          ' \u2014 they change together although neither uses the other in the code (a shared file format, a duplicated protocol, ' +
          'a data contract the compiler cannot see), so extracting one as a service will not spare releasing both: ']);
      hidden.slice(0, 6).forEach((p, k) => add(lede, [k ? ', ' : '', el('a', { href: '#', class: 'hidden-pair-link',
          onclick: ev => { ev.preventDefault(); openCoupling(p.ai, p.bi); } }, p.a + ' \u2194 ' + p.b), ' (' + num(p.commits) + ')']));
      add(lede, [hidden.length > 6 ? ', \u2026 (the table lists all).' : '.']);
    }
  }
  root.appendChild(lede);
  root.appendChild(el('p', { class: 'faint', style: 'max-width:900px' }, thresholdsText() + ' Confidence A \u2192 B is the share of ' +
      'A\u2019s commits that also changed B; support is the share of all commits touching modules that changed both. ' +
      'Click a cell or a row for the files that changed together.'));
  if (!CP.length) return;

  const LIMIT = 40;
  const mx = couplingMatrix(LIMIT);
  root.appendChild(el('div', { class: 'legend', style: 'margin:14px 0 10px' },
      el('span', null, el('span', { class: 'sw', style: 'background:rgba(217,48,37,0.85)' }), 'hidden coupling: no static dependency'),
      el('span', null, el('span', { class: 'sw', style: 'background:rgba(184,110,0,0.6)' }), 'no static dependency, below the hidden thresholds'),
      el('span', null, el('span', { class: 'sw', style: 'background:rgba(61,90,254,0.6)' }), 'with a static dependency'),
      el('span', null, 'the number: commits that changed both (darker = more)'),
      mx.of > mx.shown ? el('span', null, 'the ' + num(mx.shown) + ' modules with most co-change of ' + num(mx.of) + '; the table lists every pair') : null));
  root.appendChild(el('div', { id: 'coupling-wrap' }, mx.svg));

  root.appendChild(el('h2', null, 'Every pair, strongest first'));
  const rows = CP.map(p => el('tr', { class: 'pair-row' + (p.hidden ? ' hidden-pair' : ''), 'data-a': p.ai, 'data-b': p.bi,
      onclick: ev => { if (ev.target.tagName !== 'A') openCoupling(p.ai, p.bi); } },
      el('td', null, modLink(p.ai)), el('td', null, modLink(p.bi)), el('td', { class: 'num' }, num(p.commits)),
      el('td', { class: 'num' }, fix(p.confidence_a_to_b, 3)), el('td', { class: 'num' }, fix(p.confidence_b_to_a, 3)),
      el('td', { class: 'num' }, fix(p.support, 3)), el('td', null, couplingBadge(p))));
  const byNum = k => ({ key: r => +r.cells[k].textContent.replace(/,/g, ''), desc: true });
  root.appendChild(table(['Module A', 'Module B', { t: 'Commits', num: 1, title: 'commits that changed both' },
      { t: 'A \u2192 B', num: 1, title: 'confidence: share of A\u2019s commits that also changed B' },
      { t: 'B \u2192 A', num: 1, title: 'confidence: share of B\u2019s commits that also changed A' },
      { t: 'Support', num: 1, title: 'share of all commits touching modules that changed both' }, 'Static dependency'],
      rows, { sortable: true, id: 'coupling-table',
              keys: [null, null, byNum(2), byNum(3), byNum(4), byNum(5), { key: r => r.cells[6].textContent }] }));
};

// A module's history on its page: activity, owners, partners, hotspot files.
function moduleHistory(i) {
  const box = el('div', { id: 'module-history' }, el('h2', null, 'History ', el('span', { class: 'faint' }, '\u00B7 from git')));
  if (!HAVE_HISTORY) { box.appendChild(el('p', { class: 'muted' }, HV ? HV.note : 'No git history in this report.')); return box; }
  const r = historyRow.get(M[i].name);
  if (!r) { box.appendChild(el('p', { class: 'muted' }, 'No commit in the history window changed its files. ' + HV.note)); return box; }
  const cards = el('div', { class: 'cards' });
  const c = (k, v, sub) => cards.appendChild(el('div', { class: 'card', 'data-card': k }, el('div', { class: 'k' }, k),
      el('div', { class: 'v' }, v), sub ? el('div', { class: 's' }, sub) : null));
  c('Commits', num(r.commits), pct(r.commits ? r.with_other_modules / r.commits : 0) + ' also changed another module');
  c('Lines changed', '+' + num(r.added) + ' \u2212' + num(r.removed), 'last change ' + (r.last_change || '\u2013'));
  c('Authors', num(r.authors), 'main: ' + r.main_author + ' (' + pct(r.main_author_share) + ', ' + plural(r.main_author_commits, 'commit') + ')');
  c('Hotspot', num(r.hotspot), 'commits \u00D7 ' + num(r.lines) + ' lines');
  box.appendChild(cards);

  box.appendChild(el('h3', null, 'Changes together with'));
  if (!r.changes_with.length) box.appendChild(el('p', { class: 'muted' }, 'No other module changed with it in ' +
      num(HC.thresholds.min_shared) + ' or more commits.'));
  else {
    const partners = r.changes_with.slice().sort((x, y) => y.commits - x.commits || x.module.localeCompare(y.module));
    box.appendChild(table(['Module', { t: 'Commits', num: 1, title: 'commits that changed both' },
        { t: 'Of its commits', num: 1, title: 'confidence: share of this module\u2019s commits that also changed the other' }, ''],
        partners.slice(0, 10).map(p => el('tr', { class: p.hidden ? 'hidden-pair' : null, 'data-other': p.module },
            el('td', null, modLinkByName(p.module)),
            el('td', { class: 'num' }, el('a', { href: '#', title: 'the files that changed together', onclick: ev => {
              ev.preventDefault(); openCoupling(i, moduleIndex.get(p.module)); } }, num(p.commits))),
            el('td', { class: 'num' }, pct(p.confidence)), el('td', null, couplingBadge(p)))), { id: 'module-partners' }));
    if (partners.length > 10) box.appendChild(el('p', { class: 'faint' }, '\u2026 and ' + plural(partners.length - 10, 'more module') +
        ' (the Change coupling page lists every pair).'));
  }

  const hf = hotFiles.get(i);
  box.appendChild(el('h3', null, 'Hotspot files ', el('span', { class: 'faint' }, '\u00B7 commits \u00D7 lines, most first')));
  if (!hf) box.appendChild(el('p', { class: 'muted' }, 'None of its files seam parsed changed in the window.'));
  else {
    box.appendChild(table(['File', { t: 'Commits', num: 1 }, { t: '+lines', num: 1 }, { t: '\u2212lines', num: 1 },
        { t: 'Hotspot', num: 1 }, { t: 'Authors', num: 1 }, 'Main author'],
        hf.rows.map(([f, n, added, removed, hot, authors, main, mainN]) => el('tr', { 'data-hotfile': f },
            el('td', { class: 'site' }, filePath(f)), el('td', { class: 'num' }, num(n)), el('td', { class: 'num' }, num(added)),
            el('td', { class: 'num' }, num(removed)), el('td', { class: 'num' }, num(hot)), el('td', { class: 'num' }, num(authors)),
            el('td', null, main, el('span', { class: 'faint' }, ' (' + pct(n ? mainN / n : 0) + ')')))), { id: 'module-hotspots' }));
    if (hf.more) box.appendChild(el('p', { class: 'faint' }, '\u2026 and ' + plural(hf.more, 'more file') +
        ' with commits: seam history --level file lists every one.'));
  }
  return box;
}
