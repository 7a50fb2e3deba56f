/**
 * npm run bench — speed as ratios against baselines measured in the same run
 * (tinybench, median latency). Never asserted in tests: machines are shared.
 * Prints a table and writes it to docs/benchmarks.md.
 *
 * 1. One 5-year daily `simulate` of the seed scenario vs a bare loop of the
 *    same recurrences on plain numbers (target: within 4×), and vs the floor:
 *    the stock and a 4-stage lag over precomputed inputs (target: ≤ 10×).
 * 2. Lag kernels on a 5-year daily series: recursion vs direct convolution
 *    over a 365-step window (target: recursion ≥ 50× faster).
 * 3. `calibrate` of 6 parameters to 3 years of daily data (target: under 1 s);
 *    a two-parameter maximum-likelihood fit to 3 years of weekly views, profile
 *    intervals and checks included (target: median ≤ 30 ms), against one
 *    simulation of the same history; a three-parameter posterior, 4,000 draws
 *    (target: ≤ 5 s on one thread).
 * 4. `monteCarlo` 10,000 runs × 5 years with bands, on one thread and on two
 *    (`monteCarloInWorkers`), each in a fresh process: the first call, and the
 *    median of the next four, against 10,000 single simulates in the same
 *    process (targets: ≤ 0.2× of those; ≥ 1.8× faster on 2 threads; peak
 *    memory ≤ 150 MB); 1,000 runs × 3 years against 1,000 single simulates
 *    (target: ≤ 0.25×, the budget of a slider).
 * 5. Cold import of the built package in a fresh Node process vs bare Node,
 *    and the gzipped browser bundle of `simulate` + `schedule` from it
 *    (target: ≤ 85 KB).
 * 6. `sensitivity`: Sobol indices of 10 parameters for the share of equity an
 *    absence costs, 1,024 base samples (12,288 model evaluations, 200
 *    bootstrap resamples; target ≤ 5 s on one thread), beside the median of
 *    one evaluation (one run of the seed's 26 months).
 *
 * Parts 4 and 5 need the build: run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { Bench } from 'tinybench';
import {
  DEFAULT_PARAMETERS,
  applyKernel,
  calibrate,
  randomStream,
  schedule,
  sensitivity,
  simulate,
  type HillResponse,
  type KernelSpec,
} from '../src/index.js';

const days = Math.ceil(5 * 365.25);
const activity = schedule.reference().pause({ from: '18 months', for: '8 months' });

/** P(k, x) by its series, for the bare loop's Erlang coefficients. */
function lowerGamma(k: number, x: number): number {
  let term = Math.exp(-x);
  for (let j = 1; j <= k; j++) term *= x / j; // e^{−x} x^k / k!
  let sum = 0;
  for (let j = k; term > 1e-300 && j < k + 200; j++) {
    sum += term;
    term *= x / (j + 1);
  }
  return sum;
}

/**
 * The recurrences of `simulate`, hard-coded for the seed scenario with the default
 * parameters, with the same constants worked out once: the floor of what a step costs.
 */
