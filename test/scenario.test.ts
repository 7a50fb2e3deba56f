import { describe, expect, it } from 'vitest';
import { InputTypeError, LIMITS, ParameterError, SCENARIO_FORMAT, loadScenario, saveScenario, schedule, simulate, SERIES } from 'relationship-equity';
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
    [file('').replace('"spread":7', '"spread":-1'), 'scenario.activity.spread'],
    [file('').replace('"at":0', '"at":-1'), 'scenario.activity.rates[0].at'],
    [file('').replace('"pauses":[]', '"pauses":[{"from":5,"to":2}]'), 'scenario.activity.pauses[0].to'],
    [file('').replace('"loggedPosts":[]', '"loggedPosts":[{"day":5,"count":1},{"day":2,"count":1}]'), 'scenario.activity.loggedPosts[1].day'],
    [file('').replace('"rates":[', '"rates":[{"at":0,"postsPerDay":1,"extra":true},'), 'scenario.activity.rates[0].extra'],
    ['{"format":1', 'scenario'],
  ])('rejects a bad file naming the field (%#: %s)', (text, field) => {
    expect(caught(() => loadScenario(text), ParameterError).field).toBe(field);
  });

  it('__proto__ and constructor keys are refused, anywhere, and pollute nothing', () => {
    expect(caught(() => loadScenario(file(',"__proto__":{"polluted":true}')), ParameterError).field).toBe('scenario.__proto__');
    expect(caught(() => loadScenario(file(',"parameters":{"__proto__":{"polluted":true}}')), ParameterError).field).toBe('parameters.__proto__');
    expect(caught(() => loadScenario(file(',"parameters":{"constructor":{"polluted":true}}')), ParameterError).field).toBe('parameters.constructor');
    expect(caught(() => loadScenario(file(',"initial":{"__proto__":{"equity":5}}')), ParameterError).field).toBe('initial.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses oversized inputs at once', () => {
    const huge = { format: 1, horizon: 10, activity: { ...schedule.weekly(1).spec, loggedPosts: new Array(10_000_000) } };
    // ten million holes: refused on the length alone, before any entry is looked at (a hang would time the test out)
    expect(caught(() => loadScenario(huge as never), ParameterError).field).toBe('scenario.activity.loggedPosts');
    const events = { format: 1, horizon: 10, activity: { ...schedule.weekly(1).spec, loggedEvents: new Array(1_000_001) } };
    expect(caught(() => loadScenario(events as never), ParameterError).message).toBe(
      '`scenario.activity.loggedEvents` must be at most 1000000 entries, got "1000001 entries"',
    );
    expect(caught(() => loadScenario(file('').replace('"horizon":10', '"horizon":"1000 years"')), ParameterError).message).toContain('100 years');
  });

  it('refuses a horizon over 100 years given in days, and takes 100 years itself', () => {
    expect(caught(() => loadScenario(file('').replace('"horizon":10', '"horizon":400000')), ParameterError).field).toBe('scenario.horizon');
    expect(loadScenario(file('').replace('"horizon":10', '"horizon":"100 years"')).horizon).toBe('100 years');
  });

  it('refuses text over LIMITS.textCharacters before parsing it, reads text of exactly that size, and skips a byte-order mark', () => {
    const limit = LIMITS.textCharacters;
    const text = file('');
    expect(loadScenario(' '.repeat(limit - text.length) + text).horizon).toBe(10);
    expect(() => loadScenario(' '.repeat(limit + 1 - text.length) + text)).toThrow(`\`scenario\` must be a scenario file of at most 20.0 million characters, got "${limit + 1} characters"`);
    expect(loadScenario(`\uFEFF${text}`).horizon).toBe(10);
  });

  it('keeps name, step, start, parameters and initial state, and adds no key that was not given', () => {
    const full = { name: 'mine', horizon: 20, step: 0.5, start: '1 year', activity: schedule.weekly(2), parameters: { neglectDecay: 0.003 }, initial: { equity: 4 } };
    const loaded = loadScenario(saveScenario(full));
    expect(loaded).toMatchObject({ name: 'mine', horizon: 20, step: 0.5, start: '1 year', parameters: { neglectDecay: 0.003 }, initial: { equity: 4 } });
    expect(Array.from(simulate(loaded).equity)).toEqual(Array.from(simulate(full).equity));
    const bare = loadScenario(saveScenario({ horizon: 10 }));
    expect(Object.keys(bare).sort()).toEqual(['activity', 'horizon']);
    expect(Object.keys(JSON.parse(saveScenario({ horizon: 10 }))).sort()).toEqual(['activity', 'format', 'horizon']);
  });

  it('reads rates in any order (but one a day), logs with entries on the same day, and a pause of no length', () => {
    const text = file('')
      .replace('"rates":[{"at":0,"postsPerDay":0.14285714285714285}]', '"rates":[{"at":10,"postsPerDay":2},{"at":0,"postsPerDay":1}]')
      .replace('"loggedPosts":[]', '"loggedPosts":[{"day":2,"count":1},{"day":2,"count":3}]')
      .replace('"loggedEvents":[]', '"loggedEvents":[{"day":1,"count":1},{"day":1,"count":1}]')
      .replace('"pauses":[]', '"pauses":[{"from":4,"to":4}]');
    const loaded = loadScenario(text);
    expect((loaded.activity as ReturnType<typeof schedule.none>).spec.rates.map((r) => r.at)).toEqual([0, 10]);
    expect((loaded.activity as ReturnType<typeof schedule.none>).spec.loggedPosts).toHaveLength(2);
    const twice = file('').replace('"rates":[{"at":0,"postsPerDay":0.14285714285714285}]', '"rates":[{"at":10,"postsPerDay":2},{"at":10,"postsPerDay":1}]');
    expect(caught(() => loadScenario(twice), ParameterError).field).toBe('scenario.activity.rates[1].at');
    const backwards = file('').replace('"qualities":[]', '"qualities":[{"from":10,"to":5,"value":1}]');
    expect(caught(() => loadScenario(backwards), ParameterError).field).toBe('scenario.activity.qualities[0].to');
    const noDay = file('').replace('"origin":null', '"origin":"2022-02-30"');
    expect(caught(() => loadScenario(noDay), ParameterError).field).toBe('scenario.activity.origin');
  });

  it('says what is wrong in the words of the file', () => {
    const message = (text: string): string => caught(() => loadScenario(text), ParameterError).message;
    expect(message(file(',"colour":"red"'))).toBe('`scenario.colour` must be absent: not a field of a scenario file, got "red"');
    expect(message(file('').replace('"format":1', '"format":2'))).toBe('`scenario.format` must be format 1, the version this library reads, got 2');
    expect(message(file('').replace('"at":0', '"at":-1'))).toBe('`scenario.activity.rates[0].at` must be a finite number ≥ 0, got -1');
    expect(message(file('').replace('"spread":7', '"spread":0'))).toBe('`scenario.activity.spread` must be a finite number > 0, got 0');
    expect(caught(() => loadScenario(file('').replace('"spread":7', '"spread":"x"')), InputTypeError).message).toBe('`scenario.activity.spread` must be a number, got "x"');
    expect(message(file(`,"name":"${'n'.repeat(501)}"`))).toBe(`\`scenario.name\` must be of length ≤ 500, got "${'n'.repeat(77)}"… (501 characters)`);
    expect(message('{"format":1,"horizon":10}')).toBe('`scenario.activity` must be present: a required field of a scenario file, got undefined');
    expect(caught(() => loadScenario(file('').replace('"spread":7,', '')), InputTypeError).message).toBe('`scenario.activity.spread` must be a number, got undefined');
    expect(message('5')).toBe('`scenario` must be a JSON object, got 5');
    expect(message('null')).toBe('`scenario` must be a JSON object, got null');
    expect(message('[1, 2]')).toBe('`scenario` must be a JSON object, got "[1, 2]"');
    expect(caught(() => loadScenario(`{"format":1, "horizon": ${'1'.repeat(100)}`), ParameterError).value).toBe(`{"format":1, "horizon": ${'1'.repeat(16)}`);
    expect(caught(() => loadScenario(file('').replace('"loggedEvents":[]', '"loggedEvents":[{"day":3,"count":1},{"day":1,"count":1}]')), ParameterError).field).toBe(
      'scenario.activity.loggedEvents[1].day',
    );
  });

  it.each([[5], [null], [[{ format: 1 }]]])('refuses %j as a scenario with an InputTypeError', (input) => {
    expect(caught(() => loadScenario(input as never), InputTypeError).message).toMatch(/^`scenario` must be JSON text or an object, got /);
  });

  it('checks a scenario before saving it', () => {
    expect(caught(() => saveScenario({ horizon: 10, horizn: 3 } as never), ParameterError).field).toBe('scenario.horizn');
  });
});
