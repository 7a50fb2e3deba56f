/**
 * Calibration against contrived problems whose answer is known: data generated
 * by the model itself from known parameters, with seeded noise, which the fit
 * must recover within stated tolerances (after mljs/levenberg-marquardt's
 * "contrived problems" table).
 */
import { describe, expect, it } from 'vitest';
import {
  InputTypeError,
  ParameterError,
  calibrate,
  randomStream,
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

  it('reports a parameter the data cannot identify instead of a confident number', () => {
    // Without any absence longer than the grace period, neglect decay never acts.
    const history = realisticLog('log', false);
    const values = observe(history, {}, 'reach', 7, 156, 1000, 0.03, 'noise');
    const result = calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay', 'response.halfSaturation'] });
    expect(result.parameters.neglectDecay!.identified).toBe(false);
    expect(result.parameters.neglectDecay!.interval).toBeNull();
    expect(result.parameters['response.halfSaturation']!.identified).toBe(true);
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
    [{ fit: ['lag.stages'] }, 'fit[0]'],
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
