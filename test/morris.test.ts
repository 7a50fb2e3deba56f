import { describe, expect, it } from 'vitest';
import { InputTypeError, morrisEffects, ParameterError } from 'relationship-equity';
import { caught } from './helpers.js';

const G_A = [0, 1, 4.5, 9, 99, 99];
const gRanges = Object.fromEntries(G_A.map((_, i) => [`x${i}`, [0, 1]])) as Record<string, [number, number]>;
const g = (x: Record<string, number>) => G_A.reduce((p, ai, i) => p * ((Math.abs(4 * x[`x${i}`]! - 2) + ai) / (1 + ai)), 1);

describe('morrisEffects', () => {
  it("gives a linear model's coefficients times each range as μ, |coefficient| × range as μ*, and no spread", () => {
    const { effects, evaluations } = morrisEffects(({ a, b, c }) => 3 * a - 2 * b + 0 * c, { a: [0, 1], b: [5, 15], c: [0, 1] }, { seed: 1 });
    expect(effects.a!.mean).toBeCloseTo(3, 12);
    expect(effects.b!.mean).toBeCloseTo(-20, 12);
    expect(effects.b!.meanAbsolute).toBeCloseTo(20, 12);
    expect(effects.c!.meanAbsolute).toBe(0);
    for (const name of ['a', 'b', 'c']) expect(effects[name]!.standardDeviation).toBeLessThan(1e-9);
    expect(evaluations).toBe(20 * 4);
  });

  it("ranks the Sobol G-function's inputs by their importance (μ* falls as a grows), on each of several seeds", () => {
    for (const seed of ['g1', 'g2', 'g3']) {
      const { effects } = morrisEffects(g, gRanges, { seed, trajectories: 60 });
      const star = G_A.map((_, i) => effects[`x${i}`]!.meanAbsolute);
      expect(star[0]).toBeGreaterThan(star[1]!);
      expect(star[1]).toBeGreaterThan(star[2]!);
      expect(star[2]).toBeGreaterThan(star[3]!);
      expect(star[3]).toBeGreaterThan(Math.max(star[4]!, star[5]!));
    }
  });

  it('sees an input that acts only with another (Ishigami x3): μ* and σ well above zero', () => {
    const ishigami = ({ x1, x2, x3 }: Record<string, number>) => Math.sin(x1!) + 7 * Math.sin(x2!) ** 2 + 0.1 * x3! ** 4 * Math.sin(x1!);
    const { effects } = morrisEffects(ishigami, { x1: [-Math.PI, Math.PI], x2: [-Math.PI, Math.PI], x3: [-Math.PI, Math.PI] }, { seed: 'ishigami', trajectories: 100 });
    expect(effects.x3!.meanAbsolute).toBeGreaterThan(1);
    expect(effects.x3!.standardDeviation).toBeGreaterThan(effects.x3!.meanAbsolute * 0.8);
  });

  it('moves one input at a time by Δ = p / (2(p − 1)) of its range, each input once per trajectory', () => {
    const seen: number[][] = [];
    morrisEffects(
      (x) => {
        seen.push([x.a!, x.b!, x.c!]);
        return x.a! + x.b! + x.c!;
      },
      { a: [0, 1], b: [0, 1], c: [0, 1] },
      { seed: 'grid', trajectories: 5, levels: 6, bootstrap: 0 },
    );
    expect(seen).toHaveLength(5 * 4);
    const delta = 6 / 10;
    for (let t = 0; t < 5; t++) {
      const moved = new Set<number>();
      for (let s = 1; s <= 3; s++) {
        const [before, after] = [seen[t * 4 + s - 1]!, seen[t * 4 + s]!];
        const changed = before.map((v, i) => (Math.abs(after[i]! - v) > 1e-12 ? i : -1)).filter((i) => i >= 0);
        expect(changed).toHaveLength(1);
        expect(Math.abs(after[changed[0]!]! - before[changed[0]!]!)).toBeCloseTo(delta, 12);
        moved.add(changed[0]!);
      }
      expect(moved.size).toBe(3);
      for (const point of seen.slice(t * 4, t * 4 + 4)) for (const v of point) expect(Math.round(v * 5) / 5).toBeCloseTo(v, 12);
    }
  });

  it('reads unbounded inputs between their 0.5% and 99.5% quantiles, so every answer is finite', () => {
    const seen: number[] = [];
    morrisEffects(
      ({ a }) => {
        seen.push(a!);
        return a!;
      },
      { a: { kind: 'normal', mean: 0, sd: 1 } },
      { seed: 2, trajectories: 40, bootstrap: 0 },
    );
    // the grid's ends, 0 and 1, fall on the normal's 0.5% and 99.5% quantiles (±2.5758).
    expect(Math.min(...seen)).toBeCloseTo(-2.5758293, 5);
    expect(Math.max(...seen)).toBeCloseTo(2.5758293, 5);
  });

  it('gives μ* a bootstrap interval around it, none without bootstrap, and bit-identical results for a seed', () => {
    const a = morrisEffects(g, gRanges, { seed: 'same' });
    const [lo, hi] = a.effects.x0!.meanAbsoluteInterval!;
    expect(lo).toBeLessThan(a.effects.x0!.meanAbsolute);
    expect(hi).toBeGreaterThan(a.effects.x0!.meanAbsolute);
    expect(morrisEffects(g, gRanges, { seed: 'same' })).toEqual(a);
    expect(morrisEffects(g, gRanges, { seed: 'other' }).effects.x0!.mean).not.toBe(a.effects.x0!.mean);
    expect(morrisEffects(g, gRanges, { seed: 'same', bootstrap: 0 }).effects.x0!.meanAbsoluteInterval).toBeNull();
    // An input with tiny, scattered effects: its interval stops at 0 rather than going below.
    const noisy = morrisEffects(({ a, b }) => a! + (b! < 0.5 ? 1e-3 : -1e-3), { a: [0, 1], b: [0, 1] }, { seed: 'low', trajectories: 2, bootstrap: 50 });
    expect(noisy.effects.b!.meanAbsoluteInterval![0]).toBeGreaterThanOrEqual(0);
  });

  it('refuses bad options and answers, naming them', () => {
    const f = ({ a }: Record<string, number>) => a!;
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, levels: 5 }), ParameterError).field).toBe('options.levels');
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, trajectories: 1 }), ParameterError).field).toBe('options.trajectories');
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, level: 1 }), ParameterError).field).toBe('options.level');
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, size: 3 } as never), ParameterError)).toBeInstanceOf(ParameterError);
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, {} as never), InputTypeError)).toBeInstanceOf(InputTypeError);
    expect(caught(() => morrisEffects(f, { a: [1, 0] }, { seed: 1 }), ParameterError).field).toBe('ranges.a');
    expect(caught(() => morrisEffects(() => NaN, { a: [0, 1] }, { seed: 1 }), ParameterError).field).toBe('model');
    expect(caught(() => morrisEffects('f' as never, { a: [0, 1] }, { seed: 1 }), InputTypeError).field).toBe('model');
  });
});

