// The report's script: violations of the declared architecture, grouped by
// rule and module pair, new ones apart from those the baseline records.
#include "reports/html/html_assets.h"

namespace seam::html {

const std::string_view kJsViolations = R"JS(
function violationRow(v) {
  return el('div', { class: 'violation', 'data-rule': v.rule, 'data-baselined': v.baselined ? 1 : 0 },
      v.baselined ? badge('baselined') : badge('new', v.severity === 'error' ? 'bad' : 'warn'),
      el('span', { class: 'msg' }, v.message,
         v.file ? el('div', null, el('a', { class: 'site', href: '#file/' + encodeURIComponent(v.file) },
                                      v.file + ':' + v.line + (v.column ? ':' + v.column : ''))) : null),
      el('span', { class: 'faint nowrap' }, v.severity));
}
seam.render.violations = function () {
  const root = clear($('violations'));
  root.appendChild(el('h1', null, 'Violations'));
  // The violations and counts of seam.check/1 (`seam check --format json`);
  // the baseline's note and each rule's help are the report's own.
  const C = D.check, V = D.violations;
  if (!C || !V) { root.appendChild(unavailable('seam check')); return; }
  const S = C.summary;
  root.appendChild(el('p', { class: 'muted', style: 'max-width:900px' }, V.note));
  const cards = el('div', { class: 'cards' });
  const c = (k, v, cls) => cards.appendChild(el('div', { class: 'card' + (cls ? ' ' + cls : '') }, el('div', { class: 'k' }, k), el('div', { class: 'v' }, v)));
  c('New', num(S.new), S.new ? 'bad' : 'good');
  c('Baselined', num(S.baselined));
  c('Fixed since the baseline', num(S.fixed), S.fixed ? 'good' : null);
  root.appendChild(cards);
  if (!C.violations.length) { root.appendChild(el('p', { class: 'empty-note' }, 'No violation: the code keeps to the declared architecture.')); return; }
  const bar = el('div', { class: 'toolbar' }, el('label', null, el('input', { type: 'checkbox', id: 'show-baselined', checked: true }), ' show baselined'));
  root.appendChild(bar);
  // rule -> "from -> to" -> violations, in the order check lists them.
  const groups = new Map();
  C.violations.forEach(v => {
    if (!groups.has(v.rule)) groups.set(v.rule, new Map());
    // A cycle is its walk, a -> b -> a (an old baseline's group: its members).
    const pair = v.rule === 'cycle' ? (v.cycle.length ? v.cycle.concat([v.cycle[0]]).join(' \u2192 ') : v.members.join(' \u2194 '))
                                    : v.from + (v.to ? ' \u2192 ' + v.to : '');
    const g = groups.get(v.rule);
    if (!g.has(pair)) g.set(pair, []);
    g.get(pair).push(v);
  });
  groups.forEach((pairs, rule) => {
    const all = Array.from(pairs.values()).flat();
    const n = all.filter(v => !v.baselined).length;
    const sec = el('section', { class: 'rule', 'data-rule': rule });
    sec.appendChild(el('h2', null, rule, ' ', n ? badge(n + ' new', 'bad') : null, ' ', all.length - n ? badge((all.length - n) + ' baselined') : null));
    const info = V.rules[rule];
    if (info) sec.appendChild(el('p', { class: 'muted', style: 'max-width:900px;margin-top:-6px' }, info));
    pairs.forEach((vs, pair) => {
      const head = vs[0];
      const from = moduleIndex.get(head.from), to = moduleIndex.get(head.to);
      const title = rule === 'cycle' ? (head.cycle.length ? head.cycle.concat([head.cycle[0]]).map((m, j) => [j ? ' \u2192 ' : '', modLinkByName(m)])
                                                          : head.members.map((m, j) => [j ? ' \u2194 ' : '', modLinkByName(m)]))
                  : [modLinkByName(head.from), head.to ? [' \u2192 ', modLinkByName(head.to)] : null];
      const p = el('div', { class: 'panel pair', 'data-pair': pair },
          el('div', { style: 'display:flex;gap:10px;align-items:center;margin-bottom:4px' }, el('strong', { style: 'flex:1' }, title),
             from !== undefined && to !== undefined && edgeOf(from, to)
                 ? el('a', { href: '#', onclick: ev => { ev.preventDefault(); openPair(from, to); } }, 'all sites') : null));
      vs.forEach(v => p.appendChild(violationRow(v)));
      sec.appendChild(p);
    });
    root.appendChild(sec);
  });
  $('show-baselined').addEventListener('change', ev => {
    root.querySelectorAll('.violation[data-baselined="1"]').forEach(r => { r.style.display = ev.target.checked ? '' : 'none'; });
  });
};
)JS";

} // namespace seam::html
