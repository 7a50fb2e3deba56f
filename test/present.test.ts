import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { absenceCost, account, allocate, calibrate, channel, compare, costOfDelay, monitor, monteCarlo, schedule, simulate, simulatePlatform, whatIf } from 'relationship-equity';
import { figure, months, percent } from '../src/core/present.js';
import { syntheticHistory } from './generators/histories.js';

const ours = account({ name: 'our TikTok', scale: { reach: 12, interest: 0.006 } });
const away = schedule.reference().pause({ from: '18 months', for: '8 months' });
const made = syntheticHistory('present');

const results: Record<string, () => object> = {
  simulate: () => simulate({ horizon: '5 years', account: ours }),
  absenceCost: () => absenceCost({ activeFor: '18 months', absentFor: '8 months', account: ours }),
  compare: () => compare(simulate({ horizon: '3 years', activity: away }), simulate({ horizon: '3 years' })),
  whatIf: () => whatIf({ horizon: '3 years', activity: away }, { daily: { horizon: '3 years' }, later: { horizon: '3 years', activity: away.change({ at: '30 months', postsPerDay: 1 }) } }, { account: ours }),
  costOfDelay: () => costOfDelay({ account: ours }),
  monteCarlo: () => monteCarlo({ runs: 50, seed: 1, scenario: { horizon: '3 years', account: ours }, uncertain: { neglectDecay: { kind: 'uniform', min: 0.001, max: 0.003 } } }),
  monitor: () => monitor(away, { days: 700, account: ours }),
  simulatePlatform: () => simulatePlatform({ horizon: '2 years', accounts: [{ name: 'us' }, { name: 'them', joins: '6 months' }] }),
  allocate: () => allocate({ channels: [channel('tiktok'), channel('linkedin')], budget: 5, horizon: '2 years' }),
  calibrate: () => calibrate({ history: made.history, observed: { series: 'reach', values: made.values, period: '1 week' }, fit: ['neglectDecay', 'response.halfSaturation'] }),
};

describe('results show themselves', () => {
  it.each(Object.keys(results))('%s prints as a few readable lines naming what it is', (name) => {
    const text = inspect(results[name]!());
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThan(40);
    expect(lines[0]).toMatch(/^[A-Z][A-Za-z]+( for "[^"]+")?:/);
    expect(text).not.toMatch(/NaN|undefined|\[object Object\]|Float64Array/);
    expect(inspect(results[name]!(), { depth: 0 })).toBe(text); // the same at any depth: the hook answers, not the fields
  });

  it.each(Object.keys(results))('%s gives JSON with its series as arrays, no cycles, and parses back', (name) => {
    const result = results[name]!();
    const json = JSON.stringify(result);
    const back = JSON.parse(json) as Record<string, unknown>;
    for (const [key, value] of Object.entries(result)) if (typeof value !== 'function') expect(back, key).toHaveProperty(key); // every field of data is written
    for (const [key, value] of Object.entries(result)) if (value instanceof Float64Array) expect(Array.isArray(back[key]), key).toBe(true);
    expect(json).not.toContain('"0":'); // no typed array written as an object of indices
  });

  it.each(Object.keys(results).filter((n) => n !== 'compare'))('%s has summary() as plain data', (name) => {
    const summary = (results[name]!() as { summary(): unknown }).summary();
    expect(structuredClone(summary)).toEqual(summary);
    expect(JSON.stringify(summary)).not.toMatch(/null,null|NaN/);
  });

  it('writes an object shared by two branches in both (an account in the run and its twin)', () => {
    const cost = JSON.parse(JSON.stringify(results.absenceCost!())) as { simulation: { account: unknown }; twin: { account: unknown } };
    expect(cost.simulation.account).toEqual(cost.twin.account);
    expect(cost.twin.account).toMatchObject({ name: 'our TikTok' });
  });

  it('writes JSON of nested arrays, nulls and functions as plain data, and cuts a cycle at its repeat', () => {
    const run = simulate({ horizon: 30 }) as unknown as Record<string, unknown>;
    const extra = { list: [1, null, () => 2, [3, new Float64Array([4, 5])]], flag: '', nothing: null, fn: () => 1 } as Record<string, unknown>;
    extra.self = extra;
    Object.assign(run, { extra });
    const back = JSON.parse(JSON.stringify(run)) as { extra: Record<string, unknown> };
    expect(back.extra).toEqual({ list: [1, null, null, [3, [4, 5]]], flag: '', nothing: null });
  });

  it('keeps summary(), toJSON and the printout out of spreads and keys', () => {
    expect(Object.getOwnPropertySymbols(simulate({ horizon: 30 })).every((s) => !Object.getOwnPropertyDescriptor(simulate({ horizon: 30 }), s)!.enumerable)).toBe(true);
    const run = simulate({ horizon: '1 year' });
    expect(Object.keys(run)).not.toContain('summary');
    expect(Object.keys({ ...run })).not.toContain('toJSON');
    expect(typeof run.summary).toBe('function');
  });
});

describe('figures for sentences', () => {
  it('groups thousands, keeps three significant digits below, and names millions', () => {
    expect(figure(54243.4)).toBe('54,243');
    expect(figure(0.41959)).toBe('0.42');
    expect(figure(3.14159)).toBe('3.14');
    expect(figure(2.5e6)).toBe('2.50 million');
    expect(figure(-1234.6)).toBe('-1,235');
    expect(figure(0)).toBe('0');
    expect(figure(0.00001234)).toBe('1.23e-5');
    expect(figure(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(percent(0.2975)).toBe('29.8%');
    expect(figure(1e9)).toBe('1.00 billion');
    expect(figure(-2.5e9)).toBe('-2.50 billion');
    expect(figure(1e6)).toBe('1.00 million');
    expect(figure(999_999)).toBe('999,999');
    expect(figure(1000)).toBe('1,000');
    expect(figure(0.001)).toBe('0.001');
    expect(figure(Number.NaN)).toBe('NaN');
    expect(figure(null as never)).toBe('null');
    expect(months(1)).toBe('1 month');
    expect(months(2.5)).toBe('2.5 months');
  });
});
