// A/B of two builds of the package, alternating in one process (the machine's noise hits both alike).
// Usage: node bench/ab-builds.mjs <dir of build A> <dir of build B> [sim|small|page|big|all]
// (copy dist/ aside before a change as build A, rebuild, compare with dist/ as build B).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const A = await import(pathToFileURL(resolve(process.argv[2], 'index.js')).href);
const B = await import(pathToFileURL(resolve(process.argv[3], 'index.js')).href);
const what = process.argv[4] ?? 'all';
/** The seed's scenario (an 8-month absence after 18 months) in build L, over `years`. */
const seedScenario = (L, years) => ({ horizon: `${years} years`, activity: L.schedule.reference().pause({ from: '18 months', for: '8 months' }) });
function opts(L, runs, years, lag) {
  const scenario = seedScenario(L, years);
  const uncertain = { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 } };
  if (lag) uncertain['lag.mean'] = { kind: 'triangular', min: 240, mode: 365, max: 540 };
  return { runs, seed: 'bench', scenario, uncertain, noise: { reach: 0.2 } };
}
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
function ab(name, fa, fb, reps) {
  fa(); fb(); fa(); fb();
  const ta = [], tb = [];
  for (let i = 0; i < reps; i++) {
    let t = performance.now(); fa(); ta.push(performance.now() - t);
    t = performance.now(); fb(); tb.push(performance.now() - t);
  }
  const a = med(ta), b = med(tb);
  console.log(`${name}: A ${a.toFixed(3)} ms  B ${b.toFixed(3)} ms  B/A ${(b / a).toFixed(3)}`);
}
const sim = (L, n) => { const sc = seedScenario(L, 5); return () => { for (let i = 0; i < n; i++) L.simulate({ ...sc, parameters: { neglectDecay: 0.0015 + i * 1e-8 } }); }; };
if (what === 'all' || what === 'sim') ab('200 simulates 5y', sim(A, 200), sim(B, 200), 15);
if (what === 'all' || what === 'small') { const oa = opts(A, 1000, 3, false), ob = opts(B, 1000, 3, false); ab('MC 1k x 3y', () => A.monteCarlo(oa), () => B.monteCarlo(ob), 9); }
if (what === 'all' || what === 'page') { const oa = opts(A, 1000, 5, true), ob = opts(B, 1000, 5, true); ab('MC 1k x 5y lag', () => A.monteCarlo(oa), () => B.monteCarlo(ob), 9); }
if (what === 'all' || what === 'big') { const oa = opts(A, 10000, 5, true), ob = opts(B, 10000, 5, true); ab('MC 10k x 5y', () => A.monteCarlo(oa), () => B.monteCarlo(ob), 3); }
