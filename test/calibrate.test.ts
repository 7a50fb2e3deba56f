/**
 * Calibration against contrived problems whose answer is known: data generated
 * by the model itself from known parameters, with seeded noise, which the fit
 * must recover within stated tolerances (after mljs/levenberg-marquardt's
 * "contrived problems" table).
 */
import { describe, expect, it } from 'vitest';
import {
  DurationError,
  InputTypeError,
  ParameterError,
  DEFAULT_PARAMETERS,
  calibrate,
  randomStream,
  resolveParameters,
  schedule,
  simulate,
  type ParameterInput,
  type Schedule,
} from 'relationship-equity';
import { caught } from './helpers.js';

/** Three years of a realistic log: changing cadence, monthly events, a five-month absence. */
function realisticLog(seed: string, absence = true): Schedule {
  const random = randomStream(seed, 0);
  const entries: { day: number; posts: number; events: number }[] = [];
  for (let day = 0; day < 1100; day++) {
    const quiet = absence && day >= 500 && day < 650;
    const rate = day < 300 ? 0.25 : day < 500 ? 0.9 : quiet ? 0 : 0.5;
    const posts = random() < rate ? 1 : 0;
    const events = !quiet && day % 30 === 5 ? 1 : 0;
    if (posts + events > 0) entries.push({ day, posts, events });
  }
  return schedule.fromLog(entries);
}

/** Observations of a model series per period, scaled and with seeded multiplicative noise and gaps. */
function observe(history: Schedule, truth: ParameterInput, series: 'reach' | 'interest', period: number, periods: number, scale: number, noise: number, seed: string) {
  const run = simulate({ horizon: period * periods, activity: history, parameters: truth });
  const random = randomStream(seed, 1);
  return Array.from({ length: periods }, (_, k) => {
    let sum = 0;
    for (let d = k * period; d < (k + 1) * period; d++) sum += run[series][d]!;
    const value = scale * sum * (1 + noise * (2 * random() - 1));
    return k % 13 === 7 ? null : value; // a gap now and then
  });
}

const cases: {
  name: string;
  truth: ParameterInput;
  fit: string[];
  series: 'reach' | 'interest';
  period: number;
  periods: number;
  expected: Record<string, number>;
  tolerance: number;
}[] = [
  {
    name: 'weekly views: neglect decay and half-saturation',
    truth: { neglectDecay: 0.0022, response: { kind: 'hill', halfSaturation: 0.45, shape: 1.6 } },
    fit: ['neglectDecay', 'response.halfSaturation'],
    series: 'reach',
    period: 7,
    periods: 156,
    expected: { neglectDecay: 0.0022, 'response.halfSaturation': 0.45 },
    tolerance: 0.1,
  },
  {
    name: 'monthly leads: the lag’s mean and neglect decay',
    truth: { lag: { kind: 'erlang', mean: 300, stages: 4 }, neglectDecay: 0.0025 },
    fit: ['lag.mean', 'neglectDecay'],
    series: 'interest',
    period: 30,
    periods: 36,
    expected: { 'lag.mean': 300, neglectDecay: 0.0025 },
    tolerance: 0.15,
  },
  {
    name: 'weekly views: agenda weight and memory',
    truth: { agendaWeight: 0.35, agendaMemory: 45 },
    fit: ['agendaWeight', 'agendaMemory'],
    series: 'reach',
    period: 7,
    periods: 156,
    expected: { agendaWeight: 0.35, agendaMemory: 45 },
    tolerance: 0.15,
  },
];

