/**
 * Plausible ranges of the model's parameters: what a sensitivity analysis
 * varies when it is not told otherwise. Each range says why — the seed's story
 * pins some parameters only loosely, and these bounds are where its claims
 * still read sensibly, not measurements.
 *
 * @module
 */
import { DAYS_PER_MONTH } from '../core/duration.js';

/** One parameter's plausible range and the reasoning behind it. */
export interface ParameterRange {
  /** `[low, high]` in the parameter's own unit (days for times, per day for decays). */
  readonly range: readonly [number, number];
  /** Why these bounds, in a sentence. */
  readonly reason: string;
}

const RANGES = {
  'response.halfSaturation': {
    range: [0.3, 1.2],
    reason: 'half of the most a day of posting can earn comes at 2 to 8 posts a week: agencies report diminishing returns beyond one post a day, rarely below two a week',
  },
  'response.shape': {
    range: [1, 2.5],
    reason: 'from no threshold at all (1: every post counts most) to a clear one (2.5: a post or two a week barely registers); the seed implies some threshold, not how sharp',
  },
  eventWeight: {
    range: [1, 4],
    reason: "joining a platform event is worth one to four days of full posting: the seed calls events 'giving face' and worth more than a post, but not a month's work",
  },
  earlyBonus: {
    range: [0, 2],
    reason: 'from no early-mover advantage to effort at launch counting three times: the seed speaks of sweat equity, not of its size',
  },
  earlyBonusTime: {
    range: [180, 730],
    reason: 'the early advantage fades over six months to two years — the span in which a platform goes from new to crowded',
  },
  momentumMemory: {
    range: [30, 120],
    reason: 'a platform judges consistency over the last one to four months of posting',
  },
  momentumFloor: {
    range: [0.25, 0.75],
    reason: 'after a long break an account earns a quarter to three quarters of what a consistent one earns for the same post',
  },
  activeDecay: {
    range: [0.00025, 0.001],
    reason: 'while active, equity halves over roughly two to eight years without new effort: slow, but not nothing',
  },
  neglectDecay: {
    range: [0.00075, 0.003],
    reason: "the extra decay of a neglected account: half to twice the default that reproduces the seed's 30% lost over 8 months",
  },
  neglectGrace: {
    range: [14, 60],
    reason: 'a platform notices an absence after two weeks to two months of silence',
  },
  neglectRamp: {
    range: [30, 120],
    reason: 'once noticed, neglect sets in over one to four months: resources are reallocated gradually, not overnight',
  },
  agendaMemory: {
    range: [30, 120],
    reason: "taking part in the platform's events is remembered for one to four months",
  },
  agendaWeight: {
    range: [0.1, 0.4],
    reason: 'a steady events habit lifts reach by some 10% to 40%: the seed counts events as worth having, not as the main lever',
  },
  invitationThreshold: {
    range: [0.5, 2],
    reason: 'an invitation follows from half an event to two events recently joined',
  },
  'lag.mean': {
    range: [6 * DAYS_PER_MONTH, 18 * DAYS_PER_MONTH],
    reason: "business returns show up 'one to two years later' in the seed; a mean lag of 6 to 18 months spreads the bulk of them over that window",
  },
} satisfies Record<string, ParameterRange>;

/**
 * The plausible range of every numeric parameter of the model (nested ones by
 * path, `'response.shape'`), with a sentence of reasoning each. Left out:
 * `interestPerReach` (a pure scale: shares, months and signs do not depend on
 * it, totals are proportional to it) and `lag.stages` (a whole number; vary it
 * by hand). Frozen.
 *
 * @example
 * ```ts
 * import { PARAMETER_RANGES } from 'relationship-equity';
 * PARAMETER_RANGES.neglectDecay.range; // [0.00075, 0.003]
 * Object.keys(PARAMETER_RANGES).length; // 15
 * ```
 */
export const PARAMETER_RANGES: Readonly<Record<string, ParameterRange>> = Object.freeze(
  Object.fromEntries(Object.entries(RANGES).map(([name, { range, reason }]) => [name, Object.freeze({ range: Object.freeze(range), reason })])),
);
