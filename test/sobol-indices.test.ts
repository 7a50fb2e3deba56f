import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, sobolIndices } from 'relationship-equity';
import { caught } from './helpers.js';

const PI = Math.PI;
const ishigami = ({ x1, x2, x3 }: Record<'x1' | 'x2' | 'x3', number>) => Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
const ishigamiRanges = { x1: [-PI, PI], x2: [-PI, PI], x3: [-PI, PI] } as const;
// Analytic indices of the Ishigami function with a = 7, b = 0.1 (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §1.2.3).
const V = 7 ** 2 / 8 + (0.1 * PI ** 4) / 5 + (0.1 ** 2 * PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (0.1 * PI ** 4) / 5) ** 2;
const V2 = 7 ** 2 / 8;
const V13 = ((0.1 ** 2 * PI ** 8) / 18 - (0.1 ** 2 * PI ** 8) / 50) ;
const ISHIGAMI = { x1: { first: V1 / V, total: (V1 + V13) / V }, x2: { first: V2 / V, total: V2 / V }, x3: { first: 0, total: V13 / V } };

describe('sobolIndices', () => {
  const result = sobolIndices(ishigami, ishigamiRanges, { samples: 8192, seed: 'ishigami' });

  it('finds the Ishigami indices (first 0.314, 0.442, 0; total 0.558, 0.442, 0.244) within 0.02 at 8,192 base samples, each inside its 95% interval', () => {
    for (const name of ['x1', 'x2', 'x3'] as const) {
      const got = result.indices[name]!;
      const truth = ISHIGAMI[name];
      expect(Math.abs(got.first - truth.first), `${name} first`).toBeLessThan(0.02);
      expect(Math.abs(got.total - truth.total), `${name} total`).toBeLessThan(0.02);
      expect(got.firstInterval![0]).toBeLessThanOrEqual(truth.first);
      expect(got.firstInterval![1]).toBeGreaterThanOrEqual(truth.first);
      expect(got.totalInterval![0]).toBeLessThanOrEqual(truth.total);
      expect(got.totalInterval![1]).toBeGreaterThanOrEqual(truth.total);
    }
    expect(result.evaluations).toBe(8192 * 5);
    expect(result.variance).toBeCloseTo(V, 0);
  });

  it("covers the Sobol G-function's analytic indices with its intervals on most of several seeds", () => {
    const a = [0, 1, 4.5, 9, 99];
    const parts = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const total = parts.reduce((p, v) => p * (1 + v), 1) - 1;
    const ranges = Object.fromEntries(a.map((_, i) => [`x${i}`, [0, 1]])) as Record<string, [number, number]>;
    const g = (x: Record<string, number>) => a.reduce((p, ai, i) => p * ((Math.abs(4 * x[`x${i}`]! - 2) + ai) / (1 + ai)), 1);
    let covered = 0;
    let checked = 0;
    for (const seed of ['g1', 'g2', 'g3', 'g4', 'g5']) {
      const r = sobolIndices(g, ranges, { samples: 1024, seed, bootstrap: 100 });
      a.forEach((_, i) => {
        const truth = parts[i]! / total;
        const [lo, hi] = r.indices[`x${i}`]!.firstInterval!;
        checked++;
        if (lo <= truth && truth <= hi) covered++;
        expect(Math.abs(r.indices[`x${i}`]!.first - truth)).toBeLessThan(0.08);
      });
    }
    expect(covered / checked).toBeGreaterThanOrEqual(0.8);
  });

  it('is bit-identical for one seed, and different for another', () => {
    const again = sobolIndices(ishigami, ishigamiRanges, { samples: 8192, seed: 'ishigami' });
    expect(again).toEqual(result);
    expect(sobolIndices(ishigami, ishigamiRanges, { samples: 8192, seed: 'other' }).indices.x1!.first).not.toBe(result.indices.x1!.first);
  });

  it('reads distributions: a linear model weighs each input by its variance', () => {
    const r = sobolIndices(({ a, b, c }) => a + b + c, { a: { kind: 'normal', mean: 0, sd: 1 }, b: { kind: 'uniform', min: 0, max: Math.sqrt(12) * 2 }, c: { kind: 'triangular', min: 0, mode: 0, max: 1 } }, { samples: 2048, seed: 1, bootstrap: 0 });
    const variances = { a: 1, b: 4, c: 1 / 18 };
    const sum = variances.a + variances.b + variances.c;
    for (const name of ['a', 'b', 'c'] as const) {
      expect(r.indices[name]!.first).toBeCloseTo(variances[name] / sum, 1);
      expect(r.indices[name]!.firstInterval).toBeNull();
    }
  });

  it('analyses each output of a model that answers a record', () => {
    const r = sobolIndices(({ a, b }) => ({ onlyA: a, sum: a + b }), { a: [0, 1], b: [0, 1] }, { samples: 1024, seed: 2, bootstrap: 0 });
    expect(r.outputs!.onlyA!.a!.total).toBeCloseTo(1, 2);
    expect(r.outputs!.onlyA!.b!.total).toBeCloseTo(0, 6);
    expect(r.outputs!.sum!.a!.first).toBeCloseTo(0.5, 1);
    expect(r.indices).toBe(r.outputs!.onlyA);
  });

  it('refuses bad ranges, options and answers, naming them', () => {
    expect(caught(() => sobolIndices(({ a }) => a, { a: [1, 0] }, { seed: 1 }), ParameterError).field).toBe('ranges.a');
    expect(caught(() => sobolIndices(({ a }) => a, { a: { kind: 'beta' } as never }, { seed: 1 }), ParameterError).field).toBe('ranges.a.kind');
    expect(caught(() => sobolIndices(({ a }) => a, { a: { kind: 'normal', mean: 0, sd: 0 } }, { seed: 1 }), ParameterError).field).toBe('ranges.a.sd');
    expect(caught(() => sobolIndices(() => Number.NaN, { a: [0, 1] }, { seed: 1, samples: 4 }), ParameterError).field).toBe('model');
    expect(caught(() => sobolIndices(({ a }) => a, { a: [0, 1] }, { seed: 1, samples: 1 }), ParameterError).field).toBe('options.samples');
    expect(caught(() => sobolIndices(({ a }) => a, { a: [0, 1] }, { seed: 1, level: 1 }), ParameterError).field).toBe('options.level');
    expect(caught(() => sobolIndices(() => 1, {}, { seed: 1 }), ParameterError).field).toBe('ranges');
    expect(caught(() => sobolIndices(({ a }) => a, { a: [0, 1] }, { seed: 1, samples: 1e9 }), ParameterError).field).toBe('options.samples');
    caught(() => sobolIndices('f' as never, { a: [0, 1] }, { seed: 1 }), InputTypeError);
    caught(() => sobolIndices(({ a }) => a, { a: [0, 1] }, {} as never), InputTypeError);
  });
});

