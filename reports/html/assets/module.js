// The report's script: one page per module — its place in the architecture,
// metrics, dependencies out and in with the symbols behind them, interface,
// files, and what check and candidates say about it. Rendered when opened.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

function depTable(i, dir) {
  const ids = dir === 'out' ? M[i].out : M[i].in;
  if (!ids.length) return el('p', { class: 'muted' }, dir === 'out' ? 'Depends on no other module.' : 'No other module depends on it.');
  const rows = ids.map(x => E[x]).sort((a, b) => b.weight - a.weight).map(e => {
    const other = dir === 'out' ? e.to : e.from;
    const syms = e.uses.slice(0, 6).map(([s, n]) => el('span', { class: 'chip symbol', title: plural(n, 'use') }, symName(s) + (n > 1 ? ' \u00D7' + n : '')));
    const moreSyms = e.uses.length - 6 + e.more_symbols;
    return el('tr', { 'data-other': other },
      el('td', null, modLink(other), e.cycle ? [' ', badge('cycle', 'bad')] : null, edgeViolationBadges(e)),
      el('td', { class: 'num' }, el('a', { href: '#', onclick: ev => { ev.preventDefault(); openPair(e.from, e.to); }, title: 'every site' }, num(e.weight))),
      el('td', { class: 'muted' }, kindSummary(e)),
      el('td', null, syms, moreSyms > 0 ? el('span', { class: 'chip more' }, '+' + num(moreSyms) + ' more') : null));
  });
  return table([dir === 'out' ? 'Depends on' : 'Used by', { t: 'Weight', num: 1 }, 'Kinds', 'Symbols behind it'], rows);
}
seam.render.module = function (i, file) {
  const m = M[i];
  const root = clear($('module'));
  root.dataset.module = i;
  const head = el('div', { class: 'modhead' }, el('h1', { id: 'module-name' }, m.name));
  if (layerName(m.layer)) head.appendChild(badge('layer ' + layerName(m.layer), 'accent'));
  head.appendChild(badge('level ' + m.level));
  if (m.cycle >= 0) head.appendChild(badge('in a cycle', 'bad'));
  if (m.extract) head.appendChild(badge('being extracted', 'good'));
  root.appendChild(head);

  const X = D.metrics ? D.metrics.modules.find(r => r.name === m.name) : null;
  const cards = el('div', { class: 'cards' });
  const c = (k, v, sub) => cards.appendChild(el('div', { class: 'card' }, el('div', { class: 'k' }, k), el('div', { class: 'v' }, v), sub ? el('div', { class: 's' }, sub) : null));
  c('Files', num(m.files.length), num(m.lines) + ' lines');
  c('Symbols', num(m.symbols), plural(m.interface.length, 'used', 'used') + ' by other modules');
  c('Depends on', num(m.out.length), plural(m.out.reduce((s, x) => s + E[x].weight, 0), 'dependency', 'dependencies'));
  c('Used by', num(m.in.length), plural(m.in.reduce((s, x) => s + E[x].weight, 0), 'dependency', 'dependencies'));
  if (X) {
    c('Instability I', fix(X.instability), 'Ca ' + X.afferent + ', Ce ' + X.efferent);
    c('Abstractness A', fix(X.abstractness), 'D = ' + fix(X.distance));
    c('Cohesion', fix(X.cohesion), 'references that stay inside');
  }
  root.appendChild(cards);

  // What the candidate ranking and the check say about it.
  const cand = candidateOf(i);
  const kern = unrankedOf(i);
  if (cand) root.appendChild(candidateDetails(cand, false));
  else if (kern) root.appendChild(el('p', { class: 'panel' }, badge('shared kernel', 'accent'), ' ', unrankedReason(kern)));
  root.appendChild(el('h2', null, 'Depends on'));
  root.appendChild(depTable(i, 'out'));
  root.appendChild(el('h2', null, 'Used by'));
  root.appendChild(depTable(i, 'in'));
  root.appendChild(moduleHistory(i)); // coupling.js: commits, authors, co-changing modules, hotspot files

  root.appendChild(el('h2', null, 'Interface ', el('span', { class: 'faint' }, '\u00B7 its symbols other modules use')));
  if (!m.interface.length) root.appendChild(el('p', { class: 'muted' }, 'No other module uses a symbol of ' + m.name + '.'));
  else root.appendChild(table(['Symbol', { t: 'Sites', num: 1 }, { t: 'Calls', num: 1 }, { t: 'In loops', num: 1 }, 'Clients'],
      m.interface.map(([s, sites, calls, loops, clients]) => el('tr', null, el('td', { class: 'symbol' }, symName(s)),
          el('td', { class: 'num' }, num(sites)), el('td', { class: 'num' }, num(calls)),
          el('td', { class: 'num', style: loops ? 'color:var(--warn);font-weight:600' : null }, num(loops)),
          el('td', null, clients.map((x, j) => [j ? ', ' : '', modLink(x)]))))));

  if (D.check) {
    const vs = D.check.violations.filter(v => v.from === m.name || v.to === m.name || (v.members && v.members.includes(m.name)));
    if (vs.length) {
      root.appendChild(el('h2', null, 'Violations ', badge(vs.length, vs.some(v => !v.baselined) ? 'bad' : null)));
      const p = el('div', { class: 'panel' });
      vs.forEach(v => p.appendChild(violationRow(v)));
      root.appendChild(p);
    }
  }

  root.appendChild(el('h2', null, 'Files'));
  root.appendChild(table(['Path', { t: 'Lines', num: 1 }], m.files.map(f => el('tr', { 'data-file': f, class: f === file ? 'file-hit' : null },
      el('td', { class: 'site' }, filePath(f)), el('td', { class: 'num' }, num(F[f][1]))))));
};
