// The report's script: extraction candidates, best first, with what the score
// is made of, what blocks each one (with sites), the proto its service would
// get, and the clustering's suggested boundaries beside the declared ones.
// Read from the embedded seam.candidates document (`seam candidates --format
// json`), seam.suggest/1 (`--suggest`) and the report's proto previews.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

// seam.candidates names modules; the page refers to them by index (moduleIndex).
const CD = D.candidates;
const rankedCandidates = CD ? CD.candidates.filter(c => c.role === 'candidate') : [];
const unrankedModules = CD ? CD.candidates.filter(c => c.role !== 'candidate') : [];
function candidateOf(i) { return rankedCandidates.find(c => moduleIndex.get(c.module) === i) || null; }
function unrankedOf(i) { return unrankedModules.find(c => moduleIndex.get(c.module) === i) || null; }
// The group (modules to extract together) a module is scored in, by name.
function groupOf(name) {
  const g = CD.groups.find(x => x.modules.includes(name));
  return g ? g.module : '';
}
// Why a module is not ranked: the first of its reasons (a library's or shared
// kernel's reason, an entry point's, a compile-time-only module's).
function unrankedReason(c) {
  const r = c.reasons.length ? c.reasons[0] : 'entry point: no module uses it; it is the application that would call the services';
  return r.charAt(0).toUpperCase() + r.slice(1);
}
// What each score component measures, for the reader (docs/scoring.md).
const COMPONENT_TEXT = {
  cycle: 'uses to cut to leave its dependency cycle, 1 each',
  interface: 'operations (future rpcs) to design and keep compatible, 3 each',
  data: 'types crossing the boundary that are not values, 5 each',
  dependencies: 'modules it would call over the network, 5 each',
  calls: 'remote calls that wait for a result, 1 each',
  messages: 'remote calls to functions returning nothing: messages, 0.5 each',
  loops: 'remote calls inside loops: a batch operation first, 3 more each',
  clients: 'client modules to migrate, 2 each',
};
const MODEL_TEXT = 'Each module scored as a service from 0 to 100 by the effort, in sites to change, to extract it: ' +
  'uses to cut to leave its cycle, operations, non-value types, remote dependencies, remote calls ' +
  '(more inside loops, less when nothing waits for the result), clients, and blocker sites, each with ' +
  'a weight; score = 100 / (1 + ln(1 + effort / 50)). Every number traces to its sites; ' +
  'docs/scoring.md has the model and a worked example.';
// A site of the document (a path, not an index): a link when the page has the file.
function pathSite(file, line, col) {
  const f = fileIndex.get(file);
  if (f === undefined) return el('span', { class: 'site' }, file + ':' + line + (col ? ':' + col : ''));
  return siteEl(f, line, col);
}