describe('sobolIndices on models with a closed form', () => {
  it("gives a linear model's indices in closed form: a_i² var(x_i) / Σ a_j² var(x_j), first equal to total", () => {
    const a = [1, -2, 3, 0.5];
    const widths = [1, 2, 0.5, 4];
    const ranges = Object.fromEntries(widths.map((w, i) => [`x${i}`, [10, 10 + w]])) as Record<string, [number, number]>;
    const model = (x: Record<string, number>) => a.reduce((sum, ai, i) => sum + ai * x[`x${i}`]!, 0);
    const parts = a.map((ai, i) => (ai * ai * widths[i]! ** 2) / 12);
    const total = parts.reduce((p, v) => p + v, 0);
    const r = sobolIndices(model, ranges, { samples: 2048, seed: 'linear', bootstrap: 0 });
    a.forEach((_, i) => {
      expect(r.indices[`x${i}`]!.first).toBeCloseTo(parts[i]! / total, 2);
      expect(r.indices[`x${i}`]!.total).toBeCloseTo(parts[i]! / total, 2);
      expect(r.indices[`x${i}`]!.firstInterval).toBeNull();
    });
    expect(r.variance).toBeCloseTo(total, 1);
  });

  it('gives an input the model ignores indices of zero, and a product of two inputs total indices above their first', () => {
    const r = sobolIndices(({ x, y, z }) => x * y + 0 * z, { x: [-1, 1], y: [-1, 1], z: [0, 1] }, { samples: 1024, seed: 'product' });
    expect(r.indices.z!.first).toBe(0);
    expect(r.indices.z!.total).toBe(0);
    // x·y with zero means: all of the variance is the interaction.
    expect(Math.abs(r.indices.x!.first)).toBeLessThan(0.05);
    expect(r.indices.x!.total).toBeGreaterThan(0.9);
  });
});

