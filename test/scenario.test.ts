import { describe, expect, it } from 'vitest';
import { ParameterError, SCENARIO_FORMAT, loadScenario, saveScenario, schedule, simulate, SERIES } from 'relationship-equity';
import { caught } from './helpers.js';

const seed = {
  name: 'the seed',
  horizon: '3 years',
  activity: schedule.reference().pause({ from: '18 months', for: '8 months' }).quality({ value: 1.2, from: '2 years' }),
  parameters: { neglectDecay: 0.002, lag: { kind: 'erlang', mean: '10 months', stages: 3 } },
} as const;
const spec = JSON.stringify(schedule.weekly(1).spec);
const file = (extra: string) => `{"format":1,"horizon":10,"activity":${spec}${extra}}`;

describe('scenario files', () => {
  it('round trip: load(save(s)) simulates identically', () => {
    const text = saveScenario(seed);
    const loaded = loadScenario(text);
    expect(loaded.name).toBe('the seed');
    const a = simulate(seed);
    const b = simulate(loaded);
    for (const name of SERIES) expect(Array.from(b[name])).toEqual(Array.from(a[name]));
    expect(JSON.parse(text).format).toBe(SCENARIO_FORMAT);
    // and saving the loaded scenario gives the same text
    expect(saveScenario(loaded)).toBe(text);
  });

  it('keeps a logged history and an initial state', () => {
    const log = schedule.fromLog([{ date: '2022-01-03', posts: 2 }, { date: '2022-01-20', events: 1 }]);
    const first = simulate({ horizon: 40, activity: log });
    const scenario = { horizon: 30, activity: log, initial: first.final };
    expect(simulate(loadScenario(saveScenario(scenario))).final).toEqual(simulate(scenario).final);
  });

  it.each([
    [file(',"colour":"red"'), 'scenario.colour'],
    [file(',"parameters":{"activeDecay":-1}'), 'parameters.activeDecay'],
    [file('').replace('"format":1', '"format":2'), 'scenario.format'],
    [file('').replace('"horizon":10', '"horizon":"1000 years"'), 'scenario.horizon'],
    [file('').replace('"horizon":10', '"horizon":"8 parsecs"'), 'horizon'],
    [file('').replace('"spread":7', '"spread":"x"'), 'scenario.activity.spread'],
    [file('').replace('"at":0', '"at":-1'), 'scenario.activity.rates[0].at'],
    [file('').replace('"pauses":[]', '"pauses":[{"from":5,"to":2}]'), 'scenario.activity.pauses[0].to'],
    [file('').replace('"loggedPosts":[]', '"loggedPosts":[{"day":5,"count":1},{"day":2,"count":1}]'), 'scenario.activity.loggedPosts[1].day'],
    [file('').replace('"rates":[', '"rates":[{"at":0,"postsPerDay":1,"extra":true},'), 'scenario.activity.rates[0].extra'],
    ['{"format":1', 'scenario'],
  ])('rejects a bad file naming the field (%#: %s)', (text, field) => {
    expect(caught(() => loadScenario(text), ParameterError).field).toBe(field);
  });

  it('__proto__ and constructor keys change nothing', () => {
    expect(caught(() => loadScenario(file(',"__proto__":{"polluted":true}')), ParameterError).field).toBe('scenario.__proto__');
    const withConstructor = loadScenario(file(',"parameters":{"constructor":{"polluted":true},"__proto__":{"polluted":true}}'));
    expect(simulate(withConstructor).parameters).toEqual(simulate({ horizon: 10, activity: schedule.weekly(1) }).parameters);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses oversized inputs at once', () => {
    const huge = { format: 1, horizon: 10, activity: { ...schedule.weekly(1).spec, loggedPosts: new Array(10_000_000) } };
    const started = performance.now();
    expect(caught(() => loadScenario(huge as never), ParameterError).field).toBe('scenario.activity.loggedPosts');
    expect(performance.now() - started).toBeLessThan(1000); // a hang would never return; this is far from a speed test
    expect(caught(() => loadScenario(file('').replace('"horizon":10', '"horizon":"1000 years"')), ParameterError).message).toContain('100 years');
  });
});