describe('calibrate recovers known parameters (3% noise, gaps)', () => {
  it.each(cases)('$name', ({ truth, fit, series, period, periods, expected, tolerance }) => {
    const history = realisticLog('log');
    const values = observe(history, truth, series, period, periods, 1000, 0.03, 'noise');
    const result = calibrate({ history, observed: { series, values, period }, fit });
    expect(result.converged).toBe(true);
    for (const [name, value] of Object.entries(expected)) {
      const fitted = result.parameters[name]!;
      expect(Math.abs(fitted.value / value - 1), name).toBeLessThan(tolerance);
      expect(fitted.identified).toBe(true);
      expect(fitted.interval![0]).toBeLessThan(fitted.value);
      expect(fitted.interval![1]).toBeGreaterThan(fitted.value);
    }
    expect(Math.abs(result.scale.value / 1000 - 1)).toBeLessThan(0.05);
    expect(result.goodness.rSquared).toBeGreaterThan(0.98);
    expect(result.goodness.n).toBe(values.filter((v) => v !== null).length);
  });

  it('noise-free data are fitted almost exactly', () => {
    const history = realisticLog('log');
    const truth = { neglectDecay: 0.0018 };
    const values = observe(history, truth, 'reach', 7, 156, 250, 0, 'none');
    const result = calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay'] });
    expect(Math.abs(result.parameters.neglectDecay!.value / 0.0018 - 1)).toBeLessThan(1e-4);
    expect(result.goodness.rSquared).toBeGreaterThan(1 - 1e-8);
  });

  it('reports a parameter the data cannot identify, with an open interval, and keeps its default in parameterInput', () => {
    // Without any absence longer than the grace period, neglect decay never acts.
    const history = realisticLog('log', false);
    const values = observe(history, {}, 'reach', 7, 156, 1000, 0.03, 'noise');
    const result = calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay', 'response.halfSaturation'] });
    const neglect = result.parameters.neglectDecay!;
    expect(neglect.identified).toBe(false);
    expect(neglect.closed).toContain(false);
    expect(neglect.interval[0]).toBeLessThanOrEqual(neglect.value);
    expect(neglect.interval[1]).toBeGreaterThanOrEqual(neglect.value);
    expect(result.kept).toEqual(['neglectDecay']);
    expect(resolveParameters(result.parameterInput).neglectDecay).toBe(DEFAULT_PARAMETERS.neglectDecay);
    const half = result.parameters['response.halfSaturation']!;
    expect(half.identified).toBe(true);
    expect(resolveParameters(result.parameterInput).response).toMatchObject({ halfSaturation: half.value });
  });

  it('returns parameters ready for simulate, and residuals that add up', () => {
    const history = realisticLog('log');
    const values = observe(history, { neglectDecay: 0.002 }, 'reach', 7, 156, 1000, 0.03, 'noise');
    const result = calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay'] });
    expect(simulate({ horizon: 30, activity: history, parameters: result.parameterInput }).parameters.neglectDecay).toBe(
      result.parameters.neglectDecay!.value,
    );
    const ssr = result.points.reduce((s, p) => s + p.residual ** 2, 0);
    expect(Math.abs(ssr / result.goodness.ssr - 1)).toBeLessThan(1e-9);
    for (const p of result.points) expect(p.observed - p.fitted).toBeCloseTo(p.residual, 6);
  });
});

describe('calibrate rejects bad input', () => {
  const history = realisticLog('log');
  const values = observe(history, {}, 'reach', 7, 100, 1000, 0.03, 'noise');
  const good = { history, observed: { series: 'reach' as const, values, period: '1 week' }, fit: ['neglectDecay'] };
  it.each([
    [{ fit: ['neglect'] }, 'fit[0]'],
    [{ fit: [] }, 'fit'],
    [{ observed: { series: 'reach', values: [1, 2], period: '1 week' } }, 'observed.values'],
    [{ observed: { series: 'reach', values: new Array(200).fill(1), period: '1 week' } }, 'observed.values'],
    [{ observed: { series: 'followers', values: [1, 2, 3, 4], period: '1 week' } }, 'observed.series'],
    [{ bounds: { neglectDecay: [0.003, 0.01] } }, 'initial.neglectDecay'],
    [{ bounds: { neglectDecay: [0.01, 0.003] } }, 'bounds.neglectDecay'],
    [{ initial: { agendaWeight: 1 } }, 'initial.agendaWeight'],
    [{ history: 'log' }, 'history'],
  ])('%o → %s', (change, field) => {
    expect(caught(() => calibrate({ ...good, ...change } as never), ParameterError).field).toBe(field);
  });

  it('a non-numeric observation is an InputTypeError naming it', () => {
    const bad = [...values];
    bad[4] = '12' as never;
    expect(caught(() => calibrate({ ...good, observed: { ...good.observed, values: bad } }), InputTypeError).field).toBe('observed.values[4]');
  });
});

