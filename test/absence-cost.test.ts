import { describe, expect, it } from 'vitest';
import { DurationError, ParameterError, absenceCost, compare, schedule, simulate } from 'relationship-equity';
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

  it.each([
    [{ activeFor: 0, absentFor: 10 }, 'activeFor', ParameterError],
    [{ activeFor: 10, absentFor: '8 parsecs' }, 'absentFor', DurationError],
    [{ activeFor: 10, absentFor: 5, parameters: { neglectDecay: -1 } }, 'parameters.neglectDecay', ParameterError],
    [{ activeFor: 10, absentFor: 5, activity: 'weekly' }, 'activity', ParameterError],
  ])('rejects %j naming %s', (options, field, kind) => {
    expect(caught(() => absenceCost(options as never), kind as typeof ParameterError).field).toBe(field);
  });
});