function bareLoop(): number {
  const p = DEFAULT_PARAMETERS;
  const response = p.response as HillResponse;
  const lagSpec = p.lag as { mean: number; stages: number };
  const K = Math.pow(response.halfSaturation, response.shape);
  const rate = 1.5 / 7;
  const n = lagSpec.stages;
  const x = 1 / (lagSpec.mean / n);
  const carry = new Float64Array(n);
  const weight = new Float64Array(n);
  let term = Math.exp(-x);
  for (let j = 0; j < n; j++) {
    carry[j] = term;
    weight[j] = lowerGamma(j + 1, x);
    term = (term * x) / (j + 1);
  }
  const lag = new Float64Array(n);
  const equitySeries = new Float64Array(days + 1);
  const interestSeries = new Float64Array(days + 1);
  const mKeep = Math.exp(-1 / p.momentumMemory);
  const mAvg = -Math.expm1(-1 / p.momentumMemory) * p.momentumMemory;
  const aKeep = Math.exp(-1 / p.agendaMemory);
  const bAvg = -Math.expm1(-1 / p.earlyBonusTime) * p.earlyBonusTime;
  const g = (q: number) =>
    q > p.neglectGrace ? q - p.neglectGrace + p.neglectRamp * Math.expm1(-(q - p.neglectGrace) / p.neglectRamp) : 0;
  const responseAtRate = Math.pow(rate, response.shape) / (Math.pow(rate, response.shape) + K);
  const activeKeep = Math.exp(-p.activeDecay);
  const activeGrowth = -Math.expm1(-p.activeDecay) / p.activeDecay;
  let e = 0;
  let m = 0;
  let ag = 0;
  let quiet = 0;
  for (let i = 0; i <= days; i++) {
    const paused = i >= 547 && i < 791;
    const a = paused ? 0 : rate;
    const ev = !paused && i % 30.4375 < 1 ? 1 : 0;
    const active = a > 0 || ev > 0;
    const bonus = 1 + p.earlyBonus * Math.exp(-i / p.earlyBonusTime) * bAvg;
    const target = active ? 1 : 0;
    const mult = bonus * (p.momentumFloor + (1 - p.momentumFloor) * (target + (m - target) * mAvg));
    const u = mult * (a === rate ? responseAtRate : 0);
    const reach = e * (1 + p.agendaWeight * ag);
    equitySeries[i] = e;
    interestSeries[i] = lag[n - 1]!;
    if (active) {
      e = e * activeKeep + u * activeGrowth + mult * p.eventWeight * ev;
    } else {
      const d = p.activeDecay + p.neglectDecay * (g(quiet + 1) - g(quiet));
      e = e * Math.exp(-d) + (u * -Math.expm1(-d)) / d;
    }
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
  return equitySeries[days]! + interestSeries[days]!;
}

/** The floor inputs: each day's inflow and what is left of equity after it (the seed's absence: faster decay while away). */
const floorInflow = new Float64Array(days + 1);
const floorKeep = new Float64Array(days + 1);
for (let i = 0; i <= days; i++) {
  const away = i >= 547 && i < 791;
  floorInflow[i] = away ? 0 : 0.05 + 0.01 * Math.sin(i / 30);
  floorKeep[i] = Math.exp(-(away ? 0.002 : 0.0005));
}
const floorOut = new Float64Array(2 * (days + 1));

/**
 * The floor of a step, as issue 19 sets it: the stock and a 4-stage Erlang lag
 * over precomputed inputs — no schedule, no response, no momentum, no checks.
 */
function floorLoop(): number {
  const x = 4 / 365.25;
  const keep = Math.exp(-x);
  const gain = 1 - keep;
  let e = 0;
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  let z3 = 0;
  for (let i = 0; i <= days; i++) {
    floorOut[2 * i] = e;
    floorOut[2 * i + 1] = z3;
    e = e * floorKeep[i]! + floorInflow[i]!;
    z3 = z3 * keep + z2 * gain;
    z2 = z2 * keep + z1 * gain;
    z1 = z1 * keep + z0 * gain;
    z0 = z0 * keep + e * gain;
  }
  return floorOut[2 * days]!;
}

const series = new Float64Array(days);
for (let t = 0; t < days; t++) series[t] = 1 + Math.sin(t / 17) ** 2 + (t % 30 === 0 ? 5 : 0);
const geometric: KernelSpec = { kind: 'geometric', alpha: 0.99, maxLag: 365 };
const erlangWindow: KernelSpec = { kind: 'erlang', mean: '3 months', stages: 4, maxLag: 365 };
const erlangInfinite: KernelSpec = { kind: 'erlang', mean: '3 months', stages: 4 };

// Calibration: 3 years of daily views from a varied log, 6 parameters to fit.
const calibrationLog = (() => {
  const random = randomStream('bench-log', 0);
  const entries: { day: number; posts: number; events: number }[] = [];
  for (let day = 0; day < 1100; day++) {
    const quiet = day >= 500 && day < 650;
    const rate = day < 300 ? 0.25 : day < 500 ? 0.9 : quiet ? 0 : 0.5;
    const posts = random() < rate ? 1 : 0;
    const events = !quiet && day % 30 === 5 ? 1 : 0;
    if (posts + events > 0) entries.push({ day, posts, events });
  }
  return schedule.fromLog(entries);
})();
const calibrationTruth = { neglectDecay: 0.0022, agendaWeight: 0.3, eventWeight: 2.5, momentumFloor: 0.4, response: { kind: 'hill', halfSaturation: 0.5, shape: 1.6 }, agendaMemory: 45 } as const;
const calibrationViews = (() => {
  const run = simulate({ horizon: 1096, activity: calibrationLog, parameters: calibrationTruth });
  const random = randomStream('bench-noise', 0);
  return Array.from({ length: 1096 }, (_, d) => 1000 * run.reach[d]! * (1 + 0.02 * (2 * random() - 1)));
})();
const CALIBRATION_FIT = ['neglectDecay', 'agendaWeight', 'eventWeight', 'momentumFloor', 'response.halfSaturation', 'agendaMemory'];
const calibrateOnce = () => calibrate({ history: calibrationLog, observed: { series: 'reach', values: calibrationViews }, fit: CALIBRATION_FIT });

// Weekly views: the same log, lognormal noise of 25% a week (as views vary), two and three parameters.
const weeklyViews = (() => {
  const run = simulate({ horizon: 156 * 7, activity: calibrationLog, parameters: calibrationTruth });
  const random = randomStream('bench-weekly', 0);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: 156 }, (_, k) => 1000 * run.reach.subarray(7 * k, 7 * k + 7).reduce((a, b) => a + b, 0) * Math.exp(0.25 * normal()));
})();
const weekly = { history: calibrationLog, observed: { series: 'reach' as const, values: weeklyViews, period: '1 week' }, parameters: calibrationTruth };
const fitWeekly = () => calibrate({ ...weekly, fit: ['neglectDecay', 'response.halfSaturation'] });
const posteriorWeekly = () => calibrate({ ...weekly, fit: ['neglectDecay', 'response.halfSaturation', 'agendaWeight'], method: 'posterior', seed: 'bench' });

