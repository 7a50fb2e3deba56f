/**
 * The stepping core: many runs stepped side by side as one group (the Monte
 * Carlo's fast path) do exactly what the single-run engine does, bit for bit.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMETERS, resolveParameters, schedule, type KernelSpec, type ParameterInput } from 'relationship-equity';
import { Engine, EngineGroup, ExponentialTable, LANE_PARAMETERS, PARAMETER_SCOPE, dayKey } from '../src/model/engine.js';
import { fastNormal } from '../src/numerics/normal.js';
import { randomStream } from '../src/numerics/random.js';

const SERIES = ['days', 'equity', 'inflow', 'reach', 'agenda', 'momentum', 'interest'] as const;
const BLOCK = 16;

/** Parameters that may differ between the lanes of one group. */
const laneParameters = fc.record({
  activeDecay: fc.double({ min: 0, max: 0.01, noNaN: true }),
  neglectDecay: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.02, noNaN: true })),
  interestPerReach: fc.double({ min: 0, max: 3, noNaN: true }),
});

const lags: fc.Arbitrary<KernelSpec> = fc.oneof(
  fc.record({ kind: fc.constant('erlang' as const), mean: fc.integer({ min: 2, max: 900 }), stages: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('geometric' as const), alpha: fc.double({ min: 0, max: 0.99, noNaN: true }) }),
  fc.record({ kind: fc.constant('delayed' as const), alpha: fc.double({ min: 0.1, max: 0.9, noNaN: true }), theta: fc.integer({ min: 0, max: 5 }), maxLag: fc.integer({ min: 6, max: 20 }) }),
);

/** Parameters every lane of a group shares. */
const dayParameters = fc.record({
  earlyBonus: fc.double({ min: 0, max: 5, noNaN: true }),
  momentumFloor: fc.double({ min: 0, max: 1, noNaN: true }),
  momentumMemory: fc.double({ min: 1, max: 200, noNaN: true }),
  eventWeight: fc.double({ min: 0, max: 10, noNaN: true }),
  agendaWeight: fc.double({ min: 0, max: 1, noNaN: true }),
  neglectGrace: fc.integer({ min: 0, max: 60 }),
});

const scenario = fc.record({
  shared: dayParameters,
  lanes: fc.array(fc.tuple(laneParameters, lags), { minLength: 1, maxLength: 5 }),
  postsPerWeek: fc.double({ min: 0, max: 14, noNaN: true }),
  pause: fc.record({ from: fc.integer({ min: 0, max: 60 }), for: fc.integer({ min: 1, max: 120 }) }),
  events: fc.integer({ min: 3, max: 40 }),
  points: fc.integer({ min: 2, max: 200 }),
  step: fc.constantFrom(1, 0.5, 2),
  noise: fc.boolean(),
  quality: fc.double({ min: 0.2, max: 2, noNaN: true }),
});

const initial = { day: 0, sinceLaunch: 10, equity: 3, momentum: 0.4, agenda: 0.2, quietDays: 0, lagState: [] };

