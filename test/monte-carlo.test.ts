import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, monteCarlo, randomStream, schedule, simulate, type Distribution } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

const scenario = { horizon: '3 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) };
const uncertain = {
  neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 },
  'lag.mean': { kind: 'triangular', min: 240, mode: 365, max: 540 },
  'response.halfSaturation': { kind: 'uniform', min: 0.4, max: 0.8 },
} as const;

/** Type-7 quantile by sorting: the reference for the selection-based bands. */
function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < sorted.length ? sorted[k]! + (h - k) * (sorted[k + 1]! - sorted[k]!) : sorted[k]!;
}

describe('monteCarlo', () => {
  it('the same seed gives bit-identical bands; another seed gives different ones', () => {
    const a = monteCarlo({ runs: 40, seed: 'x', scenario, uncertain, noise: { reach: 0.2 } });
    const b = monteCarlo({ runs: 40, seed: 'x', scenario, uncertain, noise: { reach: 0.2 } });
    const c = monteCarlo({ runs: 40, seed: 'y', scenario, uncertain, noise: { reach: 0.2 } });
    expect(Array.from(a.bands.interest!.mean)).toEqual(Array.from(b.bands.interest!.mean));
    expect(Array.from(a.bands.reach!.quantiles[2]!.values)).toEqual(Array.from(b.bands.reach!.quantiles[2]!.values));
    expect(Array.from(a.bands.interest!.mean)).not.toEqual(Array.from(c.bands.interest!.mean));
  });

  it('run i is the same whatever the number of runs', () => {
    const small = monteCarlo({ runs: 5, seed: 7, scenario, uncertain, noise: { reach: 0.1 }, keepPaths: true });
    const large = monteCarlo({ runs: 23, seed: 7, scenario, uncertain, noise: { reach: 0.1 }, keepPaths: true });
    for (let r = 0; r < 5; r++) {
      expect(large.draws.neglectDecay![r]).toBe(small.draws.neglectDecay![r]);
      expect(Array.from(large.paths!.interest![r]!)).toEqual(Array.from(small.paths!.interest![r]!));
    }
  });

  it('without uncertainty or noise every run is the deterministic simulation', () => {
    const result = monteCarlo({ runs: 3, seed: 1, scenario });
    const run = simulate(scenario);
    expect(Array.from(result.days)).toEqual(Array.from(run.days));
    for (const name of ["equity", "reach", "interest"] as const) {
      for (const { values } of result.bands[name]!.quantiles) expect(Array.from(values)).toEqual(Array.from(run[name]));
      result.bands[name]!.mean.forEach((m, i) => expectClose(m, run[name][i]!, 1e-14)); // (x + x + x) / 3 may round
    }
  });

  it("every run's path is the simulation with that run's draws, bit for bit, whichever parameters are drawn", () => {
    const drawn: Record<string, Distribution> = {
      neglectDecay: { kind: 'uniform', min: 0, max: 0.004 },
      momentumMemory: { kind: 'choice', values: [30, 60] }, // acts on the whole account: runs fall into groups
      'lag.stages': { kind: 'choice', values: [2, 4, 6] }, // 6 stages are stepped by a runner, not unrolled
      'lag.mean': { kind: 'uniform', min: 200, max: 500 },
    };
    const result = monteCarlo({ runs: 12, seed: 'paths', scenario, uncertain: drawn, series: ['equity', 'reach', 'interest'], keepPaths: true });
    for (let r = 0; r < 12; r++) {
      const d = (name: string) => result.draws[name]![r]!;
      const run = simulate({
        ...scenario,
        parameters: { neglectDecay: d('neglectDecay'), momentumMemory: d('momentumMemory'), lag: { kind: 'erlang', mean: d('lag.mean'), stages: d('lag.stages') } },
      });
      for (const name of ['equity', 'reach', 'interest'] as const) expect(Array.from(result.paths![name]![r]!)).toEqual(Array.from(run[name]));
    }
    expect(new Set(Array.from(result.draws['lag.stages']!)).size).toBe(3);
  });

  it('bands are the exact type-7 quantiles and the mean of the runs, point by point', () => {
    const result = monteCarlo({ runs: 61, seed: 's', scenario, uncertain, noise: { reach: 0.3 }, levels: [0.9, 0.1, 0.5], keepPaths: true });
    expect(result.levels).toEqual([0.1, 0.5, 0.9]);
    for (const i of [0, 100, 547, 800, 1095]) {
      const values = result.paths!.reach!.map((path) => path[i]!);
      result.bands.reach!.quantiles.forEach(({ level, values: band }) => expectClose(band[i]!, quantile(values, level), 1e-12));
      expectClose(result.bands.reach!.mean[i]!, values.reduce((s, v) => s + v, 0) / values.length, 1e-12);
      expect(result.final.reach![30]).toBe(result.paths!.reach![30]![result.days.length - 1]);
    }
  });

  it('daily noise in reach has mean one: the mean band stays near the noiseless reach', () => {
    const noisy = monteCarlo({ runs: 400, seed: 3, scenario, noise: { reach: 0.25 }, series: ['reach', 'equity'] });
    const plain = simulate(scenario);
    for (const i of [300, 700, 1000]) {
      expect(Math.abs(noisy.bands.reach!.mean[i]! / plain.reach[i]! - 1)).toBeLessThan(0.04);
      // noise acts on reach, not on equity
      expect(noisy.bands.equity!.quantiles[0]!.values[i]).toBe(plain.equity[i]);
    }
  });

  it('records the parameters drawn, inside their distributions', () => {
    const result = monteCarlo({ runs: 300, seed: 'draws', scenario: { horizon: 30 }, uncertain });
    const n = result.draws.neglectDecay!;
    expect(Math.min(...n)).toBeGreaterThanOrEqual(0);
    const mean = n.reduce((s, v) => s + v, 0) / n.length;
    expect(Math.abs(mean - 0.0015)).toBeLessThan(0.0001);
    const lag = result.draws['lag.mean']!;
    expect(Math.min(...lag)).toBeGreaterThanOrEqual(240);
    expect(Math.max(...lag)).toBeLessThanOrEqual(540);
  });

  it('more uncertainty about neglect widens the interest band after the absence', () => {
    const narrow = monteCarlo({ runs: 200, seed: 1, scenario, uncertain: { neglectDecay: { kind: 'uniform', min: 0.0014, max: 0.0016 } } });
    const wide = monteCarlo({ runs: 200, seed: 1, scenario, uncertain: { neglectDecay: { kind: 'uniform', min: 0.0005, max: 0.0025 } } });
    const spread = (r: typeof narrow, i: number) => r.bands.interest!.quantiles[4]!.values[i]! - r.bands.interest!.quantiles[0]!.values[i]!;
    expect(spread(wide, 1000)).toBeGreaterThan(3 * spread(narrow, 1000));
  });
});

