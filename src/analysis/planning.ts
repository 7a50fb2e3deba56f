/**
 * Planning: how far ahead the agency must be of the clients who learn from it,
 * when effort on its own account pays back against client work, and how much
 * of today's effort is realised now rather than later.
 *
 * @module
 */
import { DAYS_PER_MONTH, DAYS_PER_WEEK, DAYS_PER_YEAR, toDays, type Duration } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { seedAccountAfterAbsence } from './seed.js';
import type { ParameterInput } from '../model/parameters.js';
import { schedule as builders, scheduleInput, type Schedule } from '../model/schedule.js';
import { simulate, type ModelState } from '../model/simulate.js';
import { CompensatedSum } from '../numerics/summation.js';
import { finiteNumber, knownKeys, nonNegative, plainObject, positive } from '../core/validate.js';

/**
 * How many times a client's target the leader must reach, when clients who
 * learn from a leader reach a share `transferRate` of what it shows ("you are
 * unlikely to do better than him … maybe 30-50%"): 1 / r.
 *
 * @throws {@link ParameterError} for a rate outside (0, 1].
 * @example
 * ```ts
 * import { requiredLeadMultiple } from 'relationship-equity';
 * requiredLeadMultiple(0.3); // 3.33…: "at least 3-4x more than our client accounts"
 * requiredLeadMultiple(0.25); // 4
 * ```
 */
export function requiredLeadMultiple(transferRate: number): number {
  const r = finiteNumber('transferRate', transferRate);
  if (!(r > 0 && r <= 1)) throw new ParameterError('transferRate', transferRate, 'a share in (0, 1]');
  return 1 / r;
}

/** Options of {@link leaderPlan}. */
export interface LeaderPlanOptions {
  /** The equity a client account should reach by the horizon. */
  readonly clientTarget: number;
  /** The share of the leader's result a follower reaches, in (0, 1]. */
  readonly transferRate: number;
  /** By when. */
  readonly horizon: Duration;
  /** Parameters to change from the defaults (for leader and client alike). @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** Platform events a month, for leader and client alike. @defaultValue 1 */
  readonly eventsPerMonth?: number;
}

/** The result of {@link leaderPlan}. */
export interface LeaderPlan {
  /** The equity the leader must show: clientTarget / transferRate. */
  readonly leaderTarget: number;
  /** The leader's posts per week that reach it by the horizon (`Infinity` if no rate can). */
  readonly leaderPostsPerWeek: number;
  /** The posts per week a client would need to reach its target on its own. */
  readonly clientPostsPerWeek: number;
  /** leaderTarget / clientTarget = 1 / transferRate. */
  readonly resultMultiple: number;
  /** leaderPostsPerWeek / clientPostsPerWeek: effort multiplies faster than results, because of diminishing returns. */
  readonly effortMultiple: number;
}

