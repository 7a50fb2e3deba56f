/**
 * The model's semantics over generated plans, not only the seed's: activity
 * that is continuous in the posting rate, results that do not depend on the
 * step, and runs that can be split on any day — for every kind of lag kernel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakEvenHorizon, effortValueSplit, leaderPlan, schedule, simulate, type KernelSpec, type ParameterInput, type Schedule, type SeriesName } from 'relationship-equity';

const RUNS = { numRuns: Number(process.env.SEMANTICS_RUNS ?? 60), seed: Number(process.env.SEMANTICS_SEED ?? 20261201) };

/** Every kind of lag kernel, with windows and means in days. */
const lags: fc.Arbitrary<KernelSpec> = fc.oneof(
  fc.record({ kind: fc.constant('erlang' as const), mean: fc.integer({ min: 20, max: 500 }), stages: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('erlang' as const), mean: fc.integer({ min: 20, max: 200 }), stages: fc.integer({ min: 1, max: 5 }), maxLag: fc.integer({ min: 30, max: 400 }), normalize: fc.boolean() }),
  fc.record({ kind: fc.constant('geometric' as const), halfLife: fc.integer({ min: 5, max: 200 }), normalize: fc.boolean() }),
  fc.record({ kind: fc.constant('geometric' as const), alpha: fc.double({ min: 0.8, max: 0.995, noNaN: true }), maxLag: fc.integer({ min: 10, max: 200 }), normalize: fc.boolean() }),
  fc.record({ kind: fc.constant('delayed' as const), alpha: fc.double({ min: 0.7, max: 0.99, noNaN: true }), theta: fc.integer({ min: 0, max: 30 }), maxLag: fc.integer({ min: 31, max: 120 }), normalize: fc.boolean() }),
  fc.record({ kind: fc.constant('weibull-pdf' as const), shape: fc.double({ min: 1.2, max: 4, noNaN: true }), scale: fc.integer({ min: 10, max: 100 }), maxLag: fc.integer({ min: 60, max: 250 }) }),
  fc.record({ kind: fc.constant('weibull-cdf' as const), shape: fc.double({ min: 0.5, max: 3, noNaN: true }), scale: fc.double({ min: 0.1, max: 0.8, noNaN: true }), maxLag: fc.integer({ min: 30, max: 250 }), convention: fc.constant('robyn' as const) }),
  fc.record({ kind: fc.constant('binomial' as const), alpha: fc.double({ min: 0.2, max: 0.95, noNaN: true }), maxLag: fc.integer({ min: 10, max: 200 }), convention: fc.constantFrom('pymc' as const, 'meridian' as const), normalize: fc.boolean() }),
  fc.record({ kind: fc.constant('gamma' as const), mean: fc.integer({ min: 20, max: 200 }), shape: fc.double({ min: 0.8, max: 5, noNaN: true }), maxLag: fc.integer({ min: 60, max: 500 }), normalize: fc.boolean() }),
);

const parameters: fc.Arbitrary<ParameterInput> = fc.record({
  neglectDecay: fc.double({ min: 0, max: 0.006, noNaN: true }),
  neglectGrace: fc.integer({ min: 0, max: 60 }),
  momentumMemory: fc.integer({ min: 10, max: 150 }),
  agendaWeight: fc.double({ min: 0, max: 0.6, noNaN: true }),
  lag: lags,
});

/** A plan whose changes fall on whole days: a rate, events every so many days, a pause, a change of rate, a quality span. */
interface Plan {
  readonly postsPerWeek: number;
  readonly events?: { every: number; from: number };
  readonly pause?: { from: number; for: number };
  readonly change?: { at: number; postsPerWeek: number };
  readonly quality?: { value: number; from: number; for: number };
}
const plans: fc.Arbitrary<Plan> = fc.record(
  {
    postsPerWeek: fc.oneof(fc.double({ min: 0.05, max: 14, noNaN: true }), fc.constantFrom(0.2, 1, 1.5, 7)),
    events: fc.record({ every: fc.integer({ min: 5, max: 60 }), from: fc.integer({ min: 0, max: 30 }) }),
    pause: fc.record({ from: fc.integer({ min: 20, max: 500 }), for: fc.integer({ min: 10, max: 300 }) }),
    change: fc.record({ at: fc.integer({ min: 30, max: 600 }), postsPerWeek: fc.double({ min: 0, max: 14, noNaN: true }) }),
    quality: fc.record({ value: fc.double({ min: 0.5, max: 2, noNaN: true }), from: fc.integer({ min: 0, max: 400 }), for: fc.integer({ min: 1, max: 200 }) }),
  },
  { requiredKeys: ['postsPerWeek'] },
);

