import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMETERS,
  DurationError,
  InputTypeError,
  ParameterError,
  SERIES,
  schedule,
  simulate,
} from 'relationship-equity';
import { caught, expectAllFinite, expectClose } from './helpers.js';

const seedActivity = schedule.reference().pause({ from: '18 months', for: '8 months' });

describe('simulate', () => {
  it('returns one value per grid point for every series, from day 0 to the horizon', () => {
    const run = simulate({ horizon: '1 year' });
    const points = Math.ceil(365.25) + 1;
    expect(run.days.length).toBe(points);
    for (const name of SERIES) {
      expect(run[name]).toBeInstanceOf(Float64Array);
      expect(run[name].length).toBe(points);
    }
    expect(run.days[0]).toBe(0);
    expect(run.days[points - 1]).toBe(366);
    expect(run.step).toBe(1);
    expect(run.parameters).toEqual(DEFAULT_PARAMETERS);
  });

  it('starts from an empty account by default', () => {
    const run = simulate({ horizon: 10 });
    expect(run.equity[0]).toBe(0);
    expect(run.interest[0]).toBe(0);
    expect(run.momentum[0]).toBe(0);
    expect(run.equity[10]).toBeGreaterThan(0);
  });

  it('leaves an account with no activity empty', () => {
    const run = simulate({ horizon: 100, activity: schedule.none() });
    expect(run.equity.every((x) => x === 0)).toBe(true);
    expect(run.interest.every((x) => x === 0)).toBe(true);
  });

  it('never produces NaN, infinity or negative equity, even with extreme parameters', () => {
    const run = simulate({
      horizon: '10 years',
      step: '1 week',
      activity: schedule.daily(50).pause({ from: '1 year', for: '5 years' }),
      parameters: { activeDecay: 5, neglectDecay: 10, neglectRamp: 0.001, momentumMemory: 0.001 },
    });
    expectAllFinite({ equity: run.equity, reach: run.reach, interest: run.interest, inflow: run.inflow });
    expect(run.equity.every((x) => x >= 0)).toBe(true);
  });

  it('a run split in two equals the run done in one piece', () => {
    const whole = simulate({ horizon: 1000, activity: seedActivity });
    const first = simulate({ horizon: 600, activity: seedActivity });
    const second = simulate({ horizon: 400, activity: seedActivity, initial: first.final });
    expect(second.final).toEqual(whole.final);
    for (const name of SERIES) {
      expect(Array.from(second[name])).toEqual(Array.from(whole[name].subarray(600)));
    }
  });

  it('a split run keeps its place relative to the platform launch', () => {
    const whole = simulate({ horizon: 400, start: '2 years' });
    const first = simulate({ horizon: 150, start: '2 years' });
    expect(first.final.sinceLaunch).toBe(730.5 + 150);
    const second = simulate({ horizon: 250, initial: first.final });
    expect(second.final).toEqual(whole.final);
  });

  it('a 12-hour step agrees with a 1-day step within 1% on the seed scenario', () => {
    const daily = simulate({ horizon: '4 years', activity: seedActivity });
    const halfDaily = simulate({ horizon: '4 years', step: '12 hours', activity: seedActivity });
    for (const when of ['18 months', '26 months', '3 years', '4 years']) {
      const a = daily.at(when);
      const b = halfDaily.at(when);
      for (const name of ['equity', 'reach', 'interest'] as const) {
        expect(Math.abs(b[name] / a[name] - 1), `${name} at ${when}`).toBeLessThan(0.01);
      }
    }
  });

  it('decays only slowly while active and faster the longer the account is neglected', () => {
    const run = simulate({ horizon: 800, activity: schedule.daily(1).pause({ from: 400, for: 400 }) });
    const dailyLoss = (day: number): number => 1 - run.equity[day + 1]! / run.equity[day]!;
    expectClose(dailyLoss(410), 1 - Math.exp(-DEFAULT_PARAMETERS.activeDecay), 1e-9); // within the grace period
    expect(dailyLoss(500)).toBeGreaterThan(dailyLoss(450));
    expect(dailyLoss(700)).toBeGreaterThan(dailyLoss(500));
    expect(dailyLoss(790)).toBeLessThanOrEqual(DEFAULT_PARAMETERS.activeDecay + DEFAULT_PARAMETERS.neglectDecay);
  });

  it('builds momentum with consistent activity and loses it in a break', () => {
    const run = simulate({ horizon: 600, activity: schedule.daily(1).pause({ from: 300, for: 200 }) });
    expect(run.momentum[300]).toBeGreaterThan(0.99);
    expect(run.momentum[500]).toBeLessThan(0.05);
    expect(run.momentum[560]).toBeGreaterThan(0.5);
  });

  it('counts effort early in the platform’s life for more (early bonus)', () => {
    const early = simulate({ horizon: 100, activity: schedule.daily(1) });
    const late = simulate({ horizon: 100, activity: schedule.daily(1), start: '5 years' });
    expect(early.final.equity).toBeGreaterThan(late.final.equity);
    const flat = { earlyBonus: 0 };
    expectClose(
      simulate({ horizon: 100, activity: schedule.daily(1), parameters: flat }).final.equity,
      simulate({ horizon: 100, activity: schedule.daily(1), parameters: flat, start: '5 years' }).final.equity,
    );
  });

  it('reach is equity × quality × agenda factor', () => {
    const run = simulate({ horizon: 200, activity: schedule.reference().quality(1.3) });
    const i = 150;
    expectClose(run.reach[i]!, run.equity[i]! * 1.3 * (1 + DEFAULT_PARAMETERS.agendaWeight * run.agenda[i]!));
  });

  it('at() reads the grid point at or before a moment and says whether the account is invited', () => {
    const run = simulate({ horizon: '2 years', activity: seedActivity });
    const point = run.at('18 months');
    expect(point.day).toBe(547);
    expect(point.equity).toBe(run.equity[547]);
    expect(point.invited).toBe(true);
    expect(run.at(100.9).day).toBe(100);
    expect(caught(() => run.at('3 years'), ParameterError).field).toBe('when');
  });

  it('at() reads moments relative to where the run starts, exactly on grid points and tolerating rounding at both ends', () => {
    const first = simulate({ horizon: 100 });
    const later = simulate({ horizon: 50, initial: first.final });
    expect(later.at(100).day).toBe(100);
    expect(later.at(120).equity).toBe(later.equity[20]);
    expect(later.at(150).day).toBe(150);
    expect(later.at(150 + 1e-10).day).toBe(150);
    expect(later.at(100 - 1e-10).day).toBe(100);
    expect(caught(() => later.at(99), ParameterError).field).toBe('when');
    expect(caught(() => later.at(151), ParameterError).field).toBe('when');
    expect(caught(() => later.at('soon'), DurationError).field).toBe('when');
    const halfDays = simulate({ horizon: 10, step: 0.5 });
    expect(halfDays.at(3).day).toBe(3);
    expect(halfDays.at(3).equity).toBe(halfDays.equity[6]);
  });

  it('at() says the account is invited when its agenda reaches the threshold', () => {
    const quiet = simulate({ horizon: 10, activity: schedule.none(), parameters: { invitationThreshold: 0 } });
    expect(quiet.at(5).agenda).toBe(0);
    expect(quiet.at(5).invited).toBe(true);
    expect(simulate({ horizon: 10, activity: schedule.none() }).at(5).invited).toBe(false);
  });

  it('rounds the number of steps up when the step does not divide the horizon, but not for a rounding error', () => {
    expect(simulate({ horizon: 10, step: 3 }).days).toEqual(new Float64Array([0, 3, 6, 9, 12]));
    expect(2.1 / 0.3).toBeGreaterThan(7); // 7.000000000000001
    expect(simulate({ horizon: 2.1, step: 0.3 }).days.length).toBe(8);
  });

  it('more effort never lowers equity', () => {
    let previous = -1;
    for (const postsPerWeek of [0, 0.5, 1, 1.5, 3, 7, 14, 30]) {
      const equity = simulate({ horizon: '2 years', activity: schedule.weekly(postsPerWeek) }).final.equity;
      expect(equity).toBeGreaterThanOrEqual(previous);
      previous = equity;
    }
  });

  it('does not mutate the initial state it is given', () => {
    const first = simulate({ horizon: 30 });
    const initial = { ...first.final, lagState: [...first.final.lagState] };
    simulate({ horizon: 30, initial });
    expect(initial).toEqual({ ...first.final, lagState: [...first.final.lagState] });
  });
});