function postsFor(target: number, horizon: number, parameters: ParameterInput, eventsPerMonth: number): number {
  const equityAt = (postsPerWeek: number): number => {
    let activity = builders.weekly(postsPerWeek);
    if (eventsPerMonth > 0) activity = activity.withEvents({ every: DAYS_PER_MONTH / eventsPerMonth });
    return simulate({ horizon, activity, parameters }).final.equity;
  };
  let lo = 0;
  let hi = 7;
  if (equityAt(lo) >= target) return 0;
  while (equityAt(hi) < target) {
    hi *= 2;
    if (hi > 7 * 64) return Infinity;
  }
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (equityAt(mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The follower model: a client reaches a share `transferRate` of what its
 * leader shows, so to bring clients to `clientTarget` the leader must reach
 * `clientTarget / transferRate`. Returns that lead and the posting it takes,
 * next to what the client would need on its own.
 *
 * @throws {@link ParameterError} for a rate outside (0, 1] or a negative target.
 * @example
 * ```ts
 * import { leaderPlan } from 'relationship-equity';
 * const plan = leaderPlan({ clientTarget: 60, transferRate: 0.3, horizon: '1 year' });
 * plan.resultMultiple; // 3.33…
 * plan.effortMultiple; // larger still: the leader's extra posts meet diminishing returns
 * ```
 */
export function leaderPlan(options: LeaderPlanOptions): LeaderPlan {
  const o = plainObject('options', options);
  knownKeys('options', o, ['clientTarget', 'transferRate', 'horizon', 'parameters', 'eventsPerMonth']);
  const multiple = requiredLeadMultiple(o.transferRate as number);
  const clientTarget = positive('clientTarget', o.clientTarget);
  const horizon = toDays(o.horizon as Duration, 'horizon');
  const parameters = (o.parameters ?? {}) as ParameterInput;
  const events = o.eventsPerMonth === undefined ? 1 : nonNegative('eventsPerMonth', o.eventsPerMonth);
  const leaderTarget = clientTarget * multiple;
  const leaderPostsPerWeek = postsFor(leaderTarget, horizon, parameters, events);
  const clientPostsPerWeek = postsFor(clientTarget, horizon, parameters, events);
  return {
    leaderTarget,
    leaderPostsPerWeek,
    clientPostsPerWeek,
    resultMultiple: multiple,
    effortMultiple: clientPostsPerWeek > 0 ? leaderPostsPerWeek / clientPostsPerWeek : Infinity,
  };
}

/** Options of {@link breakEvenHorizon}. */
export interface BreakEvenOptions {
  /** The effort in question, posts per week. @defaultValue 7 (the seed's new daily posting) */
  readonly postsPerWeek?: number;
  /** The account now. @defaultValue the seed's account at the end of its 8-month absence */
  readonly initial?: Partial<ModelState>;
  /**
   * What one post's worth of client work earns, in interest-days (the unit of
   * interest summed over days). @defaultValue the extra interest per post that
   * the own account brings one year after the effort starts (see below)
   */
  readonly clientValuePerPost?: number;
  /** How far to look for the break-even. @defaultValue `'10 years'` */
  readonly limit?: Duration;
  /** Parameters to change from the defaults. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
}

/** The result of {@link breakEvenHorizon}. */
export interface BreakEven {
  /** Months until keeping the effort on the own account has earned more than moving it to client work, for good (`Infinity` if not within `limit`). */
  readonly months: number;
  /** The client value per post used. */
  readonly clientValuePerPost: number;
  /** Days since the effort started, one per grid point. */
  readonly days: Float64Array;
  /** Cumulative value of keeping the effort on the own account: extra interest, summed. */
  readonly keep: Float64Array;
  /** Cumulative value of moving it to client work. */
  readonly move: Float64Array;
}

/**
 * "If I put in $100 today, what do I get tomorrow?" Effort kept on the own
 * account brings extra interest (against leaving the account idle) that starts
 * slowly and grows; the same effort moved to client work earns at once, at a
 * steady rate. The break-even horizon is when the first has earned more, for
 * good.
 *
 * Default assumption: one post's worth of client work earns what a post on the
 * own account brings in extra interest per day once the effort is a year old —
 * client work pays at the rate the own account reaches after a year. With it,
 * the break-even falls between one and three years (C12).
 *
 * @throws {@link ParameterError} for a negative effort or value.
 * @example
 * ```ts
 * import { breakEvenHorizon } from 'relationship-equity';
 * breakEvenHorizon().months; // ≈ 20: keeping the daily posting wins after about 20 months
 * ```
 */
export function breakEvenHorizon(options: BreakEvenOptions = {}): BreakEven {
  const o = plainObject('options', options);
  knownKeys('options', o, ['postsPerWeek', 'initial', 'clientValuePerPost', 'limit', 'parameters']);
  const postsPerWeek = o.postsPerWeek === undefined ? 7 : positive('postsPerWeek', o.postsPerWeek);
  const parameters = (o.parameters ?? {}) as ParameterInput;
  const limit = toDays((o.limit as Duration | undefined) ?? '10 years', 'limit');
  const initial =
    (o.initial as Partial<ModelState> | undefined) ?? seedAccountAfterAbsence(parameters);
  const now = initial.day ?? 0;
  const effort = builders.weekly(0).change({ at: now, postsPerWeek });
  const kept = simulate({ horizon: limit, parameters, initial, activity: effort });
  const idle = simulate({ horizon: limit, parameters, initial, activity: builders.none() });
  const postsPerDay = postsPerWeek / DAYS_PER_WEEK;
  const oneYear = Math.round(DAYS_PER_YEAR / kept.step);
  const clientValuePerPost =
    o.clientValuePerPost === undefined
      ? (kept.interest[oneYear]! - idle.interest[oneYear]!) / postsPerDay
      : nonNegative('clientValuePerPost', o.clientValuePerPost);
  const n = kept.days.length;
  const days = new Float64Array(n);
  const keep = new Float64Array(n);
  const move = new Float64Array(n);
  const earned = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    days[i] = kept.days[i]! - now;
    keep[i] = earned.value;
    move[i] = clientValuePerPost * postsPerDay * days[i]!;
    earned.add((kept.interest[i]! - idle.interest[i]!) * kept.step);
  }
  let last = n; // the first index from which keep ≥ move to the end
  for (let i = n - 1; i >= 1 && keep[i]! >= move[i]!; i--) last = i;
  return { months: last < n ? days[last]! / DAYS_PER_MONTH : Infinity, clientValuePerPost, days, keep, move };
}

/** Options of {@link effortValueSplit}. */
export interface EffortValueSplitOptions {
  /** What counts as "now". @defaultValue `'1 month'` */
  readonly now?: Duration;
  /** How far to count "later". @defaultValue `'5 years'` */
  readonly horizon?: Duration;
  /** The account's usual activity, on top of which one extra week of effort is added. @defaultValue `schedule.reference()` */
  readonly activity?: Schedule;
  /** How long the account has been active when the extra week is made. @defaultValue `'18 months'` */
  readonly after?: Duration;
  /** Extra posts in that week. @defaultValue 7 */
  readonly extraPosts?: number;
  /** Parameters to change from the defaults. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
}

/** The result of {@link effortValueSplit}. */
export interface EffortValueSplit {
  /** Extra interest within `now` of the effort, as a share of all it brings within `horizon`. */
  readonly now: number;
  /** The rest: the share that arrives later. */
  readonly later: number;
  /** Extra interest summed over the horizon (interest-days). */
  readonly total: number;
}

/**
 * What today's effort is worth now and later: one extra week of posting is
 * added to the account's usual activity, and the extra interest it brings is
 * split into what arrives within `now` and what arrives after, up to `horizon`.
 *
 * @example
 * ```ts
 * import { effortValueSplit } from 'relationship-equity';
 * const split = effortValueSplit();
 * split.now; // ≈ 0.000002: within a month practically nothing of this week's work shows; it all arrives later
 * ```
 */
export function effortValueSplit(options: EffortValueSplitOptions = {}): EffortValueSplit {
  const o = plainObject('options', options);
  knownKeys('options', o, ['now', 'horizon', 'activity', 'after', 'extraPosts', 'parameters']);
  const nowDays = toDays((o.now as Duration | undefined) ?? '1 month', 'now');
  const horizon = toDays((o.horizon as Duration | undefined) ?? '5 years', 'horizon');
  if (!(horizon > nowDays)) throw new ParameterError('horizon', o.horizon, `longer than now (${nowDays} days)`);
  const activity = scheduleInput('activity', o.activity, builders.reference);
  const after = toDays((o.after as Duration | undefined) ?? '18 months', 'after');
  const extra = o.extraPosts === undefined ? 7 : positive('extraPosts', o.extraPosts);
  const parameters = (o.parameters ?? {}) as ParameterInput;
  const usualRate = activity.sample(after, DAYS_PER_WEEK, 1).effort[0]!;
  const boosted = activity.change({ at: after, postsPerDay: usualRate + extra / DAYS_PER_WEEK }).change({ at: after + DAYS_PER_WEEK, postsPerDay: usualRate });
  const base = simulate({ horizon: after + horizon, parameters, activity });
  const more = simulate({ horizon: after + horizon, parameters, activity: boosted });
  const early = new CompensatedSum();
  const total = new CompensatedSum();
  for (let i = 0; i < base.days.length; i++) {
    const t = base.days[i]! - after;
    if (t < 0) continue;
    const gain = (more.interest[i]! - base.interest[i]!) * base.step;
    total.add(gain);
    if (t < nowDays) early.add(gain);
  }
  const now = total.value > 0 ? early.value / total.value : 0;
  return { now, later: 1 - now, total: total.value };
}
