// The report's script: the Overview, the page a reader sees first.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

seam.render.overview = function () {
  const root = clear($('overview'));
  const s = D.summary;
  const cycles = CY;
  const V = D.check ? D.check.summary : null;   // seam.check/1, as `seam check --format json` writes it
  const C = D.candidates;
  const top = rankedCandidates.length ? rankedCandidates[0] : null;

  root.appendChild(el('h1', null, D.project.name));
  root.appendChild(el('div', { class: 'muted' }, 'Architecture report \u00B7 ' + D.project.date +
      (D.project.config ? ' \u00B7 declared architecture: ' + D.project.config : ' \u00B7 modules inferred from the folders')));

  // The summary a reader takes away, in sentences.
  const lede = el('p', { class: 'lede', id: 'summary' });
  add(lede, [plural(s.modules, 'module'), ' in ', plural(s.files, 'file'), ' (', num(s.lines), ' lines); ',
      'seam parsed ', plural(s.tus, 'translation unit'),
      s.tus_failed ? [', ', el('strong', { style: 'color:var(--bad)' }, num(s.tus_failed) + ' failed')] : ', all cleanly', '. ']);
  if (cycles.length) {
    add(lede, [cycles.length === 1 ? 'One dependency cycle ties ' : cycles.length + ' dependency cycles tie modules together: ']);
    cycles.forEach((c, i) => add(lede, [i ? '; ' : '', chain(c.members, modLinkByName, 12)]));
    add(lede, ['. ']);
  } else add(lede, ['No module is in a dependency cycle. ']);
  if (V) {
    add(lede, [V.new ? el('strong', null, plural(V.new, 'new boundary violation')) : 'No new boundary violation',
        V.baselined ? ' (and ' + num(V.baselined) + ' recorded in the baseline)' : '', '. ']);
  }
  if (top) add(lede, ['The best first service to extract is ', modLinkByName(top.module), ' (score ', fix(top.score, 0), ' of 100).']);
  root.appendChild(lede);

  const card = (k, v, sub, cls, href) => {
    const c = el(href ? 'a' : 'div', { class: 'card' + (cls ? ' ' + cls : ''), href: href || null, 'data-card': k },
        el('div', { class: 'k' }, k), el('div', { class: 'v' }, v), sub ? el('div', { class: 's' }, sub) : null);
    if (href) c.style.color = 'inherit';
    return c;
  };
  root.appendChild(el('div', { class: 'cards' },
    card('Translation units', num(s.tus - s.tus_failed) + ' / ' + num(s.tus), s.tus_failed ? num(s.tus_failed) + ' failed to parse' : 'all parsed', s.tus_failed ? 'bad' : 'good'),
    card('Modules', num(s.modules), s.unowned_files ? num(s.unowned_files) + ' files in no module' : 'every file in a module', null, '#graph'),
    card('Files', num(s.files), num(s.lines) + ' lines'),
    card('Symbols', num(s.symbols), num(s.interface_symbols) + ' used across modules'),
    card('References', num(s.references), num(s.cross_references) + ' cross modules, ' + num(s.includes) + ' includes'),
    card('Module edges', num(E.length), null, null, '#dsm'),
    card('Cycles', num(cycles.length), cycles.length ? 'modules that must change together' : 'the module graph is acyclic', cycles.length ? 'bad' : 'good', '#dsm'),
    V ? card('Violations', num(V.new), num(V.baselined) + ' baselined', V.new ? 'bad' : 'good', '#violations')
      : card('Violations', '\u2013', 'not available in this build'),
    top ? card('Top candidate', top.module, 'score ' + fix(top.score, 0) + ' / 100', 'good', modHref(moduleIndex.get(top.module)))
        : card('Top candidate', '\u2013', C ? 'no module qualifies' : 'not available in this build'),
    // coupling.js: the git history's module pairs (CP); HV says why there is none.
    HV && HV.available ? card('Hidden coupling', num(CP.filter(p => p.hidden).length), 'module pairs changing together with no static dependency',
                              CP.some(p => p.hidden) ? 'bad' : 'good', '#coupling')
                       : card('Change coupling', '\u2013', 'no git history', null, '#coupling')));

  // What to look at first.
  const grid = el('div', { class: 'grid2' });
  const cyc = el('div', { class: 'panel' }, el('h3', { style: 'margin-top:0' }, 'Cycles'));
  if (!cycles.length) cyc.appendChild(el('p', { class: 'muted' }, 'None: every module can be built and tested on top of the ones below it.'));
  cycles.forEach(c => {
    // The minimum cut: the edges whose removal makes this cycle go away.
    const cut = c.cut.edges;
    const cutLine = el('div', { class: 'faint cut' }, (cut.length === 1 ? 'cut this edge' : 'cut these ' + num(cut.length) + ' edges') +
        ' (' + plural(c.cut.weight, 'use') + ') and ' + (cycles.length === 1 ? 'the module graph is acyclic' : 'these modules no longer form a cycle') +
        (c.cut.exact ? '' : ' (heuristic: the lightest cut found)') + ': ');
    const edges = el('span');
    cut.slice(0, 8).forEach((e, k) => {
      const a = moduleIndex.get(e.from), b = moduleIndex.get(e.to);
      add(edges, [k ? ', ' : '', el('a', { href: '#', class: 'cut-edge', onclick: ev => { ev.preventDefault(); openPair(a, b); } },
          modName(a) + ' \u2192 ' + modName(b)), ' (' + num(edgeOf(a, b) ? edgeOf(a, b).weight : 0) + ')']);
    });
    if (cut.length > 8) add(edges, [', \u2026 and ' + num(cut.length - 8) + ' more (seam cycles lists them)']);
    cutLine.appendChild(edges);
    cyc.appendChild(el('div', { class: 'violation' }, badge(c.members.length + ' modules', 'bad'), el('span', { class: 'msg' },
        c.path.map(m => modLinkByName(m)).reduce((acc, x, j) => acc.concat(j ? [' \u2192 ', x] : [x]), []), cutLine)));
  });
  const comp = D.cycles.component_cycles, files = D.cycles.file_cycles;
  if (comp.length || files.length) {
    cyc.appendChild(el('h3', null, 'Finer cycles'));
    const finer = comp.map(c => ['components', c]).concat(files.map(c => ['#include', c]));
    capped(cyc, finer, 6, ([kind, c]) => el('div', { class: 'violation' }, badge(kind, kind === '#include' ? 'bad' : null),
        el('span', { class: 'msg site' }, chain(c, x => x, 10))), 'cycle');
  } else if (cycles.length) cyc.appendChild(el('p', { class: 'faint' }, 'No cycle among components or in the include graph.'));
  grid.appendChild(cyc);

  const vio = el('div', { class: 'panel' }, el('h3', { style: 'margin-top:0' }, 'Boundary violations'));
  if (!V) vio.appendChild(unavailable('seam check'));
  else if (!D.check.violations.length) vio.appendChild(el('p', { class: 'muted' }, 'None: the code keeps to the declared architecture.'));
  else {
    const byRule = new Map();
    D.check.violations.forEach(v => { const r = byRule.get(v.rule) || { n: 0, b: 0 }; v.baselined ? r.b++ : r.n++; byRule.set(v.rule, r); });
    byRule.forEach((r, rule) => vio.appendChild(el('div', { class: 'violation' },
        el('a', { href: '#violations', class: 'msg' }, rule), r.n ? badge(r.n + ' new', 'bad') : null, r.b ? badge(r.b + ' baselined') : null)));
  }
  grid.appendChild(vio);

  const cand = el('div', { class: 'panel' }, el('h3', { style: 'margin-top:0' }, 'Extraction candidates'));
  if (!C) cand.appendChild(unavailable('Candidate ranking'));
  else {
    rankedCandidates.slice(0, 5).forEach(c => cand.appendChild(el('div', { class: 'violation' },
        el('span', { class: 'faint' }, '#' + c.rank), el('span', { class: 'msg' }, modLinkByName(c.module)),
        c.blockers.length ? badge(plural(c.blockers.length, 'blocker'), 'warn') : badge('no blocker', 'good'),
        el('span', { class: 'bar track' }, el('span', { class: 'bar', style: 'width:' + Math.round(c.score) + 'px' })),
        el('span', { class: 'nowrap' }, fix(c.score, 0)))));
    if (!rankedCandidates.length) cand.appendChild(el('p', { class: 'muted' }, 'No module qualifies as a service.'));
  }
  grid.appendChild(cand);

  const tus = el('div', { class: 'panel' }, el('h3', { style: 'margin-top:0' }, 'Parsing'));
  if (!D.failed.length) tus.appendChild(el('p', { class: 'muted' }, 'Every translation unit parsed without error, so every number here is complete.'));
  else {
    tus.appendChild(el('p', null, 'These translation units had errors; their facts up to the first error are counted:'));
    D.failed.forEach(t => tus.appendChild(el('div', { class: 'violation' }, el('span', { class: 'site' }, t[0]), el('span', { class: 'msg faint' }, t[1]))));
  }
  grid.appendChild(tus);
  root.appendChild(grid);
};