const SIMULATE = 'simulate: 5 years daily, seed scenario';
const BARE = 'bare loop: the same recurrences';
const FLOOR = 'floor: stock + 4-stage lag over precomputed inputs';
const GEO_REC = 'geometric, window 365: recursion';
const GEO_CONV = 'geometric, window 365: convolution';
const ERL_REC = 'Erlang, 4 stages: recursion';
const ERL_CONV = 'Erlang, 4 stages, window 365: convolution';

const CALIBRATE = 'calibrate: 6 parameters, 3 years of daily views';
const FIT_WEEKLY = 'calibrate: 2 parameters, 3 years of weekly views (maximum likelihood, profiles, checks)';
const SIMULATE_WEEKLY = 'simulate: the same 3-year history';
const SENSITIVITY_PARAMETERS = ['neglectDecay', 'activeDecay', 'neglectGrace', 'neglectRamp', 'response.halfSaturation', 'response.shape', 'earlyBonus', 'momentumFloor', 'momentumMemory', 'eventWeight'];
const ONE_EVALUATION = 'sensitivity: one evaluation (26 months, the seed absence)';
const seedAbsence = schedule.reference().pause({ from: '18 months', for: '8 months' });
const bench = new Bench({ time: 400, warmupTime: 100 });
bench
  .add(ONE_EVALUATION, () => simulate({ horizon: '26 months', activity: seedAbsence, parameters: { neglectDecay: 0.0016, activeDecay: 0.0006 } }).at('26 months'))
  .add(SIMULATE, () => simulate({ horizon: '5 years', activity }))
  .add(BARE, bareLoop)
  .add(FLOOR, floorLoop)
  .add(GEO_REC, () => applyKernel(series, geometric))
  .add(GEO_CONV, () => applyKernel(series, geometric, { method: 'convolution' }))
  .add(ERL_REC, () => applyKernel(series, erlangInfinite))
  .add(ERL_CONV, () => applyKernel(series, erlangWindow))
  .add(SIMULATE_WEEKLY, () => simulate({ horizon: 156 * 7, activity: calibrationLog, parameters: calibrationTruth }))
  .add(FIT_WEEKLY, fitWeekly);
await bench.run();
const posteriorTimes: number[] = [];
let posteriorResult = posteriorWeekly();
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  posteriorResult = posteriorWeekly();
  posteriorTimes.push(performance.now() - t);
}
posteriorTimes.sort((a, b) => a - b);
// Calibration takes long enough to time a few runs on their own.
const calibrationTimes: number[] = [];
let calibrationResult = calibrateOnce();
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  calibrationResult = calibrateOnce();
  calibrationTimes.push(performance.now() - t);
}
calibrationTimes.sort((a, b) => a - b);
// The sensitivity analysis: one warm-up of a small one, then two timed runs (the faster kept).
sensitivity({ question: 'equityLost', parameters: SENSITIVITY_PARAMETERS, samples: 64, seed: 'bench' });
const sensitivityTimes: number[] = [];
let sensitivityResult = sensitivity({ question: 'equityLost', parameters: SENSITIVITY_PARAMETERS, samples: 8, seed: 'bench' });
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  sensitivityResult = sensitivity({ question: 'equityLost', parameters: SENSITIVITY_PARAMETERS, samples: 1024, seed: 'bench' });
  sensitivityTimes.push(performance.now() - t);
}
const sensitivityMs = Math.min(...sensitivityTimes);