describe('monteCarlo results', () => {
  it('sorts the levels, keeps 0 and 1 as the extremes, and gives each run its final value', () => {
    const r = monteCarlo({ runs: 30, seed: 2, scenario: { horizon: 100 }, noise: { reach: 0.3 }, levels: [1, 0, 0.5], keepPaths: true, series: ['reach'] });
    expect(r.levels).toEqual([0, 0.5, 1]);
    const band = r.bands.reach!;
    expect(band.quantiles.map((q) => q.level)).toEqual([0, 0.5, 1]);
    const paths = r.paths!.reach!;
    for (const t of [1, 50, 100]) {
      const column = paths.map((p) => p[t]!);
      expect(band.quantiles[0]!.values[t]).toBe(Math.min(...column));
      expect(band.quantiles[2]!.values[t]).toBe(Math.max(...column));
    }
    expect(Array.from(r.final.reach!)).toEqual(paths.map((p) => p[100]));
    expect(r.seed).toBe(2);
    expect(r.runs).toBe(30);
    expect(Object.keys(r.bands)).toEqual(['reach']);
    expect(r.paths!.equity).toBeUndefined();
  });

  it('summarises equity, reach and interest by default, without paths', () => {
    const r = monteCarlo({ runs: 4, seed: 's', scenario: { horizon: 40 } });
    expect(Object.keys(r.bands).sort()).toEqual(['equity', 'interest', 'reach']);
    expect(r.levels).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(r.paths).toBeUndefined();
    expect(r.draws).toEqual({});
    expect(Array.from(r.days)).toEqual(Array.from(simulate({ horizon: 40 }).days));
  });
});

