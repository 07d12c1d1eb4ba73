// The report's script: extraction candidates, best first, with what the score
// is made of, what blocks each one (with sites), the proto its service would
// get, and the clustering's suggested boundaries beside the declared ones.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

function blockerList(blockers) {
  return capped(el('ul', { class: 'plain' }), blockers, 12, b => el('li', { class: 'violation' }, badge(b.kind, 'warn'),
      el('span', { class: 'msg' }, b.symbol ? el('span', { class: 'symbol' }, b.symbol) : null, b.symbol ? ' \u2014 ' : null, b.detail,
         b.file ? el('div', null, el('a', { class: 'site', href: '#file/' + encodeURIComponent(b.file) }, b.file + (b.line ? ':' + b.line : ''))) : null)),
      'blocker');
}
function componentTable(c) {
  return table(['Component', { t: 'Effort', num: 1 }, 'Meaning'], c.components.map(x => el('tr', null,
      el('td', null, x.name), el('td', { class: 'num' }, typeof x.value === 'number' ? fix(x.value, Math.abs(x.value) >= 10 ? 0 : 2) : x.value),
      el('td', { class: 'muted' }, x.text || ''))));
}
function candidateDetails(c, open) {
  const d = el('details', { class: 'candidate', 'data-module': c.module, open: open || null },
    el('summary', null, el('span', { class: 'faint', style: 'width:28px' }, '#' + c.rank),
       el('strong', { style: 'min-width:160px' }, c.name),
       el('span', { class: 'bar track' }, el('span', { class: 'bar', style: 'width:' + Math.max(2, Math.round(c.score)) + 'px' })),
       el('span', { class: 'nowrap', style: 'width:60px' }, fix(c.score, 0) + ' / 100'),
       c.blockers.length ? badge(plural(c.blockers.length, 'blocker'), 'warn') : badge('no blocker', 'good'),
       c.group ? badge('extract together: ' + c.group, 'bad') : null,
       el('span', { class: 'muted' }, plural(c.interface, 'operation') + ' \u00B7 ' + plural(c.clients.length, 'client') +
          ' \u00B7 ' + plural(c.remote.length, 'remote dependency', 'remote dependencies'))));
  const body = el('div', { class: 'body' });
  body.appendChild(el('p', null, modLink(c.module), ': ', plural(c.interface, 'interface symbol'), ' used by ',
      plural(c.clients.length, 'client module'), c.clients.length ? ' (' : '', c.clients.map((x, j) => [j ? ', ' : '', modLink(x)]), c.clients.length ? ')' : '',
      c.loop_sites ? [', ', el('strong', null, plural(c.loop_sites, 'call site')), ' inside loops (a remote call per iteration)'] : '', '.'));
  if (c.library.length || c.remote.length)
    body.appendChild(el('p', null, c.library.length ? ['Takes along as a library: ', c.library.map((x, j) => [j ? ', ' : '', modLink(x)]), '. '] : '',
        c.remote.length ? ['Would call over the network: ', c.remote.map((x, j) => [j ? ', ' : '', modLink(x)]), '.'] : ''));
  const grid = el('div', { class: 'grid2' });
  grid.appendChild(el('div', null, el('h3', null, 'Effort, in sites to change'), componentTable(c),
      c.reasons.length ? el('ul', null, c.reasons.map(r => el('li', null, r))) : null));
  const right = el('div', null, el('h3', null, 'Blockers'));
  right.appendChild(c.blockers.length ? blockerList(c.blockers) : el('p', { class: 'muted' }, 'Nothing blocks this extraction.'));
  grid.appendChild(right);
  body.appendChild(grid);
  if (c.data.length) {
    body.appendChild(el('h3', null, 'Data crossing the boundary'));
    body.appendChild(table(['Type', 'Verdict', 'Why'], c.data.map(([t, ok, why]) => el('tr', null,
        el('td', { class: 'symbol' }, t), el('td', null, ok ? badge('value', 'good') : badge('not serialisable', 'bad')),
        el('td', { class: 'muted' }, why)))));
  }
  if (c.loops.length) {
    body.appendChild(el('h3', null, 'Calls from inside loops (' + num(c.loop_sites) + ' of ' + num(c.calls) + ')'));
    const ul = el('ul', { class: 'plain' });
    c.loops.forEach(([f, line, col, sym]) => ul.appendChild(el('li', null, siteEl(f, line, col), '  ', el('span', { class: 'symbol' }, symName(sym)))));
    if (c.loop_sites > c.loops.length) ul.appendChild(el('li', { class: 'faint' }, '\u2026 and ' + plural(c.loop_sites - c.loops.length, 'more')));
    body.appendChild(ul);
  }
  body.appendChild(el('h3', null, 'Service interface preview (seam split ' + c.name + ')'));
  if (c.proto) body.appendChild(el('pre', { class: 'code proto' }, c.proto));
  else body.appendChild(el('p', { class: 'muted' }, c.proto_note || 'No proto preview for this module.'));
  d.appendChild(body);
  return d;
}
function suggestionView(sg) {
  const box = el('div');
  box.appendChild(el('p', { class: 'muted', style: 'max-width:900px' }, sg.method));
  const qnames = sg.metrics;
  box.appendChild(table(['Partition'].concat(qnames.map(q => ({ t: q.name, num: 1, title: q.text }))),
      [['Declared modules', sg.declared], ['Suggested services', sg.suggested]].map(([label, vals]) =>
          el('tr', null, el('td', null, label), vals.map((v, k) => el('td', { class: 'num' }, k === 0 ? num(v) : fix(v)))))));
  const grid = el('div', { class: 'grid2', style: 'margin-top:12px' });
  const sug = el('div', null, el('h3', null, 'Suggested services'), el('p', { class: 'faint' }, 'Each with the declared modules its symbols come from.'));
  sg.clusters.forEach(cl => sug.appendChild(el('div', { class: 'violation cluster' }, el('strong', { style: 'min-width:40px' }, cl.name),
      el('span', { class: 'msg' }, cl.modules.map(([m, n]) => el('span', { class: 'chip', title: plural(n, 'symbol') + ' of ' + modName(m) },
          modName(m) + ' \u00B7 ' + n))),
      badge(plural(cl.symbols, 'symbol')))));
  grid.appendChild(sug);
  const mv = el('div', null, el('h3', null, 'Files the suggestion would move'));
  if (!sg.moved.length) mv.appendChild(el('p', { class: 'muted' }, 'None: the suggestion agrees with the declared modules.'));
  else {
    const ul = el('ul', { class: 'plain' });
    sg.moved.slice(0, 200).forEach(([f, from, to, service, n, total]) => ul.appendChild(el('li', null, el('span', { class: 'site' }, filePath(f)), '  ',
        el('span', { class: 'faint' }, modName(from) + ' \u2192 ' + modName(to) + ' (' + service + ', ' + n + ' of its ' + total + ' symbols)'))));
    if (sg.moved.length > 200) ul.appendChild(el('li', { class: 'faint' }, '\u2026 and ' + plural(sg.moved.length - 200, 'more file')));
    mv.appendChild(ul);
  }
  grid.appendChild(mv);
  box.appendChild(grid);
  return box;
}
seam.render.candidates = function () {
  const root = clear($('candidates'));
  root.appendChild(el('h1', null, 'Extraction candidates'));
  const C = D.candidates;
  if (!C) { root.appendChild(unavailable('Candidate ranking')); return; }
  root.appendChild(el('p', { class: 'muted', style: 'max-width:900px' }, C.model));
  if (!C.ranked.length) root.appendChild(el('p', { class: 'empty-note' }, 'No module qualifies as a service.'));
  C.ranked.forEach((c, i) => root.appendChild(candidateDetails(c, i === 0)));
  if (C.kernel.length) {
    root.appendChild(el('h2', null, 'Not service candidates'));
    root.appendChild(table(['Module', 'Why'], C.kernel.map(k => el('tr', null, el('td', null, modLink(k.module)), el('td', { class: 'muted' }, k.reason)))));
  }
  if (C.groups && C.groups.length) {
    root.appendChild(el('h2', null, 'Extract together'));
    root.appendChild(table(['Modules', { t: 'Score', num: 1 }, 'Blockers'], C.groups.map(g => el('tr', null,
        el('td', null, g.members.map((m, j) => [j ? ' + ' : '', modLink(m)])), el('td', { class: 'num' }, fix(g.score, 0)),
        el('td', null, g.blockers.length ? blockerList(g.blockers) : el('span', { class: 'muted' }, 'none'))))));
  }
  root.appendChild(el('h2', null, 'Suggested boundaries'));
  if (!C.suggestion) root.appendChild(unavailable('Clustering (seam candidates --suggest)'));
  else root.appendChild(suggestionView(C.suggestion));
};
