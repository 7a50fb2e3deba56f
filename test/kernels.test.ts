/**
 * Lag kernels against independent references:
 * - Meridian's own adstock test (meridian/model/adstock_hill_test.py, `test_output`);
 * - PyMC-Marketing's and Meridian's formulas restated with numpy/scipy in
 *   test/reference/pymc_formulas.py (values in pymc_values.json);
 * - Robyn's conventions computed in R in test/reference/robyn_formulas.R
 *   (values in robyn_values.json);
 * - closed forms.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ParameterError,
  InputTypeError,
  applyKernel,
  kernelWeights,
  schedule,
  simulate,
  type KernelSpec,
} from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

const read = (name: string) => JSON.parse(readFileSync(new URL(`./reference/${name}`, import.meta.url), 'utf8'));
const pymc = read('pymc_values.json') as Record<string, number[]>;
const robyn = read('robyn_values.json') as Record<string, number[] | number>;

function expectSeries(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, tolerance);
}

describe('Meridian parity (adstock_hill_test.py, test_output)', () => {
  const media = [
    [0.12, 0.55, 0.89],
    [0.34, 0.71, 0.23],
    [0.91, 0.08, 0.67],
    [0.45, 0.82, 0.11],
    [0.78, 0.29, 0.95],
  ];
  const alphas = [0.1, 0.5, 0.9];
  const lastRow = (kind: 'geometric' | 'binomial') =>
    alphas.map((alpha, c) => {
      const column = media.map((row) => row[c]!);
      const spec: KernelSpec = kind === 'binomial' ? { kind, alpha, maxLag: 4, normalize: true, convention: 'meridian' } : { kind, alpha, maxLag: 4, normalize: true };
      const out = applyKernel(column, spec);
      return out[out.length - 1]!;
    });

  // Meridian publishes three decimals and checks them with rtol 1e-2; we check
  // them to half a unit of the third decimal.
  it('geometric decay gives [0.751, 0.435, 0.572]', () => {
    lastRow('geometric').forEach((v, i) => expect(Math.abs(v - [0.751, 0.435, 0.572][i]!)).toBeLessThanOrEqual(5e-4));
  });

  it('binomial decay gives [0.742, 0.463, 0.567]', () => {
    lastRow('binomial').forEach((v, i) => expect(Math.abs(v - [0.742, 0.463, 0.567][i]!)).toBeLessThanOrEqual(5e-4));
  });

  it('constant input: normalised geometric adstock is (1 − αⁿ)/(1 − α^(L+1)) with n terms so far (Meridian closed form)', () => {
    const out = applyKernel(new Array(8).fill(1), { kind: 'geometric', alpha: 0.7, maxLag: 4, normalize: true });
    for (let t = 0; t < 8; t++) {
      const n = Math.min(t + 1, 5);
      expectClose(out[t]!, (1 - 0.7 ** n) / (1 - 0.7 ** 5));
    }
  });
});

describe('PyMC-Marketing parity (formulas in transformers.py, computed with scipy)', () => {
  const x = pymc.x!;
  it('geometric_adstock, raw and normalised', () => {
    expectSeries(applyKernel(x, { kind: 'geometric', alpha: 0.6, maxLag: 4 }), pymc['geometric_a0.6_L4']!);
    expectSeries(applyKernel(x, { kind: 'geometric', alpha: 0.6, maxLag: 4, normalize: true }), pymc['geometric_a0.6_L4_norm']!);
  });

  it('delayed_adstock, raw and normalised', () => {
    expectSeries(applyKernel(x, { kind: 'delayed', alpha: 0.7, theta: 2.5, maxLag: 7 }), pymc['delayed_a0.7_t2.5_L7']!);
    expectSeries(
      applyKernel(x, { kind: 'delayed', alpha: 0.7, theta: 2.5, maxLag: 7, normalize: true }),
      pymc['delayed_a0.7_t2.5_L7_norm']!,
    );
  });

  it('weibull_adstock PDF: density at t = 1..L+1, min–max rescaled', () => {
    expectSeries(kernelWeights({ kind: 'weibull-pdf', shape: 1.8, scale: 4, maxLag: 9 }), pymc['weibull_pdf_k1.8_lam4_L9_weights']!);
  });

  it('weibull_adstock CDF: cumulative product of survival terms', () => {
    const spec: KernelSpec = { kind: 'weibull-cdf', shape: 0.9, scale: 3, maxLag: 9 };
    expectSeries(kernelWeights(spec), pymc['weibull_cdf_k0.9_lam3_L9_weights']!);
    expectSeries(applyKernel(x, spec), pymc['weibull_cdf_k0.9_lam3_L9']!);
  });

  it("binomial decay weights, Meridian's convention: window L + 1", () => {
    expectSeries(kernelWeights({ kind: 'binomial', alpha: 0.3, maxLag: 5, normalize: true, convention: 'meridian' }), pymc['binomial_a0.3_L5_norm_weights']!);
  });

  it("binomial_adstock matches PyMC-Marketing's own test cases (l_max weights, denominator l_max + 1), the default convention", () => {
    const cases = (pymc as unknown as Record<string, { x: number[]; alpha: number; l_max: number; y: number[] }[]>).binomial_pymc_test_cases!;
    expect(cases.length).toBe(6);
    let differsUnderMeridian = 0;
    for (const { x, alpha, l_max, y } of cases) {
      const spec = { kind: 'binomial', alpha, maxLag: l_max - 1 } as const;
      expectSeries(applyKernel(x, spec), y, 1e-12);
      expect(kernelWeights(spec).length).toBe(l_max);
      const meridian = applyKernel(x, { ...spec, convention: 'meridian' });
      meridian.forEach((v, i) => (differsUnderMeridian += Math.abs(v - y[i]!) > 1e-9 ? 1 : 0));
    }
    // Meridian's window (denominator L + 1) gives other values for 8 of these 18: the first of each case is x₀
    // under both, the all-zero case is zero under both, and where x₀ = 0 the second value is x₁ under both.
    expect(differsUnderMeridian).toBe(8);
  });

  it("Meridian's binomial window shrinks to a series shorter than it, normalised over what is left", () => {
    const x = [0.4, 1.1, 0.2];
    const out = applyKernel(x, { kind: 'binomial', alpha: 0.5, maxLag: 9, normalize: true, convention: 'meridian' });
    // window 3: weights (1 − l/3)^1 = [1, 2/3, 1/3] / 2
    const w = [0.5, 1 / 3, 1 / 6];
    expectSeries(out, [w[0]! * 0.4, w[0]! * 1.1 + w[1]! * 0.4, w[0]! * 0.2 + w[1]! * 1.1 + w[2]! * 0.4]);
    // PyMC's convention, or a series as long as the window, keeps the whole window
    const whole = kernelWeights({ kind: 'binomial', alpha: 0.5, maxLag: 9 }).reduce((s, v) => s + v, 0);
    expectClose(applyKernel(x, { kind: 'binomial', alpha: 0.5, maxLag: 9, normalize: true })[0]!, 0.4 / whole);
    expectClose(applyKernel(new Array(10).fill(1), { kind: 'binomial', alpha: 0.5, maxLag: 9, normalize: true, convention: 'meridian' })[9]!, 1);
  });

  it('a normalised windowed geometric kernel near α = 1 sums to 1 within 1e-12 and never gives a negative value', () => {
    for (const alpha of [1 - 1e-6, 1 - 1e-9, 1 - 1e-12]) {
      const spec = { kind: 'geometric', alpha, maxLag: 30, normalize: true } as const;
      const ones = applyKernel(new Array(80).fill(1), spec);
      for (let t = 30; t < 80; t++) expect(Math.abs(ones[t]! - 1)).toBeLessThan(1e-12);
      // a pulse, then nothing: once it leaves the window what is left is rounding, never below 0
      const pulse = applyKernel([1e6, ...new Array(100).fill(0)], spec);
      expect(pulse.every((v) => v >= 0)).toBe(true);
      expect(pulse[60]).toBeLessThan(1e6 * 1e-15);
    }
  });

  it('Erlang and gamma weights are the gamma probability of each step (scipy.stats.gamma)', () => {
    expectSeries(kernelWeights({ kind: 'erlang', mean: 6, stages: 3, maxLag: 14 }), pymc['erlang_n3_mean6_L14_weights']!, 1e-14);
    expectSeries(kernelWeights({ kind: 'gamma', mean: 8, shape: 2.5, maxLag: 20 }), pymc['gamma_k2.5_mean8_L20_weights']!, 1e-14);
    expectSeries(kernelWeights({ kind: 'gamma', mean: 3, shape: 0.7, maxLag: 10 }), pymc['gamma_k0.7_mean3_L10_weights']!, 1e-14);
  });
});

describe("Robyn parity (R's quantile type 7, round half to even, pweibull, dweibull)", () => {
  it('adstock_weibull CDF with scale as a fraction of the window', () => {
    expectSeries(
      kernelWeights({ kind: 'weibull-cdf', shape: 1.5, scale: 0.3, maxLag: 20, convention: 'robyn' }),
      robyn['cdf_k1.5_s0.3_w21'] as number[],
      1e-14,
    );
    expectSeries(
      kernelWeights({ kind: 'weibull-cdf', shape: 0.5, scale: 0.5, maxLag: 4, convention: 'robyn' }),
      robyn['cdf_k0.5_s0.5_w5'] as number[],
      1e-14,
    );
  });

  it('adstock_weibull PDF, min–max normalised', () => {
    expectSeries(
      kernelWeights({ kind: 'weibull-pdf', shape: 2, scale: 0.25, maxLag: 20, convention: 'robyn' }),
      robyn['pdf_k2_s0.25_w21'] as number[],
      1e-14,
    );
    expectSeries(
      kernelWeights({ kind: 'weibull-pdf', shape: 0.5, scale: 0.5, maxLag: 4, convention: 'robyn' }),
      robyn['pdf_k0.5_s0.5_w5'] as number[],
      1e-14,
    );
  });

  it('rounds the scale lag half to even, as R does (3.5 → 4, 4.5 → 4)', () => {
    // With shape 1 the CDF weights are e^{−l/λ} products, so λ can be read back from w[1] = e^{−1/λ}.
    const lambdaOf = (maxLag: number) => -1 / Math.log(kernelWeights({ kind: 'weibull-cdf', shape: 1, scale: 0.5, maxLag, convention: 'robyn' })[1]!);
    expectClose(lambdaOf(5), robyn['scaleTrans_w6_s0.5'] as number, 1e-12);
    expectClose(lambdaOf(7), robyn['scaleTrans_w8_s0.5'] as number, 1e-12);
  });
});

describe('closed forms', () => {
  const kernels: KernelSpec[] = [
    { kind: 'geometric', alpha: 0.8 },
    { kind: 'geometric', alpha: 0.8, maxLag: 10 },
    { kind: 'geometric', halfLife: '2 weeks', normalize: true },
    { kind: 'delayed', alpha: 0.5, theta: 2, maxLag: 6 },
    { kind: 'weibull-pdf', shape: 2, scale: 3, maxLag: 8 },
    { kind: 'weibull-cdf', shape: 1.2, scale: 0.4, maxLag: 8, convention: 'robyn' },
    { kind: 'binomial', alpha: 0.6, maxLag: 6 },
    { kind: 'erlang', mean: 20, stages: 3 },
    { kind: 'erlang', mean: 20, stages: 3, maxLag: 60 },
    { kind: 'gamma', mean: 12, shape: 1.5, maxLag: 60 },
  ];

  it.each(kernels.map((k) => [k.kind, k] as const))('%s: normalised weights sum to 1', (_kind, spec) => {
    const w = kernelWeights({ ...spec, normalize: true } as KernelSpec);
    expectClose(w.reduce((a, b) => a + b, 0), 1, 1e-12);
  });

  it.each(kernels.map((k) => [k.kind, k] as const))('%s: mass in equals mass out as the weights say', (_kind, spec) => {
    // A unit pulse followed by enough zeros: the output sums to the sum of the weights.
    const w = kernelWeights(spec);
    const x = new Float64Array(w.length + 5);
    x[0] = 1;
    const y = applyKernel(x, spec);
    expectClose(y.reduce((a, b) => a + b, 0), w.reduce((a, b) => a + b, 0), 1e-12);
    for (let l = 0; l < w.length; l++) expectClose(y[l]!, w[l]!, 1e-12);
  });

  it('all-ones input: the output is the running sum of the weights', () => {
    const spec: KernelSpec = { kind: 'delayed', alpha: 0.4, theta: 1, maxLag: 5 };
    const w = kernelWeights(spec);
    const y = applyKernel(new Array(10).fill(1), spec);
    let running = 0;
    for (let t = 0; t < 10; t++) {
      running += w[t] ?? 0;
      expectClose(y[t]!, running);
    }
  });

  it('α = 0 and maxLag = 0 return the input', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    for (const spec of [
      { kind: 'geometric', alpha: 0 },
      { kind: 'geometric', alpha: 0.9, maxLag: 0 },
      { kind: 'binomial', alpha: 0, maxLag: 5 },
      { kind: 'delayed', alpha: 0.5, theta: 0, maxLag: 0 },
      { kind: 'weibull-cdf', shape: 1, scale: 2, maxLag: 0 },
    ] as KernelSpec[]) {
      expect(Array.from(applyKernel(x, spec)), spec.kind).toEqual(x);
    }
  });

  it('geometric without maxLag is the recursion y_t = x_t + α·y_{t−1} (Robyn adstock_geometric)', () => {
    expect(Array.from(applyKernel([1, 2, 3], { kind: 'geometric', alpha: 0.5 }))).toEqual([1, 2.5, 4.25]);
  });

  it('a half-life of h steps gives α = 0.5^(1/h)', () => {
    expectClose(kernelWeights({ kind: 'geometric', halfLife: '1 week', maxLag: 7 })[7]!, 0.5, 1e-14);
    expectClose(kernelWeights({ kind: 'geometric', halfLife: '1 week', maxLag: 1 }, { step: '1 week' })[1]!, 0.5, 1e-14);
  });

  it('gamma with a whole shape equals Erlang with as many stages', () => {
    expectSeries(
      kernelWeights({ kind: 'gamma', mean: 30, shape: 4, maxLag: 100 }),
      kernelWeights({ kind: 'erlang', mean: 30, stages: 4, maxLag: 100 }),
      1e-15,
    );
  });

  it('an infinite kernel is listed until the weight left is below 1e-15', () => {
    const w = kernelWeights({ kind: 'erlang', mean: '12 months', stages: 4 });
    expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThan(1 - 1e-14);
    const g = kernelWeights({ kind: 'geometric', alpha: 0.5 });
    expect(g[g.length - 1]).toBeLessThan(1e-15);
  });
});

describe('errors name the field', () => {
  it.each([
    [{ kind: 'geometric', alpha: 1.2 }, 'kernel.alpha'],
    [{ kind: 'geometric', alpha: -0.1 }, 'kernel.alpha'],
    [{ kind: 'geometric', alpha: NaN }, 'kernel.alpha'],
    [{ kind: 'geometric' }, 'kernel'],
    [{ kind: 'geometric', alpha: 0.5, halfLife: 3 }, 'kernel'],
    [{ kind: 'geometric', alpha: 0.5, maxLag: -1 }, 'kernel.maxLag'],
    [{ kind: 'geometric', alpha: 0.5, maxLag: 2.5 }, 'kernel.maxLag'],
    [{ kind: 'geometric', alpha: 1, normalize: true }, 'kernel.alpha'],
    [{ kind: 'delayed', alpha: 0.5, theta: -1, maxLag: 4 }, 'kernel.theta'],
    [{ kind: 'delayed', alpha: 0.5, theta: 1 }, 'kernel.maxLag'],
    [{ kind: 'weibull-pdf', shape: 0, scale: 1, maxLag: 3 }, 'kernel.shape'],
    [{ kind: 'weibull-cdf', shape: 1, scale: -2, maxLag: 3 }, 'kernel.scale'],
    [{ kind: 'weibull-cdf', shape: 1, scale: 2, maxLag: 3, convention: 'robyn' }, 'kernel.scale'],
    [{ kind: 'weibull-cdf', shape: 1, scale: 2, maxLag: 3, convention: 'meridian' }, 'kernel.convention'],
    [{ kind: 'binomial', alpha: 2, maxLag: 3 }, 'kernel.alpha'],
    [{ kind: 'erlang', mean: 0, stages: 2 }, 'kernel.mean'],
    [{ kind: 'erlang', mean: 10, stages: 0 }, 'kernel.stages'],
    [{ kind: 'erlang', mean: 10, stages: 65 }, 'kernel.stages'],
    [{ kind: 'geometric', halfLife: 0 }, 'kernel.halfLife'],
    [{ kind: 'geometric', halfLife: '-2 days' }, 'kernel.halfLife'],
    [{ kind: 'gamma', mean: 1e6, shape: 100, maxLag: 3, normalize: true }, 'kernel.normalize'], // every weight underflows to 0
    [{ kind: 'gamma', mean: 1e300, shape: 50, maxLag: 3 }, 'kernel.mean'], // a lag beyond a million days
    [{ kind: 'gamma', mean: 10, shape: 0, maxLag: 5 }, 'kernel.shape'],
    [{ kind: 'adstock' }, 'kernel.kind'],
    [{ kind: 'geometric', alpha: 0.5, decay: 1 }, 'kernel.decay'],
  ])('%j → %s', (spec, field) => {
    expect(caught(() => kernelWeights(spec as never), ParameterError).field).toBe(field);
  });

  it('lists the kinds it knows when given another, and refuses a step of zero', () => {
    expect(caught(() => kernelWeights({ kind: 'adstock' } as never), ParameterError).message).toBe(
      "`kernel.kind` must be one of 'geometric', 'delayed', 'weibull-pdf', 'weibull-cdf', 'binomial', 'erlang', 'gamma', got \"adstock\"",
    );
    expect(caught(() => kernelWeights({ kind: 'geometric', alpha: 0.5 }, { step: 0 }), ParameterError).message).toBe('`options.step` must be a duration > 0, got 0');
  });

  it('rejects bad inputs, a foreign carry and an impossible method', () => {
    const geo: KernelSpec = { kind: 'geometric', alpha: 0.5 };
    expect(caught(() => applyKernel([1, NaN], geo), ParameterError).field).toBe('series[1]');
    expect(caught(() => applyKernel([1, '2'] as never, geo), InputTypeError).field).toBe('series[1]');
    caught(() => applyKernel(5 as never, geo), InputTypeError);
    expect(caught(() => applyKernel([1], geo, { carry: { kind: 'erlang', values: [0] } }), ParameterError).field).toBe(
      'options.carry.kind',
    );
    expect(caught(() => applyKernel([1], geo, { carry: { kind: 'geometric', values: [0, 1] } }), ParameterError).field).toBe(
      'options.carry.values',
    );
    expect(
      caught(() => applyKernel([1], { kind: 'binomial', alpha: 0.5, maxLag: 3 }, { method: 'recursion' }), ParameterError).field,
    ).toBe('options.method');
  });
});

describe('kernels inside the model (parameters.lag)', () => {
  it.each([
    ['the default Erlang lag', undefined],
    ['a windowed gamma lag (convolution)', { kind: 'gamma', mean: '10 months', shape: 2.5, maxLag: 700, normalize: true }],
    ['a normalised geometric lag', { kind: 'geometric', halfLife: '4 months', normalize: true }],
  ] as [string, KernelSpec | undefined][])(
    '%s: interest is applyKernel of the step-average reach, read one step later (no events: reach has no jumps)',
    (_name, lag) => {
      const run = simulate({ horizon: 900, activity: schedule.weekly(1.5).pause({ from: 300, for: 200 }), ...(lag ? { parameters: { lag } } : {}) });
      const n = run.days.length;
      const averageReach = new Float64Array(n - 1);
      for (let i = 0; i < n - 1; i++) averageReach[i] = 0.5 * (run.reach[i]! + run.reach[i + 1]!);
      const lagged = applyKernel(averageReach, lag ?? (run.parameters.lag as KernelSpec));
      for (let i = 1; i < n; i++) expectClose(run.interest[i]!, lagged[i - 1]!, 1e-12);
    },
  );

  it('a run with a windowed lag, split in two, equals the whole run', () => {
    const parameters = { lag: { kind: 'weibull-pdf', shape: 2, scale: 200, maxLag: 500 } as KernelSpec };
    const activity = schedule.reference().pause({ from: 300, for: 200 });
    const whole = simulate({ horizon: 1000, activity, parameters });
    const first = simulate({ horizon: 600, activity, parameters });
    expect(first.final.lagState.length).toBe(501);
    const second = simulate({ horizon: 400, activity, parameters, initial: first.final });
    for (let i = 0; i <= 400; i++) expectClose(second.interest[i]!, whole.interest[600 + i]!, 1e-12);
  });
});
