/**
 * The resource budget (LIMITS, docs/limits.md): every entry point that could
 * be asked for more work or memory than one call should take refuses at once,
 * before it allocates, naming the option that drives the cost. Each case here
 * used to crash the process, hang, or fail with a raw allocation error.
 */
import { describe, expect, it } from 'vitest';
import {
  DurationError,
  LIMITS,
  ParameterError,
  allocate,
  calibrate,
  channel,
  equivalentMonths,
  loadScenario,
  monitor,
  monteCarlo,
  parseHistoryCsv,
  schedule,
  simulate,
  simulatePlatform,
  whatIf,
} from 'relationship-equity';
import { caught } from './helpers.js';

const fiveYears = { horizon: '5 years' };

describe('the resource budget of every entry point', () => {
  it('monteCarlo: runs × grid points within LIMITS.steps, kept paths within LIMITS.memoryBytes', () => {
    expect(caught(() => monteCarlo({ runs: 10_000_000, seed: 1, scenario: fiveYears }), ParameterError).field).toBe('runs');
    expect(caught(() => monteCarlo({ runs: 50_000, seed: 1, scenario: fiveYears, keepPaths: true }), ParameterError).field).toBe('keepPaths');
    expect(caught(() => monteCarlo({ runs: 200_000, seed: 1, scenario: fiveYears, keepPaths: true }), ParameterError).field).toBe('runs');
    expect(caught(() => monteCarlo({ runs: 10_000_000, seed: 1, scenario: fiveYears }), ParameterError).message).toMatch(/model steps/);
  });

  it('whatIf: the runs of every alternative counted together', () => {
    const alternatives = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, fiveYears]));
    expect(caught(() => whatIf(fiveYears, alternatives, { runs: 5000, seed: 1 }), ParameterError).field).toBe('runs');
  });

  it('simulatePlatform: at most LIMITS.platformAccounts accounts, and accounts × grid points within the budget', () => {
    const accounts = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `a${i}` }));
    expect(caught(() => simulatePlatform({ horizon: '1 year', accounts: accounts(LIMITS.platformAccounts + 1) }), ParameterError).field).toBe('accounts');
    expect(caught(() => simulatePlatform({ horizon: '5 years', accounts: accounts(LIMITS.platformAccounts) }), ParameterError).field).toBe('horizon');
    expect(caught(() => simulatePlatform({ horizon: 1e9, step: 100, accounts: accounts(2) }), ParameterError).field).toBe('horizon');
  });

  it('allocate: a cautious objective over at most LIMITS.cautiousChannels channels; channels × increments × grid points within the budget', () => {
    const channels = Array.from({ length: 17 }, (_, i) => ({ ...channel('tiktok'), name: `c${i}`, failureProbability: 0.3 }));
    expect(caught(() => allocate({ channels, budget: 10, horizon: '1 year', objective: { kind: 'quantile', level: 0.1 } }), ParameterError).field).toBe('channels');
    const many = Array.from({ length: 100 }, (_, i) => ({ ...channel('tiktok'), name: `c${i}` }));
    expect(caught(() => allocate({ channels: many, budget: 10, horizon: '5 years', increments: 1000 }), ParameterError).field).toBe('increments');
  });

  it('calibrate: the posterior sampler within the budget', () => {
    const history = schedule.fromLog(Array.from({ length: 100 }, (_, k) => ({ day: 3 * k })), { end: 364 });
    const values = Array.from({ length: 52 }, (_, k) => 100 + k);
    expect(caught(() => calibrate({ history, observed: { series: 'reach', values, period: '1 week' }, fit: ['neglectDecay'], method: 'posterior', seed: 1, draws: 1_000_000 }), ParameterError).field).toBe('draws');
  });

  it('monitor and equivalentMonths: the days they would step within the budget', () => {
    expect(caught(() => monitor(schedule.reference(), { days: 1_000_000 }), ParameterError).field).toBe('options.days');
    expect(caught(() => equivalentMonths(10, { limit: '1000000 years' }), ParameterError).field).toBe('options.limit');
  });

  it('simulate: at most 20 million grid points; a run too long for its events names the horizon', () => {
    expect(caught(() => simulate({ horizon: '100000 years' }), ParameterError).field).toBe('horizon');
    expect(caught(() => simulate({ horizon: 1e15, step: 1e9 }), ParameterError).field).toBe('horizon');
  });

  it('text inputs: sizes checked before parsing', () => {
    const huge = 'x'.repeat(LIMITS.textCharacters + 1);
    expect(caught(() => loadScenario(huge), ParameterError).field).toBe('scenario');
    expect(caught(() => parseHistoryCsv(`date,posts\n${huge}`), ParameterError).field).toBe('text');
    const longHorizon = { format: 1, horizon: `${'1'.repeat(50_000_000)} days`, activity: schedule.none().spec };
    expect(caught(() => loadScenario(longHorizon as never), ParameterError).field).toBe('scenario.horizon');
    expect(caught(() => simulate({ horizon: `${'9'.repeat(1000)} days` }), DurationError).field).toBe('horizon');
  });
});
