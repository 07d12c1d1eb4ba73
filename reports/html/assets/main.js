// The report's script, last part: renders every section once, then follows
// the URL fragment. `seam.ready` tells tests (and a curious reader) that the
// page is interactive.
// (This comment, up to the blank line, is not embedded: see html_assets.h.)

function start() {
  buildSidebar();
  buildSearch();
  ['overview', 'graph', 'dsm', 'metrics', 'candidates', 'violations', 'coupling'].forEach(p => seam.render[p]());
  const cycles = CY.length;
  setNavCount('dsm', cycles ? String(cycles) : '', cycles > 0);
  setNavCount('graph', String(M.length), false);
  setNavCount('candidates', rankedCandidates.length ? String(rankedCandidates.length) : '', false);
  setNavCount('violations', D.check ? String(D.check.summary.new) : '', D.check && D.check.summary.new > 0);
  const hiddenPairs = CP.filter(p => p.hidden).length;  // coupling.js
  setNavCount('coupling', hiddenPairs ? String(hiddenPairs) : '', hiddenPairs > 0);
  setNavCount('metrics', '', false);
  setNavCount('overview', '', false);
  $('drawer-close').addEventListener('click', closeDrawer);
  document.addEventListener('keydown', ev => { if (ev.key === 'Escape') closeDrawer(); });
  window.addEventListener('hashchange', route);
  route();
  seam.readyMs = performance.now();
  seam.ready = true;
  document.documentElement.dataset.ready = '1';
}
start();