describe('distributions', () => {
  const sample = (spec: Distribution, n = 2000) =>
    monteCarlo({ runs: n, seed: 'd', scenario: { horizon: 1 }, uncertain: { earlyBonus: spec }, series: ['equity'] }).draws.earlyBonus!;
  const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

  it.each([
    [{ kind: 'uniform', min: 1, max: 3 }, 2, 1, 3],
    [{ kind: 'normal', mean: 2, sd: 0.5, min: 1, max: 3 }, 2, 1, 3],
    [{ kind: 'lognormal', mu: 0, sigma: 0.5 }, Math.exp(0.125), 0, Infinity],
    [{ kind: 'beta', alpha: 2, beta: 6, min: 0, max: 4 }, 1, 0, 4],
    [{ kind: 'triangular', min: 0, mode: 1, max: 5 }, 2, 0, 5],
    [{ kind: 'choice', values: [0.5, 1, 4] }, 5.5 / 3, 0.5, 4],
  ] as [Distribution, number, number, number][])('%j: draws inside its support with the right mean', (spec, expectedMean, lo, hi) => {
    const x = sample(spec);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(lo);
    expect(Math.max(...x)).toBeLessThanOrEqual(hi);
    expect(Math.abs(mean(x) - expectedMean) / expectedMean).toBeLessThan(0.05);
  });

  it('randomStream(seed, i) is reproducible and differs between runs', () => {
    const a = randomStream('s', 3);
    const b = randomStream('s', 3);
    const c = randomStream('s', 4);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });
});

describe('monteCarlo rejects bad input', () => {
  it.each([
    [{ runs: 0 }, 'runs'],
    [{ runs: 2.5 }, 'runs'],
    [{ runs: 3, uncertain: { decay: { kind: 'uniform', min: 0, max: 1 } } }, 'uncertain.decay'],
    [{ runs: 3, uncertain: { activeDecay: { kind: 'gaussian', mean: 0, sd: 1 } } }, 'uncertain.activeDecay.kind'],
    [{ runs: 3, uncertain: { activeDecay: { kind: 'uniform', min: 0.002, max: 0.001 } } }, 'uncertain.activeDecay.max'],
    [{ runs: 3, uncertain: { activeDecay: { kind: 'triangular', min: 0, mode: 2, max: 1 } } }, 'uncertain.activeDecay.max'],
    [{ runs: 3, uncertain: { activeDecay: { kind: 'normal', mean: 0, sd: 1 } } }, 'uncertain.activeDecay'],
    [{ runs: 3, levels: [0.5, 1.5] }, 'levels[1]'],
    [{ runs: 3, noise: { reach: -1 } }, 'noise.reach'],
    [{ runs: 3, series: ['equity', 'clients'] }, 'series[1]'],
  ])('%j → %s', (extra, field) => {
    const error = caught(() => monteCarlo({ seed: 1, scenario: { horizon: 100 }, ...extra } as never), ParameterError);
    expect(error.field).toBe(field);
  });

  it.each([
    ['options not an object', () => monteCarlo(5 as never), InputTypeError, 'options'],
    ['an unknown option', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, run: 3 } as never), ParameterError, 'options.run'],
    ['too many runs', () => monteCarlo({ runs: 10_000_001, seed: 1, scenario: { horizon: 10 } }), ParameterError, 'runs'],
    ['an infinite seed', () => monteCarlo({ runs: 3, seed: Infinity, scenario: { horizon: 10 } }), ParameterError, 'seed'],
    ['a seed of another type', () => monteCarlo({ runs: 3, seed: [1] as never, scenario: { horizon: 10 } }), InputTypeError, 'seed'],
    ['uncertain not an object', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, uncertain: 'all' as never }), InputTypeError, 'uncertain'],
    ['noise not an object', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, noise: 0.2 as never }), InputTypeError, 'noise'],
    ['noise on another series', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, noise: { equity: 0.2 } as never }), ParameterError, 'noise.equity'],
    ['levels not an array', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, levels: 0.5 as never }), ParameterError, 'levels'],
    ['no levels', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, levels: [] }), ParameterError, 'levels'],
    ['a level below 0', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, levels: [-0.1] }), ParameterError, 'levels[0]'],
    ['a level not a number', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, levels: [NaN] }), ParameterError, 'levels[0]'],
    ['keepPaths not a boolean', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, keepPaths: 'yes' as never }), InputTypeError, 'keepPaths'],
    ['a bad scenario', () => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10, horizn: 3 } as never }), ParameterError, 'scenario.horizn'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('says what it allows', () => {
    expect(() => monteCarlo({ runs: 10_000_001, seed: 1, scenario: { horizon: 10 } })).toThrow('`runs` must be a whole number from 1 to 10000000, got 10000001');
    expect(() => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, levels: [2] })).toThrow('`levels[0]` must be a number from 0 to 1, got 2');
    expect(() => monteCarlo({ runs: 3, seed: 1, scenario: { horizon: 10 }, levels: [] })).toThrow('`levels` must be a non-empty array of numbers in [0, 1], got []');
  });

  it('a missing seed is an InputTypeError', () => {
    caught(() => monteCarlo({ runs: 3, scenario: { horizon: 10 } } as never), InputTypeError);
  });
});

