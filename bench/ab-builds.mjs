// A/B of two builds of the package, alternating in one process (the machine's noise hits both alike).
// Usage: node bench/ab-builds.mjs <dir of build A> <dir of build B> [sim|small|page|big|all]
// (copy dist/ aside before a change as build A, rebuild, compare with dist/ as build B).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median as med, monteCarloOptions as opts, singleSimulates as sim } from './seed-cases.mjs';
const A = await import(pathToFileURL(resolve(process.argv[2], 'index.js')).href);
const B = await import(pathToFileURL(resolve(process.argv[3], 'index.js')).href);
const what = process.argv[4] ?? 'all';
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
if (what === 'all' || what === 'sim') ab('200 simulates 5y', sim(A, 200), sim(B, 200), 15);
if (what === 'all' || what === 'small') { const oa = opts(A, 1000, 3, false), ob = opts(B, 1000, 3, false); ab('MC 1k x 3y', () => A.monteCarlo(oa), () => B.monteCarlo(ob), 9); }
if (what === 'all' || what === 'page') { const oa = opts(A, 1000, 5, true), ob = opts(B, 1000, 5, true); ab('MC 1k x 5y lag', () => A.monteCarlo(oa), () => B.monteCarlo(ob), 9); }
if (what === 'all' || what === 'big') { const oa = opts(A, 10000, 5, true), ob = opts(B, 10000, 5, true); ab('MC 10k x 5y', () => A.monteCarlo(oa), () => B.monteCarlo(ob), 3); }