describe('EngineGroup', () => {
  it('steps every lane bit-identically to Engine.run, block by block, for any lag and any lane parameters', () => {
    fc.assert(
      fc.property(scenario, ({ shared, lanes, postsPerWeek, pause, events, points, step, noise, quality }) => {
        const plan = schedule.weekly(postsPerWeek).quality(quality).withEvents({ every: events }).pause(pause).sample(0, step, points);
        const engines = lanes.map(([own, lag]) => new Engine(resolveParameters({ ...shared, ...own, lag } as ParameterInput), step));
        const last = points - 1;
        const shocks = lanes.map((_, l) => {
          const random = randomStream('engine-test', l);
          return Float64Array.from({ length: points }, () => (noise ? Math.exp(0.3 * fastNormal(random) - 0.045) : 1));
        });

        // One run at a time, the whole grid in one go.
        const expected = engines.map((engine, l) => {
          const out = Object.fromEntries(SERIES.map((s) => [s, new Float64Array(points)]));
          engine.run(engine.state(initial), plan, { from: 0, to: points, end: last }, { ...out, offset: 0, ...(noise ? { noise: shocks[l]! } : {}) });
          return out;
        });

        // All lanes side by side in one group, whatever their lag, block by block: values[t · lanes + lane].
        const group = new EngineGroup(engines[0]!, engines[0]!.state(initial), BLOCK);
        engines.forEach((engine, l) => group.add(engine, engine.state(initial), l, l * BLOCK));
        const values = Object.fromEntries(SERIES.map((s) => [s, new Float64Array(BLOCK * lanes.length)]));
        const blockNoise = new Float64Array(BLOCK * lanes.length);
        for (let from = 0; from < points; from += BLOCK) {
          const to = Math.min(points, from + BLOCK);
          lanes.forEach((_, l) => blockNoise.set(shocks[l]!.subarray(from, to), l * BLOCK));
          group.run(plan, { from, to, end: last }, { values, stride: lanes.length, ...(noise ? { noise: blockNoise } : {}) });
          for (let l = 0; l < lanes.length; l++) {
            for (const s of SERIES) {
              for (let t = 0; t < to - from; t++) {
                if (!Object.is(values[s]![t * lanes.length + l], expected[l]![s]![from + t])) {
                  expect.fail(`lane ${l}, ${s}[${from + t}]: ${values[s]![t * lanes.length + l]} vs ${expected[l]![s]![from + t]}`);
                }
              }
            }
          }
        }
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('grows past the lanes it first holds, writes only the series asked for, and without an end steps after every point, as Engine.run does', () => {
    const many = fc.record({
      shared: dayParameters,
      lanes: fc.array(fc.tuple(laneParameters, lags), { minLength: 9, maxLength: 20 }),
      series: fc.subarray([...SERIES], { minLength: 1 }),
      points: fc.integer({ min: 2, max: 90 }),
      block: fc.integer({ min: 1, max: 70 }),
      withEnd: fc.boolean(),
      noise: fc.boolean(),
    });
    fc.assert(
      fc.property(many, ({ shared, lanes, series, points, block, withEnd, noise }) => {
        const plan = schedule.weekly(4).withEvents({ every: 9 }).pause({ from: 20, for: 30 }).sample(0, 1, points);
        const engines = lanes.map(([own, lag]) => new Engine(resolveParameters({ ...shared, ...own, lag } as ParameterInput), 1));
        const range = (from: number, to: number) => (withEnd ? { from, to, end: points - 1 } : { from, to });
        const shocks = lanes.map((_, l) => Float64Array.from({ length: points }, (_, t) => (noise ? 0.8 + 0.4 * (((l * 7919 + t * 104729) % 1000) / 1000) : 1)));
        const expected = engines.map((engine, l) => {
          const out = Object.fromEntries(series.map((name) => [name, new Float64Array(points)]));
          engine.run(engine.state(initial), plan, range(0, points), { ...out, offset: 0, ...(noise ? { noise: shocks[l]! } : {}) });
          return out;
        });
        const group = new EngineGroup(engines[0]!, engines[0]!.state(initial), block);
        engines.forEach((engine, l) => group.add(engine, engine.state(initial), l, l * block));
        expect(group.size).toBe(lanes.length);
        const values = Object.fromEntries(series.map((name) => [name, new Float64Array(block * lanes.length)]));
        const blockNoise = new Float64Array(block * lanes.length);
        for (let from = 0; from < points; from += block) {
          const to = Math.min(points, from + block);
          lanes.forEach((_, l) => blockNoise.set(shocks[l]!.subarray(from, to), l * block));
          group.run(plan, range(from, to), { values, stride: lanes.length, ...(noise ? { noise: blockNoise } : {}) });
          for (let l = 0; l < lanes.length; l++) {
            for (const name of series) {
              for (let t = 0; t < to - from; t++) {
                const got = values[name]![t * lanes.length + l];
                if (!Object.is(got, expected[l]![name]![from + t])) expect.fail(`lane ${l}, ${name}[${from + t}]: ${got} vs ${expected[l]![name]![from + t]}`);
              }
            }
          }
        }
      }),
      { numRuns: 120, seed: 20261203 },
    );
  });

  it('takes its lanes before its first run, and one layout of the sink for every block', () => {
    const engine = new Engine(resolveParameters({}), 1);
    const plan = schedule.weekly(2).sample(0, 1, 20);
    const group = new EngineGroup(engine, engine.state(initial), 10);
    group.add(engine, engine.state(initial), 0, 0);
    group.add(engine, engine.state(initial), 1, 10);
    const values = { equity: new Float64Array(20) };
    group.run(plan, { from: 0, to: 10, end: 19 }, { values, stride: 2 });
    expect(() => group.add(engine, engine.state(initial), 2, 20)).toThrow('EngineGroup: lanes are added before the first run');
    expect(() => group.run(plan, { from: 10, to: 20, end: 19 }, { values, stride: 3 })).toThrow('EngineGroup: one sink layout for every block');
    expect(() => group.run(plan, { from: 10, to: 20, end: 19 }, { values, stride: 2, noiseStride: 2 })).toThrow('EngineGroup: one sink layout for every block');
    // With the layout kept, it goes on.
    group.run(plan, { from: 10, to: 20, end: 19 }, { values, stride: 2, noiseStride: 1 });
    expect(values.equity[19]).toBeGreaterThan(0);
  });

  it('classifies every parameter as acting on the whole account or on each run, and keys groups by the first kind only', () => {
    // A field added to the parameters but not to PARAMETER_SCOPE would let the Monte Carlo group runs that differ.
    expect(Object.keys(PARAMETER_SCOPE).sort()).toEqual(Object.keys(DEFAULT_PARAMETERS).sort());
    expect([...LANE_PARAMETERS].sort()).toEqual(['activeDecay', 'interestPerReach', 'invitationThreshold', 'lag', 'neglectDecay']);
    const key = (input: ParameterInput) => dayKey(new Engine(resolveParameters(input), 1));
    const changed: Record<string, unknown> = { response: { kind: 'linear' }, eventWeight: 3, earlyBonus: 2, earlyBonusTime: 100, momentumMemory: 30, momentumFloor: 0.2, activeDecay: 0.002, neglectDecay: 0.003,
      neglectGrace: 10, neglectRamp: 20, agendaMemory: 20, agendaWeight: 0.5, invitationThreshold: 2, lag: { kind: 'geometric', alpha: 0.5 }, interestPerReach: 3 };
    for (const name of Object.keys(DEFAULT_PARAMETERS)) {
      const differs = key({ [name]: changed[name] } as ParameterInput) !== key({});
      expect(differs, name).toBe(PARAMETER_SCOPE[name as keyof typeof PARAMETER_SCOPE] === 'account');
    }
  });

  it('keys runs by the parameters that act on the whole account, not by those of each run', () => {
    const key = (input: ParameterInput) => dayKey(new Engine(resolveParameters(input), 1));
    expect(key({ neglectDecay: 0.001, lag: { kind: 'erlang', mean: 200, stages: 3 } })).toBe(key({ neglectDecay: 0.003 }));
    expect(key({ activeDecay: 0.002, interestPerReach: 4 })).toBe(key({}));
    for (const changed of [{ earlyBonus: 2 }, { momentumMemory: 30 }, { agendaWeight: 0.5 }, { neglectGrace: 10 }, { response: { kind: 'linear' as const } }]) {
      expect(key(changed as ParameterInput)).not.toBe(key({}));
    }
  });
});

describe('Engine against the model written as differential equations', () => {
  /**
   * The model as docs/model.md states it — dE/dt = b·M·S(a) − δ(d)·E, momentum, agenda,
   * quiet days, an Erlang cascade on reach — integrated by small explicit Euler steps,
   * events as impulses at the start of their day. Slow and only first-order accurate,
   * but written from the equations, not from the engine.
   */
  function byEquations(input: ParameterInput, plan: { effort: Float64Array; events: Float64Array; quality: Float64Array }, days: number, substeps: number) {
    const p = resolveParameters(input);
    if (p.response.kind !== 'hill' || p.lag.kind !== 'erlang') throw new Error('the oracle knows a hill response and an Erlang lag');
    const { halfSaturation: K, shape: s } = p.response;
    const S = (a: number) => (a > 0 ? a ** s / (a ** s + K ** s) : 0);
    const g = (d: number) => (d <= p.neglectGrace ? 0 : 1 - Math.exp(-(d - p.neglectGrace) / p.neglectRamp));
    const n = p.lag.stages;
    const theta = p.lag.mean / n;
    const dt = 1 / substeps;
    let E = 0, m = 0, P = 0, quiet = 0, t = 0;
    const z = new Float64Array(n);
    const equity: number[] = [];
    const interest: number[] = [];
    for (let day = 0; day <= days; day++) {
      equity.push(E);
      interest.push(p.interestPerReach * z[n - 1]!);
      if (day === days) break;
      const a = plan.effort[day]!;
      const ev = plan.events[day]!;
      const q = plan.quality[day]!;
      const active = a > 0 || ev > 0;
      if (ev > 0) {
        const M = p.momentumFloor + (1 - p.momentumFloor) * m;
        E += (1 + p.earlyBonus * Math.exp(-t / p.earlyBonusTime)) * M * p.eventWeight * ev;
        P += ev;
      }
      for (let k = 0; k < substeps; k++) {
        const b = 1 + p.earlyBonus * Math.exp(-t / p.earlyBonusTime);
        const M = p.momentumFloor + (1 - p.momentumFloor) * m;
        const delta = p.activeDecay + (active ? 0 : p.neglectDecay * g(quiet));
        const R = E * q * (1 + p.agendaWeight * P);
        const dz = Array.from(z, (zj, j) => ((j === 0 ? R : z[j - 1]!) - zj) / theta);
        E += dt * (b * M * S(a) - delta * E);
        m += (dt * ((active ? 1 : 0) - m)) / p.momentumMemory;
        P -= (dt * P) / p.agendaMemory;
        dz.forEach((d, j) => (z[j] = z[j]! + dt * d));
        t += dt;
        quiet = active ? 0 : quiet + dt;
      }
    }
    return { equity, interest };
  }

  it('follows the equations within 0.6% of the peak over two years of posting, events, a pause and a return', () => {
    const input: ParameterInput = { lag: { kind: 'erlang', mean: 120, stages: 3 }, neglectGrace: 20, neglectRamp: 40, neglectDecay: 0.004, eventWeight: 3, agendaWeight: 0.5, agendaMemory: 30 };
    const days = 730;
    const activity = schedule.weekly(4).withEvents({ every: 9 }).quality(1.3).pause({ from: 300, for: 200 });
    const daily = activity.sample(0, 1, days + 1);
    const expected = byEquations(input, daily, days, 64);
    const engine = new Engine(resolveParameters(input), 0.25);
    const plan = activity.sample(0, 0.25, 4 * days + 1);
    const out = { equity: new Float64Array(4 * days + 1), interest: new Float64Array(4 * days + 1), offset: 0 };
    engine.run(engine.state({ ...initial, sinceLaunch: 0, equity: 0, momentum: 0, agenda: 0 }), plan, { from: 0, to: 4 * days + 1, end: 4 * days }, out);
    const peak = { equity: Math.max(...expected.equity), interest: Math.max(...expected.interest) };
    for (let day = 0; day <= days; day += 5) {
      for (const series of ['equity', 'interest'] as const) {
        const error = Math.abs(out[series][4 * day]! - expected[series][day]!) / peak[series];
        if (!(error < 0.006)) expect.fail(`${series} on day ${day}: ${out[series][4 * day]} vs ${expected[series][day]} by the equations`);
      }
    }
  });
});

describe('ExponentialTable', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Times as a run makes them: a start, then one step added at a time, with a jump now and then (a run continued elsewhere). */
  const times = fc.record({
    step: fc.constantFrom(1, 0.5, 2, 0.25, 1 / 24, 7),
    scale: fc.double({ min: 0.5, max: 2000, noNaN: true }),
    start: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 3000, noNaN: true })),
    moves: fc.array(fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: -200, max: 200 }) }), { minLength: 1, maxLength: 300 }),
  });

  function walk(step: number, start: number, moves: readonly number[]): number[] {
    const s: number[] = [];
    let now = start;
    for (const move of moves) {
      s.push(now);
      if (move === 1) now += step;
      else now = Math.max(0, start + move * step);
    }
    return s;
  }

  it('gives e^{−s/τ} as Math.exp does but for the roundings, as a function of s alone, whatever it was asked before', () => {
    fc.assert(
      fc.property(times, fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ step, scale, start, moves }, shuffleSeed) => {
        const s = walk(step, start, moves);
        const inOrder = new ExponentialTable(step, scale);
        const values = s.map((x) => inOrder.at(x));
        // The same times in another order, on a table of its own: the same numbers, bit for bit.
        const order = s.map((_, i) => i).sort((a, b) => ((a * 2654435761 + shuffleSeed) % 4093) - ((b * 2654435761 + shuffleSeed) % 4093));
        const shuffled = new ExponentialTable(step, scale);
        for (const i of order) {
          const again = shuffled.at(s[i]!);
          if (!Object.is(again, values[i])) expect.fail(`s = ${s[i]}: ${again} asked out of order, ${values[i]} in order`);
        }
        s.forEach((x, i) => {
          const exact = Math.exp(-x / scale);
          // Each of Math.exp and the two factors' product rounds once (≤ 3 units of ε), and the rounding of the exponent s/τ itself moves e^{−s/τ} by up to (s/τ)·ε/2.
          expect(Math.abs(values[i]! - exact)).toBeLessThanOrEqual((3 + x / scale) * Number.EPSILON * exact);
        });
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it('makes one exp per 32 steps of a run on a whole-number grid, not one per step', () => {
    const table = new ExponentialTable(1, 60);
    const exp = vi.spyOn(Math, 'exp');
    for (let s = 0; s < 3200; s++) table.at(s);
    // 100 anchors and the 32 powers: a fifth of the 3,200 a step-by-step exp would make.
    expect(exp.mock.calls.length).toBe(100 + 32);
    exp.mockClear();
    // A grid that does not add up exactly (1/24 of a day) falls back to exp where a time is off the table, and still agrees with it.
    const hourly = new ExponentialTable(1 / 24, 60);
    let s = 0;
    for (let i = 0; i < 480; i++, s += 1 / 24) expect(hourly.at(s)).toBeCloseTo(Math.exp(-s / 60), 15);
    expect(exp.mock.calls.length).toBeGreaterThan(0);
  });

  it('is shared by engines with the same step and time scale, and not by others', () => {
    const a = new Engine(resolveParameters({ earlyBonusTime: 90 }), 1);
    const b = new Engine(resolveParameters({ earlyBonusTime: 90, neglectDecay: 0.004 }), 1);
    expect(b.bonusLeft).toBe(a.bonusLeft);
    expect(new Engine(resolveParameters({ earlyBonusTime: 91 }), 1).bonusLeft).not.toBe(a.bonusLeft);
    expect(new Engine(resolveParameters({ earlyBonusTime: 90 }), 0.5).bonusLeft).not.toBe(new Engine(resolveParameters({ earlyBonusTime: 90 }), 1).bonusLeft);
  });
});