/** The plan as a schedule, its posting rates multiplied by `scale`. */
function build(plan: Plan, scale = 1): Schedule {
  let s = schedule.weekly(plan.postsPerWeek * scale);
  if (plan.events) s = s.withEvents(plan.events);
  if (plan.pause) s = s.pause(plan.pause);
  if (plan.change) s = s.change({ at: plan.change.at, postsPerWeek: plan.change.postsPerWeek * scale });
  if (plan.quality) s = s.quality(plan.quality);
  return s;
}

const SERIES: readonly SeriesName[] = ['equity', 'reach', 'interest'];
const MONTH_ENDS = Array.from({ length: 24 }, (_, m) => Math.round((m + 1) * 30.4375));

describe('activity is continuous in the posting rate', () => {
  it('as the posting rates go to 0 every result converges to the plan without posts (events and all)', () => {
    fc.assert(
      fc.property(plans, parameters, (plan, p) => {
        const none = simulate({ horizon: 730, activity: build(plan, 0), parameters: p });
        for (const scale of [1e-6, 1e-9]) {
          const tiny = simulate({ horizon: 730, activity: build(plan, scale), parameters: p });
          for (const name of ['equity', 'reach', 'interest', 'momentum', 'agenda'] as const) {
            const a = tiny[name];
            const b = none[name];
            // within 1e-4 of the larger of the series' peak and one unit (a day of saturated posting)
            const scale = Math.max(1, ...b);
            for (let i = 0; i < a.length; i++) {
              if (!(Math.abs(a[i]! - b[i]!) <= 1e-4 * scale)) return false;
            }
          }
        }
        return true;
      }),
      { ...RUNS, numRuns: 40 },
    );
  });

  it('a steady rate and an evenly spaced log of the same posts give the same neglect and momentum', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 3, noNaN: true }), fc.integer({ min: 0, max: 60 }), (postsPerWeek, grace) => {
        const r = postsPerWeek / 7;
        const horizon = 900;
        // The k-th post of a steady rate r falls on (k + ½)/r: the middle of its interval.
        const log = [];
        for (let k = 0; (k + 0.5) / r < horizon; k++) log.push({ day: (k + 0.5) / r });
        if (log.length === 0) return true;
        const parameters = { neglectGrace: grace, neglectDecay: 0.003 };
        const steady = simulate({ horizon, activity: schedule.weekly(postsPerWeek), parameters });
        const logged = simulate({ horizon, activity: schedule.fromLog(log), parameters });
        // Momentum reads activity alone: equal to rounding. Equity differs only through how effort is spread.
        for (let i = 0; i <= horizon; i++) if (!(Math.abs(steady.momentum[i]! - logged.momentum[i]!) < 1e-12)) return false;
        expect(steady.final.quietDays).toBeCloseTo(logged.final.quietDays, 9);
        return true;
      }),
      RUNS,
    );
  });

  it('events keep their own effect, which a vanishing rate of posting does not enlarge', () => {
    const events = schedule.none().withEvents({ every: '1 month' });
    const sliver = schedule.weekly(1e-9).withEvents({ every: '1 month' });
    const a = simulate({ horizon: '3 years', activity: events }).final.equity;
    const b = simulate({ horizon: '3 years', activity: sliver }).final.equity;
    expect(a).toBeGreaterThan(10);
    expect(Math.abs(b / a - 1)).toBeLessThan(1e-6);
  });
});

describe('the step does not change the answer', () => {
  it('12 hours and 1 day agree within 1% on equity, reach and interest at month ends, for every kind of lag', () => {
    fc.assert(
      fc.property(plans, parameters, (plan, p) => {
        const activity = build(plan);
        const day = simulate({ horizon: 740, activity, parameters: p });
        const half = simulate({ horizon: 740, step: 0.5, activity, parameters: p });
        for (const name of SERIES) {
          const scale = Math.max(...day[name]);
          for (const at of MONTH_ENDS) {
            const a = day.at(at)[name];
            const b = half.at(at)[name];
            // relative to the value, or to a millionth of the series' largest for values close to nothing
            if (!(Math.abs(a - b) <= 0.01 * Math.max(Math.abs(b), 1e-6 * scale))) {
              expect.fail(`${name} on day ${at}: ${a} (1 day) vs ${b} (12 hours), lag ${JSON.stringify(p.lag)}, plan ${JSON.stringify(plan)}`);
            }
          }
        }
        return true;
      }),
      RUNS,
    );
  });

  it('a quality that changes within a step counts for the part of the step it covers', () => {
    const a = schedule.daily(1).quality({ value: 2, from: 100.5, for: 50 });
    const day = simulate({ horizon: 200, activity: a });
    const half = simulate({ horizon: 200, step: 0.5, activity: a });
    expect(Math.abs(day.at(151).reach / half.at(151).reach - 1)).toBeLessThan(0.01);
    expect(Math.abs(day.at(101).interest / half.at(101).interest - 1)).toBeLessThan(0.01);
  });

  it('a log of posts off whole days with a short spread earns the same inflow at any step (the response is averaged, not the effort)', () => {
    const log = schedule.fromLog(Array.from({ length: 80 }, (_, k) => ({ day: 3 * k + 0.3 })), { spread: '6 hours' });
    const day = simulate({ horizon: 250, activity: log });
    const half = simulate({ horizon: 250, step: 0.25, activity: log });
    expect(Math.abs(day.final.equity / half.final.equity - 1)).toBeLessThan(0.01);
  });
});