describe('simulate rejects bad input before stepping', () => {
  it.each([
    [{ horizon: 0 }, 'horizon', ParameterError],
    [{ horizon: -5 }, 'horizon', DurationError],
    [{ horizon: '8 parsecs' }, 'horizon', DurationError],
    [{ horizon: NaN }, 'horizon', DurationError],
    [{ horizon: 10, step: 20 }, 'step', ParameterError],
    [{ horizon: 10, step: 0 }, 'step', ParameterError],
    [{ horizon: 10, parameters: { activeDecay: NaN } }, 'parameters.activeDecay', ParameterError],
    [{ horizon: 10, initial: { equity: -1 } }, 'initial.equity', ParameterError],
    [{ horizon: 10, initial: { momentum: 2 } }, 'initial.momentum', ParameterError],
    [{ horizon: 10, initial: { lagState: [1, 2] } }, 'initial.lagState', ParameterError],
    [{ horizon: 10, initial: { lagState: [1, -2, 0, 0] } }, 'initial.lagState[1]', ParameterError],
    [{ horizon: 10, activity: { posts: 3 } }, 'activity', ParameterError],
    [{ horizon: 10, initial: { sinceLaunch: 100 }, start: 5 }, 'start', ParameterError],
    [{ horizon: '1000000 years' }, 'horizon', ParameterError],
    [{ horizon: 10, horizn: 5 }, 'options.horizn', ParameterError],
    [{ horizon: 10, name: 3 }, 'options.name', InputTypeError],
    [{ horizon: 10, step: 'a while' }, 'step', DurationError],
    [{ horizon: 10, initial: 'empty' }, 'initial', InputTypeError],
    [{ horizon: 10, initial: { equty: 1 } }, 'initial.equty', ParameterError],
    [{ horizon: 10, initial: { day: NaN } }, 'initial.day', ParameterError],
    [{ horizon: 10, initial: { sinceLaunch: -1 } }, 'initial.sinceLaunch', ParameterError],
    [{ horizon: 10, initial: { lagState: 'full' } }, 'initial.lagState', ParameterError],
    [{ horizon: 10, initial: { agenda: -1 } }, 'initial.agenda', ParameterError],
    [{ horizon: 10, initial: { quietDays: -1 } }, 'initial.quietDays', ParameterError],
  ])('%j → %s', (options, field, kind) => {
    const error = caught(() => simulate(options as never), kind as typeof ParameterError);
    expect(error.field).toBe(field);
  });

  it('says what it allows, naming the default step and the largest run', () => {
    expect(() => simulate({ horizon: 0.5 })).toThrow('`step` must be no longer than the horizon (0.5 days), got "1 day"');
    expect(() => simulate({ horizon: '1000000 years' })).toThrow('at most 19999999 steps of 1 days');
    expect(() => simulate({ horizon: 10, initial: { day: 5, sinceLaunch: 100 }, start: 90 })).toThrow(
      '`start` must be consistent with initial.sinceLaunch − initial.day (95), got 90',
    );
    expect(() => simulate({ horizon: 10, initial: { lagState: 'full' } } as never)).toThrow(
      '`initial.lagState` must be an array of numbers ≥ 0 (the lag kernel\'s state), got "full"',
    );
  });

  it('accepts the limits themselves: a step as long as the horizon, a pause starting on the last day, a start that agrees with the state', () => {
    expect(simulate({ horizon: 10, step: 10 }).days).toEqual(new Float64Array([0, 10]));
    expect(simulate({ horizon: 10, activity: schedule.daily(1).pause({ from: 10, for: 5 }) }).days.length).toBe(11);
    expect(simulate({ horizon: 10, initial: { day: 5, sinceLaunch: 100 }, start: 95 }).final.sinceLaunch).toBe(110);
    expect(simulate({ horizon: 10, name: 'ours' }).days.length).toBe(11);
  });

  it('rejects a missing options object with an InputTypeError', () => {
    caught(() => simulate(undefined as never), InputTypeError);
  });
});

describe('simulate with other response curves', () => {
  it('runs with any response kind and keeps equity finite and non-negative', () => {
    for (const response of [
      { kind: 'michaelis-menten', alpha: 1, lambda: 0.5 },
      { kind: 'exponential', k: 0.7 },
      { kind: 'hill-robyn', alpha: 2, gamma: 0.4, range: [0, 2] },
    ] as const) {
      const run = simulate({ horizon: '2 years', parameters: { response } });
      expect(run.final.equity).toBeGreaterThan(0);
      expectAllFinite({ equity: run.equity, interest: run.interest });
    }
  });

  it('a Robyn Hill curve without its range is refused before stepping, naming the field', () => {
    const error = caught(
      () => simulate({ horizon: 10, parameters: { response: { kind: 'hill-robyn', alpha: 2, gamma: 0.4 } } }),
      ParameterError,
    );
    expect(error.field).toBe('parameters.response.range');
  });
});