/** Median latency of a task, in ms. */
const median = (name: string): number => {
  const task = bench.tasks.find((t) => t.name === name)!;
  return (task.result as { latency: { p50: number } }).latency.p50;
};
const rows: [string, string, string][] = [];
for (const task of bench.tasks) {
  if (task.name === FIT_WEEKLY || task.name === SIMULATE_WEEKLY || task.name === ONE_EVALUATION) continue;
  const steps = task.name === SIMULATE || task.name === BARE || task.name === FLOOR ? days + 1 : days;
  const ms = median(task.name);
  rows.push([task.name, `${ms.toFixed(4)} ms`, `${((ms / steps) * 1e6).toFixed(1)} ns/step`]);
}
const ratio = (a: string, b: string): string => `${(median(a) / median(b)).toFixed(2)}×`;
const recovered = CALIBRATION_FIT.map((name) => `${name} ${calibrationResult.parameters[name]!.value.toPrecision(3)}`).join(', ');
rows.push(
  [CALIBRATE, `${calibrationTimes[2]!.toFixed(1)} ms`, `${calibrationResult.iterations} iterations; ${recovered}`],
  [FIT_WEEKLY, `${median(FIT_WEEKLY).toFixed(1)} ms`, `target ≤ 30 ms; ${ratio(FIT_WEEKLY, SIMULATE_WEEKLY)} one simulation of the history (${median(SIMULATE_WEEKLY).toFixed(2)} ms)`],
  [
    'calibrate: 3-parameter posterior, 4,000 draws, 3 years of weekly views',
    `${(posteriorTimes[1]! / 1000).toFixed(2)} s`,
    `target ≤ 5 s; ${posteriorResult.posterior!.walkers} walkers × ${posteriorResult.posterior!.steps} kept steps (thin ${posteriorResult.posterior!.thin}, burn-in ${posteriorResult.posterior!.burnIn}); largest R̂ ${Math.max(...Object.values(posteriorResult.posterior!.summary).map((x) => x.rHat)).toFixed(3)}, smallest ESS ${Math.min(...Object.values(posteriorResult.posterior!.summary).map((x) => x.effectiveSampleSize)).toFixed(0)}`,
  ],
  [
    'sensitivity: Sobol indices of 10 parameters for the share an absence costs, 1,024 base samples',
    `${(sensitivityMs / 1000).toFixed(2)} s`,
    `target ≤ 5 s; ${sensitivityResult.evaluations} evaluations, ${(sensitivityMs / sensitivityResult.evaluations).toFixed(3)} ms each against ${median(ONE_EVALUATION).toFixed(3)} ms for one evaluation alone; largest total index ${sensitivityResult.ranking[0]!.parameter} ${sensitivityResult.ranking[0]!.importance.toFixed(2)}`,
  ],
  ['ratio simulate / floor (target ≤ 10×)', ratio(SIMULATE, FLOOR), ''],
  ['ratio simulate / bare loop of the same recurrences', ratio(SIMULATE, BARE), ''],
  ['ratio geometric convolution / recursion (target ≥ 50×)', ratio(GEO_CONV, GEO_REC), ''],
  ['ratio Erlang convolution / recursion (target ≥ 50×)', ratio(ERL_CONV, ERL_REC), ''],
);

const built = new URL('../dist/index.js', import.meta.url).pathname;