describe('morrisEffects, its statistics and options', () => {
  /** Every call's inputs and answer, in order: trajectory t is calls t(k+1) … t(k+1)+k. */
  const recorded = (model: (x: Record<string, number>) => number) => {
    const calls: { x: Record<string, number>; y: number }[] = [];
    return { calls, model: (x: Record<string, number>) => (calls.push({ x: { ...x }, y: model(x) }), calls.at(-1)!.y) };
  };

  it('reports the mean, mean absolute value and standard deviation of the effects the trajectories make', () => {
    const { calls, model } = recorded(({ a, b }) => a! * a! + Math.sin(3 * b!) + a! * b!);
    const r = 30;
    const { effects } = morrisEffects(model, { a: [0, 2], b: [0, 1] }, { seed: 'stats', trajectories: r, bootstrap: 0 });
    const per: Record<string, number[]> = { a: [], b: [] };
    for (let t = 0; t < r; t++) {
      for (let s = 1; s <= 2; s++) {
        const [before, after] = [calls[t * 3 + s - 1]!, calls[t * 3 + s]!];
        const name = before.x.a !== after.x.a ? 'a' : 'b';
        const width = name === 'a' ? 2 : 1;
        per[name]!.push((after.y - before.y) / ((after.x[name]! - before.x[name]!) / width));
      }
    }
    for (const name of ['a', 'b']) {
      const e = per[name]!;
      const mean = e.reduce((p, v) => p + v, 0) / r;
      const sd = Math.sqrt(e.reduce((p, v) => p + (v - mean) ** 2, 0) / (r - 1));
      expect(effects[name]!.mean).toBeCloseTo(mean, 10);
      expect(effects[name]!.meanAbsolute).toBeCloseTo(e.reduce((p, v) => p + Math.abs(v), 0) / r, 10);
      expect(effects[name]!.standardDeviation).toBeCloseTo(sd, 10);
    }
  });

  it('moves up and down, and in different orders, from trajectory to trajectory', () => {
    const { calls, model } = recorded(({ a, b, c }) => a! + b! + c!);
    morrisEffects(model, { a: [0, 1], b: [0, 1], c: [0, 1] }, { seed: 'orders', trajectories: 40, bootstrap: 0 });
    const firstMoved = new Set<string>();
    let ups = 0;
    let downs = 0;
    for (let t = 0; t < 40; t++) {
      const [p0, p1] = [calls[t * 4]!.x, calls[t * 4 + 1]!.x];
      firstMoved.add(['a', 'b', 'c'].find((n) => p0[n] !== p1[n])!);
      for (let s = 1; s <= 3; s++) (calls[t * 4 + s]!.y > calls[t * 4 + s - 1]!.y ? ups++ : downs++);
    }
    expect(firstMoved.size).toBe(3);
    expect(ups).toBeGreaterThan(20);
    expect(downs).toBeGreaterThan(20);
  });

  it("gives μ* an interval of about z · sd(|EE|) / √r each side, narrower at a lower level", () => {
    const f = ({ a, b }: Record<string, number>) => a! * a! * 4 + b! * Math.cos(6 * a!);
    const r = 400;
    const wide = morrisEffects(f, { a: [0, 1], b: [0, 1] }, { seed: 'interval', trajectories: r, bootstrap: 4000 });
    const narrow = morrisEffects(f, { a: [0, 1], b: [0, 1] }, { seed: 'interval', trajectories: r, bootstrap: 4000, level: 0.5 });
    const e = wide.effects.a!;
    const [lo, hi] = e.meanAbsoluteInterval!;
    expect((lo + hi) / 2).toBeCloseTo(e.meanAbsolute, 10);
    // sd(|EE|) ≤ sd(EE) here (the effects of a are all positive, so |EE| = EE).
    const expected = 1.959964 * (e.standardDeviation / Math.sqrt(r));
    expect((hi - lo) / 2).toBeGreaterThan(0.85 * expected);
    expect((hi - lo) / 2).toBeLessThan(1.15 * expected);
    const [nlo, nhi] = narrow.effects.a!.meanAbsoluteInterval!;
    expect((nhi - nlo) / (hi - lo)).toBeCloseTo(0.6744898 / 1.959964, 1);
  });

  it('names each bad option, and refuses a run that would take too many evaluations before making it', () => {
    const f = ({ a }: Record<string, number>) => a!;
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, 5 as never), InputTypeError).field).toBe('options');
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, speed: 2 } as never), ParameterError).field).toBe('options.speed');
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: true } as never), InputTypeError).field).toBe('options.seed');
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, levels: 1 }), ParameterError).field).toBe('options.levels');
    expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, bootstrap: -1 }), ParameterError).field).toBe('options.bootstrap');
    for (const level of [0, 1, -0.5, 'high']) expect(caught(() => morrisEffects(f, { a: [0, 1] }, { seed: 1, level } as never), ParameterError).field).toBe('options.level');
    let calls = 0;
    expect(caught(() => morrisEffects(() => ++calls, { a: [0, 1] }, { seed: 1, trajectories: 1e9 }), ParameterError).field).toBe('options.trajectories');
    expect(calls).toBe(0);
    expect(morrisEffects(f, { a: [0, 1] }, { seed: 1, level: 0.999 }).effects.a!.meanAbsoluteInterval).not.toBeNull();
  });
});