describe('monteCarlo with posterior draws', () => {
  // A small posterior: draws of two parameters that move together (as a fit's do).
  const count = 50;
  const posterior = {
    names: ['neglectDecay', 'lag.mean'],
    draws: {
      neglectDecay: Float64Array.from({ length: count }, (_, k) => 0.001 + 0.00002 * k),
      'lag.mean': Float64Array.from({ length: count }, (_, k) => 300 + 2 * k),
    },
  };

  it('each run takes one draw of every posterior parameter together, and the rest from uncertain', () => {
    const result = monteCarlo({ runs: 40, seed: 'post', scenario, posterior, uncertain: { 'response.halfSaturation': uncertain['response.halfSaturation'] } });
    const nd = result.draws.neglectDecay!;
    const lag = result.draws['lag.mean']!;
    for (let r = 0; r < 40; r++) {
      const k = Math.round((nd[r]! - 0.001) / 0.00002);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(count);
      expect(lag[r]).toBeCloseTo(300 + 2 * k, 9); // the same draw index for both
    }
    expect(new Set(Array.from(nd)).size).toBeGreaterThan(10);
    expect(result.draws['response.halfSaturation']!.every((v) => v >= 0.4 && v <= 0.8)).toBe(true);
  });

  it('every run is the simulation at its posterior draw, and the same seed gives the same bands', () => {
    const result = monteCarlo({ runs: 6, seed: 'post', scenario, posterior, keepPaths: true, series: ['interest'] });
    for (let r = 0; r < 6; r++) {
      const run = simulate({ ...scenario, parameters: { neglectDecay: result.draws.neglectDecay![r]!, lag: { kind: 'erlang', mean: result.draws['lag.mean']![r]!, stages: 4 } } });
      expect(Array.from(result.paths!.interest![r]!)).toEqual(Array.from(run.interest));
    }
    const again = monteCarlo({ runs: 6, seed: 'post', scenario, posterior, series: ['interest'] });
    expect(Array.from(again.bands.interest!.mean)).toEqual(Array.from(result.bands.interest!.mean));
  });

  it.each([
    ['names not an array', { ...posterior, names: 'neglectDecay' }, 'posterior.names'],
    ['an unknown name', { ...posterior, names: ['neglect'] }, 'posterior.names[0]'],
    ['draws of unequal length', { ...posterior, draws: { ...posterior.draws, 'lag.mean': new Float64Array(3) } }, 'posterior.draws.lag.mean'],
    ['a missing array', { names: ['neglectDecay'], draws: {} }, 'posterior.draws.neglectDecay'],
    ['a draw that is not a number', { names: ['neglectDecay'], draws: { neglectDecay: [0.001, NaN] } }, 'posterior.draws.neglectDecay[1]'],
  ])('refuses %s, naming the field', (_, bad, field) => {
    expect((caught(() => monteCarlo({ runs: 2, seed: 1, scenario, posterior: bad as never }), Error) as ParameterError).field).toBe(field);
  });

  it('refuses a parameter drawn from the posterior and from uncertain too', () => {
    expect(caught(() => monteCarlo({ runs: 2, seed: 1, scenario, posterior, uncertain: { neglectDecay: uncertain.neglectDecay } }), ParameterError).field).toBe('uncertain.neglectDecay');
  });
});