/** The functions taking the most self time in a CPU profile of `script` (an ES module) run in a fresh process: [name, share] pairs. */
function profileTop(script: string, count = 6): [string, number][] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--input-type=module', '-e', script]);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: { id: number; callFrame: { functionName: string } }[]; samples: number[] };
    const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName || '(anonymous)']));
    const self = new Map<string, number>();
    for (const id of profile.samples) self.set(names.get(id)!, (self.get(names.get(id)!) ?? 0) + 1);
    for (const idle of ['(idle)', '(program)']) self.delete(idle);
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ticks]) => [name, ticks / total]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
/** The profiles' top entries, for docs/benchmarks.md. */
const profiles: [string, [string, number][]][] = [];
if (existsSync(built)) {
  const cold = (args: string[]): number => {
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      execFileSync(process.execPath, args);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return samples[7]!;
  };
  const bare = cold(['-e', '0']);
  const esm = cold(['--input-type=module', '-e', `import { toDays } from ${JSON.stringify(built)}; toDays('8 months');`]);
  const cjs = cold(['-e', `require(${JSON.stringify(built.replace(/\.js$/, '.cjs'))}).toDays('8 months')`]);
  // Monte Carlo in a fresh process per thread count, for peak memory (maxRSS) as well as time: the first
  // call there is cold (threads to start, code to compile); the median of the next four is the speed of a
  // notebook's or an app's later calls, with the kept worker threads. The same process then times as many
  // single simulates of the scenario: the baseline of the ratio.
  const scenarioCode = `{ horizon: '5 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) }`;
  const montecarlo = (workers: number): { cold: number; warm: number; rss: number; singles: number } => {
    const script = `
      import { schedule, simulate } from ${JSON.stringify(built)};
      import { monteCarloInWorkers } from ${JSON.stringify(built.replace(/index\.js$/, 'node.js'))};
      const scenario = ${scenarioCode};
      const options = { runs: 10000, seed: 'bench', workers: ${workers}, scenario,
        uncertain: { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 }, 'lag.mean': { kind: 'triangular', min: 240, mode: 365, max: 540 } },
        noise: { reach: 0.2 } };
      const ms = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await monteCarloInWorkers(options);
        ms.push(performance.now() - t);
      }
      const warm = ms.slice(1).sort((a, b) => a - b);
      const rss = process.resourceUsage().maxRSS / 1024;
      for (let i = 0; i < 1000; i++) simulate({ ...scenario, parameters: { neglectDecay: 0.0015 + i * 1e-8 } });
      const t = performance.now();
      for (let i = 0; i < 10000; i++) simulate({ ...scenario, parameters: { neglectDecay: 0.0015 + i * 1e-8 } });
      console.log(JSON.stringify({ cold: ms[0], warm: (warm[1] + warm[2]) / 2, rss, singles: performance.now() - t }));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString()) as { cold: number; warm: number; rss: number; singles: number };
  };
  // The budget of a slider: 1,000 runs × 3 years with bands, on this thread, against 1,000 single simulates.
  const slider = (): { ensemble: number; singles: number } => {
    const script = `
      import { monteCarlo, schedule, simulate } from ${JSON.stringify(built)};
      const scenario = { horizon: '3 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) };
      const options = { runs: 1000, seed: 'slider', scenario, uncertain: { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 } }, noise: { reach: 0.2 } };
      const time = (f) => { for (let i = 0; i < 3; i++) f(); const ms = []; for (let i = 0; i < 7; i++) { const t = performance.now(); f(); ms.push(performance.now() - t); } return ms.sort((a, b) => a - b)[3]; };
      const ensemble = time(() => monteCarlo(options));
      const singles = time(() => { for (let i = 0; i < 1000; i++) simulate({ ...scenario, parameters: { neglectDecay: 0.0015 + i * 1e-8 } }); });
      console.log(JSON.stringify({ ensemble, singles }));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString()) as { ensemble: number; singles: number };
  };
  profiles.push(
    ['5,000 simulates of the seed scenario, 5 years daily', profileTop(`
      import { schedule, simulate } from ${JSON.stringify(built)};
      const scenario = ${scenarioCode};
      for (let i = 0; i < 5000; i++) simulate({ ...scenario, parameters: { neglectDecay: 0.0015 + i * 1e-8 } });`)],
    ['monteCarlo, 10,000 runs × 5 years with bands, twice', profileTop(`
      import { monteCarlo, schedule } from ${JSON.stringify(built)};
      const options = { runs: 10000, seed: 'bench', scenario: ${scenarioCode},
        uncertain: { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 }, 'lag.mean': { kind: 'triangular', min: 240, mode: 365, max: 540 } }, noise: { reach: 0.2 } };
      for (let i = 0; i < 2; i++) monteCarlo(options);`)],
  );
  const one = montecarlo(1);
  const two = montecarlo(2);
  const small = slider();
  rows.push(
    ['monteCarlo: 10,000 runs × 5 years, bands for 3 series, 1 thread', `${one.warm.toFixed(0)} ms`, `first call ${one.cold.toFixed(0)} ms; peak memory ${one.rss.toFixed(0)} MB (whole process, 5 calls; target ≤ 150 MB)`],
    ['10,000 single simulates of the same scenario (same process)', `${one.singles.toFixed(0)} ms`, ''],
    ['ratio monteCarlo 10,000 runs / 10,000 single simulates (target ≤ 0.2×)', `${(one.warm / one.singles).toFixed(2)}×`, ''],
    ['monteCarlo: the same on 2 threads (monteCarloInWorkers)', `${two.warm.toFixed(0)} ms`, `first call ${two.cold.toFixed(0)} ms; peak memory ${two.rss.toFixed(0)} MB (whole process, 5 calls)`],
    ['ratio monteCarlo 1 thread / 2 threads (target ≥ 1.8×)', `${(one.warm / two.warm).toFixed(2)}×`, `first calls: ${(one.cold / two.cold).toFixed(2)}×`],
    ['monteCarlo: 1,000 runs × 3 years with bands, this thread', `${small.ensemble.toFixed(1)} ms`, `1,000 single simulates ${small.singles.toFixed(1)} ms`],
    ['ratio monteCarlo 1,000 runs / 1,000 single simulates (target ≤ 0.25×)', `${(small.ensemble / small.singles).toFixed(2)}×`, ''],
  );
  rows.push(
    ['cold start: bare node', `${bare.toFixed(0)} ms`, ''],
    ['cold start: import ESM build + parse a duration', `${esm.toFixed(0)} ms`, `+${(esm - bare).toFixed(0)} ms over bare node`],
    ['cold start: require CJS build + parse a duration', `${cjs.toFixed(0)} ms`, `+${(cjs - bare).toFixed(0)} ms over bare node`],
  );
  // What a page that imports simulate and schedule from the package ships: esbuild (the bundler tsx and tsup run on) tree-shakes and minifies the built ESM entry.
  const { build } = await import('esbuild');
  const bundled = await build({
    stdin: { contents: `export { simulate, schedule } from ${JSON.stringify(built)};`, resolveDir: dirname(built), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const code = bundled.outputFiles[0]!.contents;
  rows.push([
    'browser bundle: simulate + schedule from the built package (esbuild, minified, gzip -9)',
    `${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB`,
    `target ≤ 85 KB; ${(code.length / 1024).toFixed(0)} KB before gzip`,
  ]);
} else {
  rows.push(['cold start', 'skipped: run `npm run build` first', '']);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
const header = `relationship-equity bench — Node ${process.version}, ${process.platform}/${process.arch}, ${machine}; medians`;
console.log(`\n${header}\n`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, extra] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(12)}  ${extra}`);
console.log('');

const markdown = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (after `npm run build`); every ratio compares two measurements taken in the same run.',
  'Speed is never asserted in tests: machines are shared and noisy.',
  '',
  `- Machine: ${machine}`,
  `- Node: ${process.version} (${process.platform}/${process.arch})`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  '- Command: `npm run build && npm run bench`',
  '',
  '| what | median | note |',
  '|---|---|---|',
  ...rows.map(([name, value, extra]) => `| ${name} | ${value} | ${extra} |`),
  '',
  ...(profiles.length === 0
    ? []
    : [
        '## Where the time goes',
        '',
        'Self time of the top functions in a CPU profile (`node --cpu-prof`) of the built package, each in a fresh process, start-up included:',
        '',
        ...profiles.flatMap(([what, top]) => [`- ${what}: ${top.map(([name, share]) => `\`${name}\` ${(100 * share).toFixed(0)}%`).join(', ')}`]),
        '',
        'In a simulate, `shareOut` is the account-wide part of each step (effort response, early bonus, momentum, agenda, neglect) and `advanceLane` the run\'s own equity and lag; in the Monte Carlo, `advanceLanes` steps every run\'s equity and lag over one record per run, `lognormalShocks` draws the day-to-day noise, `counted` and `summarise` make the bands.',
        '',
      ]),
];
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), markdown.join('\n'));
console.log('Written to docs/benchmarks.md');