describe('sobolIndices, its estimators and options', () => {
  it('computes the Saltelli 2010 first-order and Jansen total estimators and the variance of f(A) and f(B) exactly, whatever the offset', () => {
    const calls: number[] = [];
    const model = ({ a, b }: Record<string, number>) => {
      const y = 1000 + 3 * a! + a! * b! * 2 + Math.sin(5 * b!);
      calls.push(y);
      return y;
    };
    const n = 64;
    const r = sobolIndices(model, { a: [0, 1], b: [0, 1] }, { samples: n, seed: 'exact', bootstrap: 0 });
    // Calls per row: A, B, A with column a from B, A with column b from B.
    const fA = [], fB = [], fAa = [], fAb = [];
    for (let row = 0; row < n; row++) {
      fA.push(calls[4 * row]!);
      fB.push(calls[4 * row + 1]!);
      fAa.push(calls[4 * row + 2]!);
      fAb.push(calls[4 * row + 3]!);
    }
    const all = [...fA, ...fB, ...fAa, ...fAb];
    const centre = all.reduce((p, v) => p + v, 0) / all.length;
    const c = (xs: number[]) => xs.map((x) => x - centre);
    const [A, B, Aa, Ab] = [c(fA), c(fB), c(fAa), c(fAb)];
    const mean = [...A, ...B].reduce((p, v) => p + v, 0) / (2 * n);
    const variance = [...A, ...B].reduce((p, v) => p + (v - mean) ** 2, 0) / (2 * n - 1);
    const first = (AB: number[]) => AB.reduce((p, v, j) => p + B[j]! * (v - A[j]!), 0) / n / variance;
    const total = (AB: number[]) => AB.reduce((p, v, j) => p + (A[j]! - v) ** 2, 0) / (2 * n) / variance;
    expect(r.variance).toBeCloseTo(variance, 9);
    expect(r.indices.a!.first).toBeCloseTo(first(Aa), 9);
    expect(r.indices.b!.first).toBeCloseTo(first(Ab), 9);
    expect(r.indices.a!.total).toBeCloseTo(total(Aa), 9);
    expect(r.indices.b!.total).toBeCloseTo(total(Ab), 9);
    expect(r.level).toBe(0.95);
  });

  it('gives a constant model indices of zero, not NaN, and narrower intervals at a lower level', () => {
    const flat = sobolIndices(() => 7, { a: [0, 1] }, { samples: 16, seed: 1 });
    expect(flat.indices.a).toMatchObject({ first: 0, total: 0 });
    expect(flat.variance).toBe(0);
    const f = ({ a, b }: Record<string, number>) => a! + b! * b!;
    const wide = sobolIndices(f, { a: [0, 1], b: [0, 1] }, { samples: 512, seed: 'w', bootstrap: 400 }).indices.a!.totalInterval!;
    const narrow = sobolIndices(f, { a: [0, 1], b: [0, 1] }, { samples: 512, seed: 'w', bootstrap: 400, level: 0.5 }).indices.a!.totalInterval!;
    const ratio = (narrow[1] - narrow[0]) / (wide[1] - wide[0]);
    // For a near-normal bootstrap the 50% interval is 0.674 / 1.96 ≈ 0.34 of the 95% one.
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.5);
    expect(wide[0]).toBeLessThan(wide[1]);
  });

  it('analyses a one-output record as a record, and refuses a model whose outputs change or are not finite', () => {
    const one = sobolIndices(({ a }) => ({ y: a }), { a: [0, 1] }, { samples: 8, seed: 1, bootstrap: 0 });
    expect(Object.keys(one.outputs!)).toEqual(['y']);
    let calls = 0;
    const growing = (): Record<string, number> => (++calls === 1 ? { y: 1 } : { y: 1, z: 2 });
    expect(caught(() => sobolIndices(growing, { a: [0, 1] }, { samples: 8, seed: 1 }), ParameterError).field).toBe('model');
    expect(caught(() => sobolIndices(() => ({ y: 1, z: NaN }), { a: [0, 1] }, { samples: 8, seed: 1 }), ParameterError).field).toBe('model.z');
    expect(caught(() => sobolIndices(() => ({}), { a: [0, 1] }, { samples: 8, seed: 1 }), ParameterError).field).toBe('model');
  });

  it('takes up to 32 inputs, and names each bad option', () => {
    const many = (k: number) => Object.fromEntries(Array.from({ length: k }, (_, i) => [`x${i}`, [0, 1]])) as Record<string, [number, number]>;
    expect(sobolIndices((x) => x.x0!, many(32), { samples: 2, seed: 1, bootstrap: 0 }).evaluations).toBe(2 * 34);
    expect(caught(() => sobolIndices((x) => x.x0!, many(33), { samples: 2, seed: 1 }), ParameterError).field).toBe('ranges');
    const f = ({ a }: Record<string, number>) => a!;
    expect(caught(() => sobolIndices(f, { a: [0, 1] }, 3 as never), InputTypeError).field).toBe('options');
    expect(caught(() => sobolIndices(f, { a: [0, 1] }, { seed: 1, runs: 3 } as never), ParameterError).field).toBe('options.runs');
    expect(caught(() => sobolIndices(f, { a: [0, 1] }, { seed: null } as never), InputTypeError).field).toBe('options.seed');
    expect(caught(() => sobolIndices(f, { a: [0, 1] }, { seed: 1, bootstrap: 1.5 }), ParameterError).field).toBe('options.bootstrap');
    for (const level of [0, 1, 'x']) expect(caught(() => sobolIndices(f, { a: [0, 1] }, { seed: 1, level } as never), ParameterError).field).toBe('options.level');
    expect(caught(() => sobolIndices(f, { a: [0, 1] }, { seed: 1, samples: 1e9 }), ParameterError).field).toBe('options.samples');
  });
});
