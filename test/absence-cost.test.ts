import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, ParameterError, absenceCost, compare, equivalentMonths, schedule, simulate } from 'relationship-equity';
import { seedAccountAfterAbsence } from '../src/analysis/seed.js';
import { caught, expectClose } from './helpers.js';

describe('absenceCost', () => {
  const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months' });

  it('reports the equity before and after and the share lost', () => {
    expect(cost.absence).toEqual({ from: 547.875, to: 791.375 });
    expect(cost.equityBefore).toBe(cost.simulation.at('18 months').equity);
    expect(cost.equityAfter).toBe(cost.simulation.at('26 months').equity);
    expectClose(cost.fractionLost, 1 - cost.equityAfter / cost.equityBefore);
  });

  it('agrees with running the account and its twin by hand', () => {
    const activity = schedule.reference().pause({ from: '18 months', for: '8 months' });
    const horizon = 547.875 + 243.5 + 1095.75;
    const run = simulate({ horizon, activity });
    const twin = simulate({ horizon });
    expect(Array.from(cost.simulation.equity)).toEqual(Array.from(run.equity));
    expect(Array.from(cost.interestGap)).toEqual(Array.from(compare(run, twin).interest.gap));
  });

  it('finds when the interest gap peaks, in months after the absence began', () => {
    const { gap, day, monthsAfterAbsenceBegan } = cost.interestGapPeak;
    expect(gap).toBe(Math.max(...cost.interestGap));
    expectClose(monthsAfterAbsenceBegan, (day - 547.875) / 30.4375);
  });

  it('interest lags equity: at the return the interest gap is far smaller than the equity gap', () => {
    expect(cost.interestGapAtReturn).toBeGreaterThan(0);
    expect(cost.interestGapAtReturn).toBeLessThan(cost.equityGapAtReturn);
  });

  it('a longer absence never costs less', () => {
    let previous = 0;
    for (const months of [1, 2, 4, 8, 12, 24]) {
      const lost = absenceCost({ activeFor: '18 months', absentFor: `${months} months` }).fractionLost;
      expect(lost).toBeGreaterThan(previous);
      previous = lost;
    }
  });

  it('an absence shorter than the grace period costs only the active decay', () => {
    const short = absenceCost({ activeFor: 365, absentFor: '20 days' });
    expectClose(short.fractionLost, 1 - Math.exp(-0.0005 * 20), 1e-9);
  });

  it('follows the account for 3 years after the absence by default', () => {
    expect(cost.simulation.days.at(-1)).toBe(Math.ceil(547.875 + 243.5 + 1095.75));
    expect(absenceCost({ activeFor: 100, absentFor: 50, followFor: 30 }).twin.days.at(-1)).toBe(180);
  });

  it('passes its step, start, activity and parameters to both runs and to the equivalent months', () => {
    const activity = schedule.weekly(3);
    const parameters = { neglectDecay: 0.004 };
    const mine = absenceCost({ activeFor: '1 year', absentFor: '3 months', followFor: '6 months', activity, parameters, step: 2, start: 100 });
    for (const run of [mine.simulation, mine.twin]) {
      expect(run.step).toBe(2);
      expect(run.parameters.neglectDecay).toBe(0.004);
      expect(run.final.sinceLaunch).toBe(100 + run.final.day);
    }
    expect(Array.from(mine.twin.equity)).toEqual(Array.from(simulate({ horizon: 365.25 + 91.3125 + 182.625, activity, parameters, step: 2, start: 100 }).equity));
    expect(mine.monthsBefore).toBe(equivalentMonths(mine.equityBefore, { activity, parameters, step: 2 }));
    expect(mine.monthsAfter).toBe(equivalentMonths(mine.equityAfter, { activity, parameters, step: 2 }));
    expect(mine.monthsAfter).toBeLessThan(mine.monthsBefore);
  });

  it('an account that never posted loses nothing (no division by zero)', () => {
    const idle = absenceCost({ activeFor: 100, absentFor: 50, followFor: 30, activity: schedule.none() });
    expect([idle.fractionLost, idle.equityGapAtReturn, idle.interestGapAtReturn, idle.monthsBefore]).toEqual([0, 0, 0, 0]);
  });

  it('the planning tools start by default from the seed’s account at the end of its absence, under the parameters given', () => {
    const run = simulate({ horizon: 547.875 + 243.5, activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) });
    expect(seedAccountAfterAbsence({})).toEqual(run.final);
    expect(seedAccountAfterAbsence({}).day).toBe(792);
    const harsher = seedAccountAfterAbsence({ neglectDecay: 0.01 });
    expect(harsher.day).toBe(792);
    expect(harsher.equity).toBeLessThan(run.final.equity);
  });

  it('says an absence must last', () => {
    expect(() => absenceCost({ activeFor: 10, absentFor: 0 })).toThrow('`absentFor` must be a duration > 0, got 0');
  });

  it.each([
    [{ activeFor: 0, absentFor: 10 }, 'activeFor', ParameterError],
    ['18 months', 'options', InputTypeError],
    [{ activeFor: 10, absentFor: 5, folowFor: 3 }, 'options.folowFor', ParameterError],
    [{ activeFor: 'a year and a bit', absentFor: 5 }, 'activeFor', DurationError],
    [{ activeFor: 10, absentFor: 5, followFor: 'ever' }, 'followFor', DurationError],
    [{ activeFor: 10, absentFor: '8 parsecs' }, 'absentFor', DurationError],
    [{ activeFor: 10, absentFor: 5, parameters: { neglectDecay: -1 } }, 'parameters.neglectDecay', ParameterError],
    [{ activeFor: 10, absentFor: 5, activity: 'weekly' }, 'activity', ParameterError],
  ])('rejects %j naming %s', (options, field, kind) => {
    expect(caught(() => absenceCost(options as never), kind as typeof ParameterError).field).toBe(field);
  });
});
