/**
 * The claims table of docs/model.md: one test per row, each asserting its band
 * with the default parameters. The bands are written here, independently of
 * the library's own report (`npm run claims`).
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, checkClaims, measureClaim, ParameterError } from 'relationship-equity';
import { caught } from './helpers.js';

describe('claims table (defaults)', () => {
  it('C1: an 8-month absence after 18 months leaves 0.70 ± 0.05 of equity ("lost 30%")', () => {
    const { value } = measureClaim('C1');
    expect(value).toBeGreaterThanOrEqual(0.65);
    expect(value).toBeLessThanOrEqual(0.75);
  });

  it('C2: equity after the absence is worth 9–13 equivalent months ("maybe down to a year")', () => {
    const { value } = measureClaim('C2');
    expect(value).toBeGreaterThanOrEqual(9);
    expect(value).toBeLessThanOrEqual(13);
  });

  it('C3: interest gap at return under a third of the equity gap; it peaks 12–24 months after the absence began', () => {
    const { value, details } = measureClaim('C3');
    expect(details.interestGapAtReturn as number).toBeLessThan((details.equityGapAtReturn as number) / 3);
    expect(value).toBeGreaterThanOrEqual(12);
    expect(value).toBeLessThanOrEqual(24);
  });

  it('C4: an account started at launch ends ahead of one started 2 years later, more so as β grows', () => {
    const { value, details } = measureClaim('C4');
    expect(value).toBeGreaterThan(1);
    expect(details.ratioAtHalfBeta as number).toBeLessThan(value);
    expect(details.ratioAtDoubleBeta as number).toBeGreaterThan(value);
  });

  it('C5: at the end of the absence we are ahead of every newcomer who started during it', () => {
    const { details } = measureClaim('C5');
    expect(details.ourEquity as number).toBeGreaterThan(details.bestNewcomerEquity as number);
  });

  it('C6: daily posting gives 3.5–4.5× the inflow of 1.5 posts a week', () => {
    const { value } = measureClaim('C6');
    expect(value).toBeGreaterThanOrEqual(3.5);
    expect(value).toBeLessThanOrEqual(4.5);
  });

  it('C7: twice a day gives at most 1.3× the inflow of once a day', () => {
    expect(measureClaim('C7').value).toBeLessThanOrEqual(1.3);
  });

  it('C8: quality 1.0 with monthly events reaches further than quality 1.3 without ("giving face")', () => {
    const { details } = measureClaim('C8');
    expect(details.reachWithEvents as number).toBeGreaterThan(details.reachWithQuality as number);
  });

  it('C9: invited before the absence, not by its end; the twin stays invited', () => {
    const { details } = measureClaim('C9');
    const threshold = details.threshold as number;
    expect(details.agendaBefore as number).toBeGreaterThanOrEqual(threshold);
    expect(details.agendaAfter as number).toBeLessThan(threshold);
    expect(details.twinLowestDuringAbsence as number).toBeGreaterThanOrEqual(threshold);
  });

  it('C10: the lead needed is 1/r of the followers’ target: r = 0.3 → 3.3×, r = 0.25 → 4×', () => {
    const { value, details } = measureClaim('C10');
    expect(value).toBeCloseTo(10 / 3, 12);
    expect(details.multipleAt25).toBe(4);
    // the follower model: 30% of what the leader's plan reaches is the followers' target
    expect(Math.abs((details.followerReachesOfTarget as number) - 1)).toBeLessThan(1e-6);
  });

  it('C11: the first 30 days back gain less than 30 days at full momentum, and pre-absence equity is regained', () => {
    const { details } = measureClaim('C11');
    expect(details.gainedFirst30Days as number).toBeLessThan(details.gainedAtFullMomentum as number);
    expect(details.monthsToRegain as number).toBeGreaterThan(0);
    expect(Number.isFinite(details.monthsToRegain as number)).toBe(true);
  });
});

describe('claims table (defaults), planning and monitoring', () => {
  it('C12: with the documented default assumptions, keeping the effort on the own account breaks even after 12–36 months', () => {
    const { value } = measureClaim('C12');
    expect(value).toBeGreaterThanOrEqual(12);
    expect(value).toBeLessThanOrEqual(36);
  });

  it('C13: fed the C1 history, the monitor warns within 28 days of the drop while interest has fallen less than 5%', () => {
    const { value, details } = measureClaim('C13');
    expect(value).toBeLessThanOrEqual(28);
    expect(details.interestFallAtWarning as number).toBeLessThan(0.05);
  });
});

describe('checkClaims', () => {
  it('measures every row, and every row holds with the defaults', () => {
    const rows = checkClaims();
    expect(rows.map((r) => r.id)).toEqual([...CLAIM_IDS]);
    expect(rows.filter((r) => !r.holds).map((r) => r.id)).toEqual([]);
  });

  it('reports rows that fail when the parameters break the story', () => {
    const rows = checkClaims({ parameters: { neglectDecay: 0.004 } });
    const failing = rows.filter((r) => !r.holds).map((r) => r.id);
    expect(failing).toContain('C1');
  });

  it.each([
    ['C1', 'too little decay: 0.89 of equity kept', { neglectDecay: 0 }],
    ['C1', 'too much decay: 0.19 kept', { neglectDecay: 0.01 }],
    ['C2', 'the absence costs too few months', { neglectDecay: 0 }],
    ['C3', 'a short lag: the interest gap at return exceeds a third of the equity gap', { lag: { kind: 'erlang', mean: 20, stages: 2 } }],
    ['C3', 'a long lag: the gap peaks after 24 months', { lag: { kind: 'erlang', mean: 1500, stages: 4 } }],
    ['C4', 'no early bonus: both accounts end level', { earlyBonus: 0 }],
    ['C5', 'fast neglect: newcomers overtake us', { neglectDecay: 0.05 }],
    ['C6', 'no diminishing returns: daily gives 4.7×', { response: { kind: 'linear' } }],
    ['C7', 'no diminishing returns: twice a day gives 2×', { response: { kind: 'linear' } }],
    ['C8', 'events worth nothing', { agendaWeight: 0, eventWeight: 0 }],
    ['C9', 'a threshold never reached', { invitationThreshold: 10 }],
    ['C9', 'a threshold still met after the absence', { invitationThreshold: 0.01 }],
    ['C9', 'a threshold the twin dips below', { invitationThreshold: 1.54 }],
    ['C13', 'a lag so short that interest has fallen by the warning', { lag: { kind: 'erlang', mean: 10, stages: 1 } }],
  ] as const)('%s fails when %s', (id, _why, parameters) => {
    expect(measureClaim(id, { parameters: parameters as never }).holds).toBe(false);
  });

  it('rejects an unknown id', () => {
    expect(caught(() => measureClaim('toString' as never), ParameterError).field).toBe('id');
    expect(caught(() => measureClaim('C99' as never), ParameterError).field).toBe('id');
  });
});
