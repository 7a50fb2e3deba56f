/**
 * Response curves against independent references: PyMC-Marketing's formulas
 * computed with numpy (test/reference/pymc_formulas.py) and Robyn's
 * saturation_hill computed in R (test/reference/robyn_formulas.R).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, respond, type HillResponse, type ResponseSpec } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

const read = (name: string) => JSON.parse(readFileSync(new URL(`./reference/${name}`, import.meta.url), 'utf8'));
const pymc = read('pymc_values.json') as Record<string, number[]>;
const robyn = read('robyn_values.json') as Record<string, number[]>;
const hill: HillResponse = { kind: 'hill', halfSaturation: 0.6, shape: 1.6 };

describe('respond: parity with the peers’ formulas', () => {
  const s = pymc.s!;
  it.each([
    ['hill', hill, 'hill_K0.6_s1.6'],
    ['logistic (PyMC logistic_saturation)', { kind: 'logistic', lambda: 1.7 }, 'logistic_lam1.7'],
    ['inverse-scaled-logistic (PyMC)', { kind: 'inverse-scaled-logistic', lambda: 0.6 }, 'inv_scaled_logistic_lam0.6'],
    ['tanh (PyMC tanh_saturation)', { kind: 'tanh', b: 2, c: 0.5 }, 'tanh_b2_c0.5'],
    ['michaelis-menten (PyMC, Robyn mic_men)', { kind: 'michaelis-menten', alpha: 3, lambda: 0.8 }, 'michaelis_menten_a3_lam0.8'],
  ] as [string, ResponseSpec, string][])('%s', (_name, spec, key) => {
    const expected = pymc[key]!;
    const series = respond(s, spec);
    s.forEach((x, i) => {
      expectClose(respond(x, spec), expected[i]!, 1e-14);
      expectClose(series[i]!, expected[i]!, 1e-14);
    });
  });

  it("hill-robyn reproduces Robyn's own example saturation_hill(c(100, 150, 170, 190, 200), alpha = 3, gamma = 0.5), in both of Robyn's versions", () => {
    const x = [100, 150, 170, 190, 200];
    const current = respond(x, { kind: 'hill-robyn', alpha: 3, gamma: 0.5 });
    robyn['hill_example_3.12']!.forEach((v, i) => expectClose(current[i]!, v, 1e-14));
    const legacy = respond(x, { kind: 'hill-robyn', alpha: 3, gamma: 0.5, convention: 'robyn-legacy' });
    robyn.hill_example!.forEach((v, i) => expectClose(legacy[i]!, v, 1e-14));
  });

  it("hill-robyn places the inflexion at γ·max (Robyn ≥ 3.12), or at (1 − γ)·min + γ·max with 'robyn-legacy' (≤ 3.11)", () => {
    const out = respond([0, 0.5, 1, 2, 4], { kind: 'hill-robyn', alpha: 2, gamma: 0.3 });
    robyn['hill_a2_g0.3_3.12']!.forEach((v, i) => expectClose(out[i]!, v, 1e-14));
    const legacy = respond([0, 0.5, 1, 2, 4], { kind: 'hill-robyn', alpha: 2, gamma: 0.3, convention: 'robyn-legacy' });
    robyn['hill_a2_g0.3']!.forEach((v, i) => expectClose(legacy[i]!, v, 1e-14));
    // where the smallest input is not 0 the two differ
    const x = [1, 2, 3, 5, 8];
    const a = respond(x, { kind: 'hill-robyn', alpha: 1.5, gamma: 0.6 });
    const b = respond(x, { kind: 'hill-robyn', alpha: 1.5, gamma: 0.6, convention: 'robyn-legacy' });
    robyn['hill_a1.5_g0.6_3.12']!.forEach((v, i) => expectClose(a[i]!, v, 1e-14));
    robyn['hill_a1.5_g0.6_legacy']!.forEach((v, i) => expectClose(b[i]!, v, 1e-14));
    expect(a[0]).not.toBeCloseTo(b[0]!, 3);
    // a single value needs the range given explicitly
    expectClose(respond(1, { kind: 'hill-robyn', alpha: 2, gamma: 0.3, range: [0, 4] }), robyn['hill_a2_g0.3_3.12']![2]!, 1e-14);
  });

  it('hill-robyn refuses an unknown convention', () => {
    expect(() => respond(1, { kind: 'hill-robyn', alpha: 2, gamma: 0.3, range: [0, 4], convention: 'robyn-2019' } as never)).toThrow(/`response.convention` must be 'robyn' or 'robyn-legacy'/);
  });
});

describe('respond: closed forms and invariants', () => {
  it('hill is half its maximum at the half-saturation input', () => {
    expectClose(respond(0.6, hill), 0.5);
  });

  it('inverse-scaled-logistic is 0.5 at λ with the default ε = ln 3', () => {
    expectClose(respond(0.6, { kind: 'inverse-scaled-logistic', lambda: 0.6 }), 0.5, 1e-15);
  });

  it('root, exponential and linear follow their formulas', () => {
    expectClose(respond(4, { kind: 'root', alpha: 0.5 }), 2);
    expectClose(respond(0.8, { kind: 'exponential', k: 0.8 }), 1 - Math.exp(-1));
    expect(respond(3, { kind: 'linear' })).toBe(3);
    expect(respond(3, { kind: 'linear', slope: 0.5 })).toBe(1.5);
  });

  it.each([
    hill,
    { kind: 'hill-robyn', alpha: 1.5, gamma: 0.4, range: [0, 3] },
    { kind: 'logistic', lambda: 1 },
    { kind: 'inverse-scaled-logistic', lambda: 1 },
    { kind: 'tanh', b: 1, c: 1 },
    { kind: 'michaelis-menten', alpha: 1, lambda: 1 },
    { kind: 'root', alpha: 0.5 },
    { kind: 'exponential', k: 1 },
    { kind: 'linear' },
  ] as ResponseSpec[])('$kind: 0 at no input and never falls as the input rises', (spec) => {
    expect(respond(0, spec)).toBe(0);
    let previous = 0;
    for (let x = 0; x <= 20; x += 0.05) {
      const r = respond(x, spec);
      expect(r).toBeGreaterThanOrEqual(previous);
      previous = r;
    }
  });

  it('gives daily posting about 4.3× the response of 1.5 posts a week, and a second daily post 1.26× (C6, C7 in the small)', () => {
    expect(respond(1, hill) / respond(1.5 / 7, hill)).toBeCloseTo(4.296, 2);
    expect(respond(2, hill) / respond(1, hill)).toBeCloseTo(1.258, 2);
  });

  it('evaluates a series into a Float64Array without touching the input; an empty series gives an empty one', () => {
    const input = [0, 0.6, 1];
    const out = respond(input, hill);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out[1]).toBeCloseTo(0.5, 12);
    expect(input).toEqual([0, 0.6, 1]);
    expect(respond([], { kind: 'hill-robyn', alpha: 2, gamma: 0.5 }).length).toBe(0);
  });
});

describe('respond: errors name the field', () => {
  it.each([-1, NaN, Infinity])('rejects input %d', (x) => {
    expect(caught(() => respond(x, hill), ParameterError).field).toBe('x');
  });

  it('names the position of a bad value in a series', () => {
    expect(caught(() => respond([1, -2], hill), ParameterError).field).toBe('x[1]');
    expect(caught(() => respond(['1'] as never, hill), InputTypeError).field).toBe('x[0]');
  });

  it.each([
    [{ kind: 'nope' }, 'response.kind'],
    [{ ...hill, shape: -1 }, 'response.shape'],
    [{ kind: 'hill-robyn', alpha: 1, gamma: 1.5 }, 'response.gamma'],
    [{ kind: 'hill-robyn', alpha: 1, gamma: 0.5, range: [3, 1] }, 'response.range'],
    [{ kind: 'logistic', lambda: 0 }, 'response.lambda'],
    [{ kind: 'tanh', b: 1, c: -1 }, 'response.c'],
    [{ kind: 'linear', slope: -1 }, 'response.slope'],
    [{ kind: 'root', alpha: 1, beta: 2 }, 'response.beta'],
  ])('%j → %s', (spec, field) => {
    expect(caught(() => respond(1, spec as never), ParameterError).field).toBe(field);
  });

  it('a missing field is an InputTypeError naming it', () => {
    expect(caught(() => respond(1, { kind: 'tanh', b: 1 } as never), InputTypeError).field).toBe('response.c');
  });

  it('hill-robyn on a single number without a range says what is missing', () => {
    expect(caught(() => respond(1, { kind: 'hill-robyn', alpha: 2, gamma: 0.5 }), ParameterError).field).toBe('response.range');
  });
});

describe('respond: defaults and messages', () => {
  it('uses ε = ln 3 by default and the given ε otherwise', () => {
    expectClose(respond(1, { kind: 'inverse-scaled-logistic', lambda: 1 }), 0.5, 1e-15);
    expectClose(respond(1, { kind: 'inverse-scaled-logistic', lambda: 1, epsilon: 2 }), (1 - Math.exp(-2)) / (1 + Math.exp(-2)), 1e-15);
  });

  it('linear has slope 1 by default; hill-robyn and hill are 0 at 0 and below the inflexion below one half', () => {
    expect(respond(2.5, { kind: 'linear' })).toBe(2.5);
    expect(respond(0, { kind: 'hill-robyn', alpha: 2, gamma: 0.5, range: [0, 2] })).toBe(0);
    expect(respond(0.5, { kind: 'hill-robyn', alpha: 2, gamma: 0.5, range: [0, 2] })).toBeLessThan(0.5);
    expectClose(respond(1, { kind: 'hill-robyn', alpha: 2, gamma: 0.5, range: [0, 2] }), 0.5);
  });

  it('names what is allowed', () => {
    expect(() => respond(1, { kind: 'spline' } as never)).toThrow(
      "`response.kind` must be one of 'hill', 'hill-robyn', 'logistic', 'inverse-scaled-logistic', 'tanh', 'michaelis-menten', 'root', 'exponential', 'linear', got \"spline\"",
    );
    expect(() => respond(-1, { kind: 'linear' })).toThrow('`x` must be a finite number ≥ 0, got -1');
    expect(() => respond(1, { kind: 'hill-robyn', alpha: 1, gamma: 0.5, range: [1] } as never)).toThrow('`response.range` must be a pair [min, max]');
    expect(() => respond(1, { kind: 'hill-robyn', alpha: 1, gamma: 0.5, range: [-1, 2] })).toThrow('0 ≤ min ≤ max');
    expect(() => respond(1, { kind: 'hill-robyn', alpha: 1, gamma: 0.5 })).toThrow('`response.range` must be given as [min, max] of the input to evaluate one value at a time');
    expect(() => respond(3 as never, { kind: 'linear' }) && respond('3' as never, { kind: 'linear' })).toThrow(InputTypeError);
    expect(() => respond({ length: 'x' } as never, { kind: 'linear' })).toThrow('`x` must be a number or an array of numbers');
  });

  it('every kind keeps only its own fields, frozen', () => {
    for (const spec of [
      { kind: 'logistic', lambda: 1, extra: 1 },
      { kind: 'inverse-scaled-logistic', lambda: 1, extra: 1 },
      { kind: 'tanh', b: 1, c: 1, extra: 1 },
      { kind: 'michaelis-menten', alpha: 1, lambda: 1, extra: 1 },
      { kind: 'exponential', k: 1, extra: 1 },
      { kind: 'linear', extra: 1 },
      { kind: 'hill', halfSaturation: 1, shape: 1, extra: 1 },
      { kind: 'hill-robyn', alpha: 1, gamma: 0.5, extra: 1 },
    ]) {
      expect(() => respond(1, spec as never), spec.kind).toThrow('`response.extra`');
    }
  });
});