function blockerList(blockers) {
  return capped(el('ul', { class: 'plain' }), blockers, 12, b => el('li', { class: 'violation' }, badge(b.kind, 'warn'),
      el('span', { class: 'msg' }, b.symbol ? el('span', { class: 'symbol' }, b.symbol) : null, b.symbol ? ' \u2014 ' : null, b.detail,
         b.file ? el('div', null, el('a', { class: 'site', href: '#file/' + encodeURIComponent(b.file) }, b.file + (b.line ? ':' + b.line : ''))) : null)),
      'blocker');
}
function componentTable(c) {
  const rows = Object.keys(c.components).map(name => [name, c.components[name].effort]);
  return table(['Component', { t: 'Effort', num: 1 }, 'Meaning'], rows.map(([name, effort]) => el('tr', null,
      el('td', null, name), el('td', { class: 'num' }, fix(effort, Math.abs(effort) >= 10 ? 0 : 2)),
      el('td', { class: 'muted' }, COMPONENT_TEXT[name] || (name === 'co-change'
          ? 'commits that also changed a module outside it: releases to coordinate, 2 each'
          : 'blocker sites to change, weighted by how hard each is to remove')))));
}
// One ranked entry of seam.candidates, open or closed.
function candidateDetails(c, open) {
  const i = moduleIndex.get(c.module);
  const group = groupOf(c.module);
  const operations = c.components.interface ? c.components.interface.sites : 0;
  const clients = c.clients.map(x => x.module);
  const library = c.dependencies.filter(x => x.kind === 'library').map(x => x.module);
  const remote = c.dependencies.filter(x => x.kind === 'remote').map(x => x.module);
  const chat = c.chattiness;
  const names = list => list.map((x, j) => [j ? ', ' : '', modLinkByName(x)]);
  const d = el('details', { class: 'candidate', 'data-module': i, open: open || null },
    el('summary', null, el('span', { class: 'faint', style: 'width:28px' }, '#' + c.rank),
       el('strong', { style: 'min-width:160px' }, c.module),
       el('span', { class: 'bar track' }, el('span', { class: 'bar', style: 'width:' + Math.max(2, Math.round(c.score)) + 'px' })),
       el('span', { class: 'nowrap', style: 'width:60px' }, fix(c.score, 0) + ' / 100'),
       c.blockers.length ? badge(plural(c.blockers.length, 'blocker'), 'warn') : badge('no blocker', 'good'),
       group ? badge('extract together: ' + group, 'bad') : null,
       el('span', { class: 'muted' }, plural(operations, 'operation') + ' \u00B7 ' + plural(clients.length, 'client') +
          ' \u00B7 ' + plural(remote.length, 'remote dependency', 'remote dependencies'))));
  const body = el('div', { class: 'body' });
  body.appendChild(el('p', null, modLink(i), ': ', plural(operations, 'interface symbol'), ' used by ',
      plural(clients.length, 'client module'), clients.length ? ' (' : '', names(clients), clients.length ? ')' : '',
      chat.loop_calls ? [', ', el('strong', null, plural(chat.loop_calls, 'call site')), ' inside loops (a remote call per iteration)'] : '', '.'));
  if (library.length || remote.length)
    body.appendChild(el('p', null, library.length ? ['Takes along as a library: ', names(library), '. '] : '',
        remote.length ? ['Would call over the network: ', names(remote), '.'] : ''));
  const grid = el('div', { class: 'grid2' });
  grid.appendChild(el('div', null, el('h3', null, 'Effort, in sites to change'), componentTable(c),
      c.reasons.length ? el('ul', null, c.reasons.map(r => el('li', null, r))) : null));
  const right = el('div', null, el('h3', null, 'Blockers'));
  right.appendChild(c.blockers.length ? blockerList(c.blockers) : el('p', { class: 'muted' }, 'Nothing blocks this extraction.'));
  grid.appendChild(right);
  body.appendChild(grid);
  if (c.data.length) {
    body.appendChild(el('h3', null, 'Data crossing the boundary'));
    body.appendChild(table(['Type', 'Verdict', 'Why'], c.data.map(t => el('tr', null,
        el('td', { class: 'symbol' }, t.type), el('td', null, t.serialisable ? badge('value', 'good') : badge('not serialisable', 'bad')),
        el('td', { class: 'muted' }, t.reason)))));
  }
  if (chat.loop_sites.length) {
    body.appendChild(el('h3', null, 'Calls from inside loops (' + num(chat.loop_calls) + ' of ' + num(chat.calls) + ')'));
    body.appendChild(capped(el('ul', { class: 'plain' }), chat.loop_sites, 20, s => el('li', null,
        pathSite(s.file, s.line, s.column), '  ', el('span', { class: 'symbol' }, s.symbol)), 'call site'));
  }
  body.appendChild(el('h3', null, 'Service interface preview (seam split ' + c.module + ')'));
  const preview = D.protos ? D.protos[c.module] : null;
  if (preview && preview.proto) body.appendChild(el('pre', { class: 'code proto' }, preview.proto));
  else body.appendChild(el('p', { class: 'muted' }, preview && preview.note ? preview.note : 'No proto preview for this module.'));
  d.appendChild(body);
  return d;
}
// The decomposition metrics of seam.suggest/1, in the order the table shows them.
const SUGGEST_METRICS = [
  { key: 'services', name: 'Services', text: 'services holding at least one symbol' },
  { key: 'modularity', name: 'Modularity', text: 'Newman-Girvan Q (higher is better)' },
  { key: 'sm', name: 'SM', text: 'structural modularity (higher is better)' },
  { key: 'icp', name: 'ICP', text: 'inter-call percentage: calls between services over all calls (lower is better)' },
  { key: 'ifn', name: 'IFN', text: 'interface number: symbols used from another service, per service (lower is better)' },
  { key: 'ned', name: 'NED', text: 'share of symbols in services of fewer than 5 or more than 20 (lower is better)' },
];
// The embedded seam.suggest/1 document (`seam candidates --suggest --format json`).
function suggestionView(sg) {
  const box = el('div');
  box.appendChild(el('p', { class: 'muted', style: 'max-width:900px' },
      'Louvain clustering (fixed seed ' + sg.seed + ', resolution ' + fix(sg.resolution, 2) + ') of the symbol reference graph: ' +
      sg.entities + ' symbols that reference each other, shared kernels left out (every service takes them along). ' +
      'The same metrics for the declared modules and for the suggestion, on the same graph; docs/scoring.md defines them.'));
  box.appendChild(table(['Partition'].concat(SUGGEST_METRICS.map(q => ({ t: q.name, num: 1, title: q.text }))),
      [['Declared modules', sg.metrics.declared], ['Suggested services', sg.metrics.suggested]].map(([label, vals]) =>
          el('tr', null, el('td', null, label), SUGGEST_METRICS.map((q, k) => el('td', { class: 'num' }, k === 0 ? num(vals[q.key]) : fix(vals[q.key])))))));
  const grid = el('div', { class: 'grid2', style: 'margin-top:12px' });
  const sug = el('div', null, el('h3', null, 'Suggested services'), el('p', { class: 'faint' }, 'Each with the declared modules its symbols come from.'));
  sg.services.forEach(sv => sug.appendChild(el('div', { class: 'violation cluster' }, el('strong', { style: 'min-width:40px' }, sv.name),
      el('span', { class: 'msg' }, Object.keys(sv.modules).map(m => el('span', { class: 'chip', title: plural(sv.modules[m], 'symbol') + ' of ' + m },
          m + ' \u00B7 ' + sv.modules[m]))),
      badge(plural(sv.size, 'symbol')))));
  grid.appendChild(sug);
  const mv = el('div', null, el('h3', null, 'Files the suggestion would move'));
  if (!sg.moves.length) mv.appendChild(el('p', { class: 'muted' }, 'None: the suggestion agrees with the declared modules.'));
  else {
    const ul = el('ul', { class: 'plain' });
    sg.moves.slice(0, 200).forEach(x => ul.appendChild(el('li', null, el('span', { class: 'site' }, x.file), '  ',
        el('span', { class: 'faint' }, x.from + ' \u2192 ' + x.to + ' (' + x.service + ', ' + x.symbols + ' of its ' + x.of + ' symbols)'))));
    if (sg.moves.length > 200) ul.appendChild(el('li', { class: 'faint' }, '\u2026 and ' + plural(sg.moves.length - 200, 'more file')));
    mv.appendChild(ul);
  }
  grid.appendChild(mv);
  box.appendChild(grid);
  return box;
}
seam.render.candidates = function () {
  const root = clear($('candidates'));
  root.appendChild(el('h1', null, 'Extraction candidates'));
  if (!CD) { root.appendChild(unavailable('Candidate ranking')); return; }
  root.appendChild(el('p', { class: 'muted', style: 'max-width:900px' }, MODEL_TEXT));
  if (!rankedCandidates.length) root.appendChild(el('p', { class: 'empty-note' }, 'No module qualifies as a service.'));
  rankedCandidates.forEach((c, i) => root.appendChild(candidateDetails(c, i === 0)));
  if (unrankedModules.length) {
    root.appendChild(el('h2', null, 'Not service candidates'));
    root.appendChild(table(['Module', 'Why'], unrankedModules.map(k => el('tr', null, el('td', null, modLinkByName(k.module)),
        el('td', { class: 'muted' }, unrankedReason(k))))));
  }
  if (CD.groups.length) {
    root.appendChild(el('h2', null, 'Extract together'));
    root.appendChild(table(['Modules', { t: 'Score', num: 1 }, 'Blockers'], CD.groups.map(g => el('tr', null,
        el('td', null, g.modules.map((m, j) => [j ? ' + ' : '', modLinkByName(m)])), el('td', { class: 'num' }, fix(g.score, 0)),
        el('td', null, g.blockers.length ? blockerList(g.blockers) : el('span', { class: 'muted' }, 'none'))))));
  }
  root.appendChild(el('h2', null, 'Suggested boundaries'));
  if (!D.suggest) root.appendChild(unavailable('Clustering (seam candidates --suggest)'));
  else root.appendChild(suggestionView(D.suggest));
};
