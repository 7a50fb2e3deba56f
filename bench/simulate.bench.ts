/**
 * npm run bench — speed as ratios against a baseline measured in the same run.
 *
 * 1. One 5-year daily `simulate` of the reference scenario (the seed's absence)
 *    against a bare loop of the same recurrences on plain numbers.
 * 2. Cold import of the built package in a fresh Node process against a fresh
 *    Node process that imports nothing (run `npm run build` first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_PARAMETERS, schedule, simulate } from '../src/index.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time in ms of `fn` over `rounds` rounds, after warm-up. */
function time(fn: () => unknown, rounds = 200, warmup = 50): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const steps = Math.ceil(5 * 365.25);
const activity = schedule.reference().pause({ from: '18 months', for: '8 months' });

/** The same recurrences as `simulate`, hard-coded for the scenario: the floor of what a step can cost. */
function bareLoop(): number {
  const p = DEFAULT_PARAMETERS;
  const K = Math.pow(p.response.halfSaturation, p.response.shape);
  const rate = 1.5 / 7;
  const n = p.lag.stages;
  const x = 1 / (p.lag.mean / n);
  const carry = new Float64Array(n);
  const weight = new Float64Array(n);
  let term = Math.exp(-x);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    carry[j] = term;
    sum += term;
    weight[j] = 1 - sum;
    term = (term * x) / (j + 1);
  }
  const lag = new Float64Array(n);
  const equitySeries = new Float64Array(steps + 1);
  const interestSeries = new Float64Array(steps + 1);
  const mKeep = Math.exp(-1 / p.momentumMemory);
  const mAvg = -Math.expm1(-1 / p.momentumMemory) * p.momentumMemory;
  const aKeep = Math.exp(-1 / p.agendaMemory);
  const bAvg = -Math.expm1(-1 / p.earlyBonusTime) * p.earlyBonusTime;
  let e = 0;
  let m = 0;
  let ag = 0;
  let quiet = 0;
  for (let i = 0; i <= steps; i++) {
    const paused = i >= 547.875 && i < 791.375;
    const a = paused ? 0 : rate;
    const ev = !paused && i % 30.4375 < 1 ? 1 : 0;
    const active = a > 0 || ev > 0;
    const bonus = 1 + p.earlyBonus * Math.exp(-i / p.earlyBonusTime) * bAvg;
    const target = active ? 1 : 0;
    const mult = bonus * (p.momentumFloor + (1 - p.momentumFloor) * (target + (m - target) * mAvg));
    const ap = a > 0 ? Math.pow(a, p.response.shape) : 0;
    const u = (mult * ap) / (ap + K);
    const reach = e * (1 + p.agendaWeight * ag);
    equitySeries[i] = e;
    interestSeries[i] = lag[n - 1]!;
    let d = p.activeDecay;
    if (!active) {
      const g = (q: number) => (q > p.neglectGrace ? q - p.neglectGrace + p.neglectRamp * Math.expm1(-(q - p.neglectGrace) / p.neglectRamp) : 0);
      d += p.neglectDecay * (g(quiet + 1) - g(quiet));
    }
    e = e * Math.exp(-d) + (u * -Math.expm1(-d)) / d + mult * p.eventWeight * ev;
    m = target + (m - target) * mKeep;
    ag = ag * aKeep + ev;
    quiet = active ? 0 : quiet + 1;
    const input = 0.5 * (reach + e * (1 + p.agendaWeight * ag));
    for (let k = n - 1; k >= 0; k--) {
      let v = weight[k]! * input;
      for (let j = 0; j <= k; j++) v += carry[j]! * lag[k - j]!;
      lag[k] = v;
    }
  }
  return equitySeries[steps]! + interestSeries[steps]!;
}

const full = time(() => simulate({ horizon: '5 years', activity }));
const bare = time(bareLoop);
const rows: [string, string, string][] = [
  ['simulate, 5 years daily (seed scenario)', `${full.toFixed(3)} ms`, `${((full / (steps + 1)) * 1e6).toFixed(0)} ns/step`],
  ['bare loop of the same recurrences', `${bare.toFixed(3)} ms`, `${((bare / (steps + 1)) * 1e6).toFixed(0)} ns/step`],
  ['ratio simulate / bare loop (target ≤ 4)', `${(full / bare).toFixed(2)}×`, ''],
];

const built = new URL('../dist/index.js', import.meta.url).pathname;
if (existsSync(built)) {
  const coldRuns = (args: string[]): number => {
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      execFileSync(process.execPath, args);
      samples.push(performance.now() - t);
    }
    return median(samples);
  };
  const bareNode = coldRuns(['-e', '0']);
  const esm = coldRuns(['--input-type=module', '-e', `import { toDays } from ${JSON.stringify(built)}; toDays('8 months');`]);
  const cjs = coldRuns(['-e', `require(${JSON.stringify(built.replace(/\.js$/, '.cjs'))}).toDays('8 months')`]);
  rows.push(
    ['cold: bare node', `${bareNode.toFixed(0)} ms`, ''],
    ['cold: import the ESM build and parse a duration', `${esm.toFixed(0)} ms`, `+${(esm - bareNode).toFixed(0)} ms`],
    ['cold: require the CJS build and parse a duration', `${cjs.toFixed(0)} ms`, `+${(cjs - bareNode).toFixed(0)} ms`],
  );
} else {
  rows.push(['cold import', 'skipped: run `npm run build` first', '']);
}

console.log(`\nrelationship-equity bench — Node ${process.version}, ${process.platform}/${process.arch}\n`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, extra] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(12)}  ${extra}`);
console.log('');