describe('a run can be split on any day', () => {
  it('continuing from `final` equals the whole run bit for bit, for every kind of lag, at a step of a day or half a day', () => {
    fc.assert(
      fc.property(plans, parameters, fc.integer({ min: 1, max: 699 }), fc.constantFrom(1, 0.5), (plan, p, cutAt, step) => {
        const activity = build(plan);
        const horizon = 700;
        const whole = simulate({ horizon, step, activity, parameters: p });
        const first = simulate({ horizon: cutAt, step, activity, parameters: p });
        const second = simulate({ horizon: horizon - cutAt, step, activity, parameters: p, initial: first.final });
        const offset = cutAt / step;
        for (const name of ['equity', 'reach', 'interest', 'momentum', 'agenda', 'inflow'] as const) {
          for (let i = 0; i < second.days.length; i++) {
            if (!Object.is(second[name][i], whole[name][offset + i])) {
              expect.fail(`${name}[${offset + i}]: ${second[name][i]} continued vs ${whole[name][offset + i]} whole (lag ${JSON.stringify(p.lag)})`);
            }
          }
        }
        expect(second.final).toEqual(whole.final);
        return true;
      }),
      RUNS,
    );
  });

  it('accepts a plan whose pause, change and events all lie past its horizon: they simply have not happened yet', () => {
    const plan = schedule.reference().pause({ from: 548, for: 243 }).change({ at: 900, postsPerDay: 1 });
    const first = simulate({ horizon: 365, activity: plan });
    const rest = simulate({ horizon: 1095 - 365, activity: plan, initial: first.final });
    const whole = simulate({ horizon: 1095, activity: plan });
    expect(rest.final).toEqual(whole.final);
  });
});

describe('planning says when it cannot', () => {
  /** Every number in a result (not in its series): the property is that none is NaN or infinite unless the result says it is not reachable. */
  const numbers = (value: unknown, path = ''): [string, number][] => {
    if (typeof value === 'number') return [[path, value]];
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  };
  const honest = (result: { reachable?: boolean }): boolean => numbers(result).every(([, v]) => Number.isFinite(v)) || result.reachable === false;

  it('leaderPlan, breakEvenHorizon and effortValueSplit never return a non-finite number without reachable: false', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 7, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 30, max: 1500 }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: -3, max: 6, noNaN: true }),
        (logTarget, transferRate, horizon, eventsPerMonth, postsPerWeek, logValue) => {
          const plan = leaderPlan({ clientTarget: 10 ** logTarget, transferRate, horizon, eventsPerMonth });
          expect(honest(plan), JSON.stringify(plan)).toBe(true);
          if (!plan.reachable) expect(plan.reason).toMatch(/\w/);
          if (plan.reachable) expect(plan.effortMultiple).toBeGreaterThan(0);
          const even = breakEvenHorizon({ postsPerWeek, clientValuePerPost: 10 ** logValue, limit: '4 years' });
          expect(honest(even)).toBe(true);
          expect(even.reachable).toBe(even.months !== null);
          const split = effortValueSplit({ now: horizon / 10, horizon, extraPosts: postsPerWeek });
          expect(honest(split)).toBe(true);
          return true;
        },
      ),
      { numRuns: 25, seed: 5 },
    );
  });

  it('the issue’s cases: a client who needs almost no posts, and a leader out of reach in a year, say so', () => {
    const threeYears = leaderPlan({ clientTarget: 60, transferRate: 0.1, horizon: '3 years' });
    expect(threeYears.effortMultiple === null || threeYears.effortMultiple < 1e3).toBe(true);
    const oneYear = leaderPlan({ clientTarget: 60, transferRate: 0.1, horizon: '1 year' });
    expect(oneYear.leaderPostsPerWeek).toBeNull();
    expect(oneYear.reachable).toBe(false);
    expect(oneYear.reason).toMatch(/^no rate of up to 448 posts a week brings the leader to 600/);
  });
});