describe('calibrate in detail', () => {
  const history = realisticLog('log');
  const weekly = observe(history, { neglectDecay: 0.002 }, 'reach', 7, 120, 1000, 0.02, 'noise');
  const base = { history, observed: { series: 'reach' as const, values: weekly, period: '1 week' }, fit: ['neglectDecay'] };

  it('a mean per period gives the same fit with a scale one period larger', () => {
    const sum = calibrate(base);
    const mean = calibrate({ ...base, observed: { ...base.observed, aggregate: 'mean' } });
    expect(mean.parameters.neglectDecay!.value).toBeCloseTo(sum.parameters.neglectDecay!.value, 9);
    expect(mean.scale.value / sum.scale.value).toBeCloseTo(7, 6);
    mean.fitted.forEach((v, k) => expect(v / sum.fitted[k]!).toBeCloseTo(1, 9));
  });

  it('fits equity or interest as well as reach, and counts NaN as a gap', () => {
    const truth = { neglectDecay: 0.0015 };
    const run = simulate({ horizon: 600, activity: history, parameters: truth });
    for (const series of ['equity', 'interest'] as const) {
      const values: (number | null)[] = Array.from({ length: 20 }, (_, k) => 3 * run[series].slice(k * 30, k * 30 + 30).reduce((s, x) => s + x, 0));
      values[4] = NaN;
      const result = calibrate({ history, observed: { series, values, period: 30 }, fit: ['neglectDecay'] });
      expect(result.parameters.neglectDecay!.value / 0.0015).toBeCloseTo(1, 3);
      expect(result.goodness.n).toBe(19);
      expect(result.points.map((p) => p.period)).not.toContain(4);
    }
  });

  it('keeps a fit within its bounds, and its interval too', () => {
    const bounded = calibrate({ ...base, bounds: { neglectDecay: [0, 0.001] }, initial: { neglectDecay: 0.0005 } });
    expect(bounded.parameters.neglectDecay!.value).toBeLessThanOrEqual(0.001);
    expect(bounded.parameters.neglectDecay!.value).toBeGreaterThan(0.0009);
    const interval = bounded.parameters.neglectDecay!.interval;
    if (interval !== null) expect(interval[1]).toBeLessThanOrEqual(0.001);
    const open = calibrate({ ...base, bounds: { neglectDecay: [0.0001, Infinity] } });
    expect(open.parameters.neglectDecay!.value / 0.002).toBeCloseTo(1, 1);
  });

  it('stops after maxIterations, and starts from the platform age given', () => {
    const one = calibrate({ ...base, maxIterations: 1, initial: { neglectDecay: 0.0005 } });
    expect(one.iterations).toBeLessThanOrEqual(1);
    const full = calibrate({ ...base, initial: { neglectDecay: 0.0005 } });
    expect(full.iterations).toBeGreaterThan(1);
    expect(full.converged).toBe(true);
    expect(full.goodness.ssr).toBeLessThan(one.goodness.ssr);
    const late = calibrate({ ...base, start: '5 years' });
    expect(late.parameters.neglectDecay!.value).not.toBe(full.parameters.neglectDecay!.value);
  });

  it('reports goodness of fit from its own residuals', () => {
    const r = calibrate(base);
    const y = r.points.map((p) => p.observed);
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
    expect(r.goodness.p).toBe(2);
    expect(r.goodness.rmse).toBeCloseTo(Math.sqrt(r.goodness.ssr / r.goodness.n), 12);
    expect(r.goodness.rSquared).toBeCloseTo(1 - r.goodness.ssr / sst, 12);
    expect(r.scale.identified).toBe(true);
  });

  it('takes a steady schedule as a history of any length', () => {
    const steady = schedule.reference();
    const run = simulate({ horizon: 300, activity: steady, parameters: { agendaWeight: 0.4 } });
    const values = Array.from({ length: 10 }, (_, k) => run.reach.slice(k * 30, k * 30 + 30).reduce((s, x) => s + x, 0));
    const r = calibrate({ history: steady, observed: { series: 'reach', values, period: 30 }, fit: ['agendaWeight'] });
    expect(r.parameters.agendaWeight!.value).toBeCloseTo(0.4, 4);
  });

  it.each([
    ['options not an object', () => calibrate(5 as never), InputTypeError, 'options'],
    ['an unknown option', () => calibrate({ ...base, fits: [] } as never), ParameterError, 'options.fits'],
    ['observed not an object', () => calibrate({ ...base, observed: [1, 2] as never }), InputTypeError, 'observed'],
    ['an unknown observed key', () => calibrate({ ...base, observed: { ...base.observed, units: 'views' } as never }), ParameterError, 'observed.units'],
    ['values not an array', () => calibrate({ ...base, observed: { ...base.observed, values: 'many' as never } }), InputTypeError, 'observed.values'],
    ['an infinite value', () => calibrate({ ...base, observed: { ...base.observed, values: [1, 2, Infinity, 4, 5] } }), ParameterError, 'observed.values[2]'],
    ['a period of 1.5 days', () => calibrate({ ...base, observed: { ...base.observed, period: 1.5 } }), ParameterError, 'observed.period'],
    ['an unreadable period', () => calibrate({ ...base, observed: { ...base.observed, period: 'weekly' } }), DurationError, 'observed.period'],
    ['an aggregate of median', () => calibrate({ ...base, observed: { ...base.observed, aggregate: 'median' as never } }), ParameterError, 'observed.aggregate'],
    ['fit not an array', () => calibrate({ ...base, fit: 'neglectDecay' as never }), ParameterError, 'fit'],
    ['a fit name not a string', () => calibrate({ ...base, fit: [3] as never }), InputTypeError, 'fit[0]'],
    ['a repeated fit name', () => calibrate({ ...base, fit: ['neglectDecay', 'neglectDecay'] }), ParameterError, 'fit'],
    ['bounds not a pair', () => calibrate({ ...base, bounds: { neglectDecay: [0] as never } }), ParameterError, 'bounds.neglectDecay'],
    ['a low bound not a number', () => calibrate({ ...base, bounds: { neglectDecay: [NaN, 1] } }), ParameterError, 'bounds.neglectDecay[0]'],
    ['a high bound not a number', () => calibrate({ ...base, bounds: { neglectDecay: [0, NaN] } }), ParameterError, 'bounds.neglectDecay[1]'],
    ['bounds for a parameter not fitted', () => calibrate({ ...base, bounds: { neglectDecay: [0, 1], activeDecay: [0, 1] } }), ParameterError, 'bounds.activeDecay'],
    ['a start for a parameter not fitted', () => calibrate({ ...base, initial: { activeDecay: 0.001 } }), ParameterError, 'initial.activeDecay'],
    ['a start not a number', () => calibrate({ ...base, initial: { neglectDecay: NaN } }), ParameterError, 'initial.neglectDecay'],
    ['a start outside the share range', () => calibrate({ ...base, fit: ['momentumFloor'], initial: { momentumFloor: 1.5 } }), ParameterError, 'initial.momentumFloor'],
    ['no iterations', () => calibrate({ ...base, maxIterations: 0 }), ParameterError, 'maxIterations'],
    ['an unreadable start', () => calibrate({ ...base, start: 'launch' }), DurationError, 'start'],
    ['bad fixed parameters', () => calibrate({ ...base, parameters: { activeDecay: -1 } }), ParameterError, 'parameters.activeDecay'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('says why it refuses', () => {
    expect(() => calibrate({ ...base, observed: { ...base.observed, values: weekly.slice(0, 3) } })).toThrow(
      '`observed.values` must be more than the 3 quantities estimated (the parameters, a scale and the noise), got "3 observed values"',
    );
    expect(() => calibrate({ ...base, observed: { ...base.observed, values: new Array(200).fill(1) } })).toThrow(
      /^`observed.values` must be no longer than the history \(\d+ days; a log that ends quietly says how long it runs with its `end`\), got "200 periods \(1400 days\)"$/,
    );
    const withZero = weekly.map((v, k) => (k === 3 ? 0 : v));
    expect(() => calibrate({ ...base, observed: { ...base.observed, values: withZero }, likelihood: 'lognormal' })).toThrow(
      "`likelihood` must be a likelihood the values allow: 'lognormal' needs every value above 0 (use 'negative-binomial' for counts with zeros), got \"lognormal\"",
    );
  });
});

describe('calibrate: uncertainty and the history it may use', () => {
  const history = realisticLog('log');
  const values = observe(history, { neglectDecay: 0.002 }, 'reach', 7, 120, 1000, 0.02, 'noise');

  it('standard errors come from the Jacobian at the optimum: σ² (JᵀJ)⁻¹ over the parameter and the scale', () => {
    const r = calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay'], likelihood: 'normal' });
    const theta = r.parameters.neglectDecay!.value;
    const s = r.scale.value;
    const model = (decay: number): number[] => {
      const run = simulate({ horizon: 7 * 120, activity: history, parameters: { neglectDecay: decay } });
      return Array.from({ length: 120 }, (_, k) => run.reach.slice(7 * k, 7 * k + 7).reduce((a, b) => a + b, 0));
    };
    const h = theta * 1e-4;
    const up = model(theta + h);
    const down = model(theta - h);
    const m = model(theta);
    const rows = r.points.map((p) => [(-s * (up[p.period]! - down[p.period]!)) / (2 * h), -m[p.period]!]);
    const a = rows.reduce((t, [x]) => t + x! * x!, 0);
    const b = rows.reduce((t, [x, y]) => t + x! * y!, 0);
    const d = rows.reduce((t, [, y]) => t + y! * y!, 0);
    const sigma2 = r.goodness.ssr / (r.goodness.n - 2);
    const det = a * d - b * b;
    expect(r.parameters.neglectDecay!.standardError / Math.sqrt((sigma2 * d) / det)).toBeCloseTo(1, 2);
    expect(r.scale.standardError / Math.sqrt((sigma2 * a) / det)).toBeCloseTo(1, 2);
    // The scale's interval is value ± t(0.975, n − p) standard errors; the parameter's is its profile's (next tests).
    const t = 1.9757; // qt(0.975, 113 − 2)
    expect(r.scale.interval[0]).toBeCloseTo(s - t * r.scale.standardError, 0);
  });

  it('converges to the same answer from starts far on either side, and says when it ran out of iterations', () => {
    const fit = (start: number, maxIterations?: number) =>
      calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay'], initial: { neglectDecay: start }, ...(maxIterations === undefined ? {} : { maxIterations }) });
    const low = fit(0.00005);
    const high = fit(0.02);
    const near = fit(0.002);
    expect(low.converged && high.converged && near.converged).toBe(true);
    expect(low.parameters.neglectDecay!.value / near.parameters.neglectDecay!.value).toBeCloseTo(1, 5);
    expect(high.parameters.neglectDecay!.value / near.parameters.neglectDecay!.value).toBeCloseTo(1, 5);
    const cut = fit(0.02, 1);
    expect(cut.converged).toBe(false);
    expect(cut.iterations).toBe(1);
  });

  it('an interval stops at the bounds', () => {
    const r = calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay'], bounds: { neglectDecay: [0.00199, 0.00201] }, initial: { neglectDecay: 0.002 } });
    const [lo, hi] = r.parameters.neglectDecay!.interval ?? [0.00199, 0.00201];
    expect(lo).toBeGreaterThanOrEqual(0.00199);
    expect(hi).toBeLessThanOrEqual(0.00201);
  });

  it('observations may reach one period past the last logged post or event, no further', () => {
    const posts = schedule.fromLog([{ day: 0 }, { day: 50 }, { day: 99 }]);
    const events = schedule.fromLog([{ day: 0, events: 1 }, { day: 99, events: 1 }]);
    for (const log of [posts, events]) {
      const fits = (n: number) => () =>
        calibrate({ history: log, observed: { series: 'reach', values: Array.from({ length: n }, (_, k) => 1 + (k % 5)), period: 1 }, fit: ['agendaWeight'], likelihood: 'normal' });
      expect(fits(101)).not.toThrow();
      expect(caught(fits(102), ParameterError).field).toBe('observed.values');
    }
    // a steady rate or a regular event rule goes on for ever
    for (const steady of [schedule.weekly(2), schedule.none().withEvents({ every: 7 })]) {
      const long = Array.from({ length: 400 }, (_, k) => 1 + (k % 7));
      expect(() => calibrate({ history: steady, observed: { series: 'reach', values: long, period: 1 }, fit: ['agendaWeight'], likelihood: 'normal' })).not.toThrow();
    }
  });

  it('a bound pair must be increasing and the start inside it, ends included', () => {
    const base = { history, observed: { series: 'reach' as const, values, period: '1 week' } };
    expect(caught(() => calibrate({ ...base, fit: ['neglectDecay'], bounds: { neglectDecay: [0.002, 0.002] } }), ParameterError).field).toBe('bounds.neglectDecay');
    expect(() => calibrate({ ...base, fit: ['neglectDecay'], bounds: { neglectDecay: [0.002, 0.003] }, initial: { neglectDecay: 0.002 }, maxIterations: 1 })).not.toThrow();
    expect(() => calibrate({ ...base, fit: ['neglectDecay'], bounds: { neglectDecay: [0.001, 0.002] }, initial: { neglectDecay: 0.002 }, maxIterations: 1 })).not.toThrow();
    expect(() => calibrate({ ...base, fit: ['momentumFloor'], initial: { momentumFloor: 1 }, maxIterations: 1 })).not.toThrow();
    expect(caught(() => calibrate({ ...base, fit: ['lag.maxLag'] }), ParameterError).field).toBe('fit[0]');
  });
});

describe('calibrate: likelihoods, choices, checks and the posterior', () => {
  const history = realisticLog('log');
  const truth = { neglectDecay: 0.002 };
  const weekly = observe(history, truth, 'reach', 7, 150, 1000, 0.03, 'noise');
  const base = { history, observed: { series: 'reach' as const, values: weekly, period: '1 week' }, fit: ['neglectDecay'] };

  it('chooses the likelihood from the data and says why: lognormal for values above 0, negative binomial with zeros, normal below 0', () => {
    expect(calibrate(base).likelihood).toMatchObject({ name: 'lognormal', reason: expect.stringContaining('above 0') });
    const counts = weekly.map((v, k) => (v === null ? null : k % 17 === 3 ? 0 : Math.round(v / 50)));
    expect(calibrate({ ...base, observed: { ...base.observed, values: counts } }).likelihood).toMatchObject({ name: 'negative-binomial', reason: expect.stringContaining('zeros') });
    const shifted = weekly.map((v, k) => (v === null ? null : k === 9 ? -1 : v));
    expect(calibrate({ ...base, observed: { ...base.observed, values: shifted } }).likelihood.name).toBe('normal');
    expect(calibrate({ ...base, likelihood: 'normal' }).likelihood).toMatchObject({ name: 'normal', reason: 'as asked' });
  });

  it('all three likelihoods find the truth on the same data, each with an interval around its estimate', () => {
    for (const likelihood of ['normal', 'lognormal', 'negative-binomial'] as const) {
      const r = calibrate({ ...base, likelihood });
      const p = r.parameters.neglectDecay!;
      expect(Math.abs(p.value / 0.002 - 1), likelihood).toBeLessThan(0.1);
      expect(p.interval[0]).toBeLessThan(p.value);
      expect(p.interval[1]).toBeGreaterThan(p.value);
      expect(p.closed).toEqual([true, true]);
      expect(Number.isFinite(r.likelihood.aic)).toBe(true);
    }
  });

  it('chooses a whole-number parameter by comparing fits, and lists every candidate', () => {
    const lagged = observe(history, { lag: { kind: 'erlang', mean: 200, stages: 2 } }, 'interest', 7, 150, 50, 0.03, 'lag');
    const r = calibrate({ history, observed: { series: 'interest', values: lagged, period: 7 }, fit: ['lag.mean', 'lag.stages'], candidates: { 'lag.stages': [1, 2, 3, 4] } });
    expect(r.choices['lag.stages']!.value).toBe(2);
    expect(r.choices['lag.stages']!.candidates.map((c) => c.value)).toEqual([1, 2, 3, 4]);
    const best = Math.min(...r.choices['lag.stages']!.candidates.map((c) => c.aic));
    expect(r.choices['lag.stages']!.candidates.find((c) => c.value === 2)!.aic).toBe(best);
    expect(Math.abs(r.parameters['lag.mean']!.value / 200 - 1)).toBeLessThan(0.05);
    expect(resolveParameters(r.parameterInput).lag).toMatchObject({ kind: 'erlang', stages: 2 });
    expect(caught(() => calibrate({ ...base, fit: ['lag.stages'], candidates: { 'lag.stages': [0, 1] } }), ParameterError).field).toBe('candidates.lag.stages[0]');
    expect(caught(() => calibrate({ ...base, candidates: { 'lag.stages': [1, 2] } }), ParameterError).field).toBe('candidates.lag.stages');
  });

  it('passes a fit of the right model and flags one the model cannot make, with reasons', () => {
    const good = calibrate(base);
    expect(good.diagnostics.adequate).toBe(true);
    expect(good.diagnostics.warnings).toEqual([]);
    const trending = weekly.map((v, k) => (v === null ? null : v * Math.exp((0.6 * k) / 52)));
    const bad = calibrate({ ...base, observed: { ...base.observed, values: trending } });
    expect(bad.diagnostics.adequate).toBe(false);
    expect(bad.diagnostics.warnings.join(' ')).toMatch(/drift|autocorrelated/);
    expect(bad.diagnostics.checks.drift.pValue).toBeLessThan(0.01);
  });

  it('draws a posterior on request: correlated draws per parameter, convergence figures, the same for the same seed', () => {
    const options = { ...base, fit: ['neglectDecay', 'agendaWeight'], method: 'posterior' as const, seed: 7, draws: 800, burnIn: 200 };
    const r = calibrate(options);
    const posterior = r.posterior!;
    expect(posterior.count).toBe(800);
    expect(posterior.draws.neglectDecay!.length).toBe(800);
    expect(posterior.draws.agendaWeight!.length).toBe(800);
    const summary = posterior.summary.neglectDecay!;
    expect(summary.interval[0]).toBeLessThan(0.002);
    expect(summary.interval[1]).toBeGreaterThan(0.002);
    expect(summary.rHat).toBeLessThan(1.1);
    expect(posterior.priors.neglectDecay).toMatchObject({ kind: 'lognormal' });
    expect(posterior.priors.agendaWeight).toMatchObject({ kind: 'lognormal', sigma: 1.5 });
    expect(Array.from(calibrate(options).posterior!.draws.neglectDecay!)).toEqual(Array.from(posterior.draws.neglectDecay!));
  });

  it('refuses posterior options without the posterior method, and a posterior without a seed', () => {
    expect(caught(() => calibrate({ ...base, draws: 100 }), ParameterError).field).toBe('draws');
    expect(caught(() => calibrate({ ...base, method: 'posterior' }), InputTypeError).field).toBe('seed');
    expect(caught(() => calibrate({ ...base, method: 'bayes' as never }), ParameterError).field).toBe('method');
    expect(caught(() => calibrate({ ...base, method: 'posterior', seed: 1, walkers: 3 }), ParameterError).field).toBe('walkers');
    expect(caught(() => calibrate({ ...base, method: 'posterior', seed: 1, priors: { agendaWeight: { kind: 'uniform', min: 0, max: 1 } } }), ParameterError).field).toBe('priors.agendaWeight');
    expect(caught(() => calibrate({ ...base, likelihood: 'poisson' as never }), ParameterError).field).toBe('likelihood');
  });
});
