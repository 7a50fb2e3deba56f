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
import { accountParameters, readAccount, type Account } from '../model/account.js';
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
  /** The account whose parameters leader and client share (under `parameters`). @defaultValue none */
  readonly account?: Account;
  /** Platform events a month, for leader and client alike. @defaultValue 1 */
  readonly eventsPerMonth?: number;
}

/** The result of {@link leaderPlan}. */
export interface LeaderPlan {
  /**
   * Whether a posting rate (of at most {@link MAX_PLANNED_POSTS_PER_WEEK}) brings both the leader and a
   * client to their targets by the horizon, each needing some posts; when not, `reason` says why and the
   * numbers that cannot be had are `null`.
   */
  readonly reachable: boolean;
  /** Why the plan is not reachable (or why it needs no posts), in a sentence; `null` when it is. */
  readonly reason: string | null;
  /** The equity the leader must show: clientTarget / transferRate. */
  readonly leaderTarget: number;
  /** The leader's posts per week that reach it by the horizon, or `null` if no rate can. */
  readonly leaderPostsPerWeek: number | null;
  /** The posts per week a client would need to reach its target on its own (0 if its events alone do), or `null` if no rate can. */
  readonly clientPostsPerWeek: number | null;
  /** leaderTarget / clientTarget = 1 / transferRate. */
  readonly resultMultiple: number;
  /** leaderPostsPerWeek / clientPostsPerWeek: effort multiplies faster than results, because of diminishing returns; `null` where either is 0 or out of reach. */
  readonly effortMultiple: number | null;
}

/**
 * The most posts a week the planning tools consider: 64 a day. Beyond it a target
 * is called out of reach rather than answered with an absurd rate.
 * @example
 * ```ts
 * import { MAX_PLANNED_POSTS_PER_WEEK } from 'relationship-equity';
 * MAX_PLANNED_POSTS_PER_WEEK; // 448
 * ```
 */
export const MAX_PLANNED_POSTS_PER_WEEK = 7 * 64;

/**
 * The steady plan the planning tools assume: `postsPerWeek` and `eventsPerMonth`
 * events, the k-th in the middle of its interval, like a steady rate's posts (no
 * event at all at a rate too small to give one).
 *
 * @internal
 */
export function steadyPlan(postsPerWeek: number, eventsPerMonth: number): Schedule {
  const activity = builders.weekly(postsPerWeek);
  const every = DAYS_PER_MONTH / eventsPerMonth;
  return eventsPerMonth > 0 && Number.isFinite(every) ? activity.withEvents({ every, from: every / 2 }) : activity;
}

/** Equity by the horizon on the steady plan. */
function equityWith(postsPerWeek: number, horizon: number, parameters: ParameterInput, eventsPerMonth: number): number {
  return simulate({ horizon, activity: steadyPlan(postsPerWeek, eventsPerMonth), parameters }).final.equity;
}

/** The posts per week that reach `target` by the horizon: 0 if events alone do, `null` if no rate up to the maximum does. */
function postsFor(target: number, horizon: number, parameters: ParameterInput, eventsPerMonth: number): { posts: number | null; most: number; none: number } {
  const equityAt = (postsPerWeek: number): number => equityWith(postsPerWeek, horizon, parameters, eventsPerMonth);
  const none = equityAt(0);
  if (none >= target) return { posts: 0, most: NaN, none };
  const most = equityAt(MAX_PLANNED_POSTS_PER_WEEK);
  if (most < target) return { posts: null, most, none };
  let lo = 0;
  let hi = 7;
  while (equityAt(hi) < target) hi = Math.min(2 * hi, MAX_PLANNED_POSTS_PER_WEEK);
  // Bisection to a relative precision of 1e-12 of the rate (equity grows with the rate).
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (equityAt(mid) < target) lo = mid;
    else hi = mid;
  }
  return { posts: 0.5 * (lo + hi), most, none };
}

const round = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

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
  knownKeys('options', o, ['clientTarget', 'transferRate', 'horizon', 'parameters', 'eventsPerMonth', 'account']);
  const owner = o.account === undefined ? null : readAccount('options.account', o.account);
  const multiple = requiredLeadMultiple(o.transferRate as number);
  const clientTarget = positive('clientTarget', o.clientTarget);
  const horizon = toDays(o.horizon as Duration, 'horizon');
  const parameters = accountParameters(owner, o.parameters as ParameterInput | undefined);
  const events = o.eventsPerMonth === undefined ? 1 : nonNegative('eventsPerMonth', o.eventsPerMonth);
  const leaderTarget = clientTarget * multiple;
  const leader = postsFor(leaderTarget, horizon, parameters, events);
  const client = postsFor(clientTarget, horizon, parameters, events);
  const reason =
    leader.posts === null
      ? `no rate of up to ${MAX_PLANNED_POSTS_PER_WEEK} posts a week brings the leader to ${round(leaderTarget)} in ${round(horizon)} days: the most it reaches is ${round(leader.most)}`
      : client.posts === 0
        ? `a client's ${events} event(s) a month alone bring it to ${round(client.none)} by then, above its target of ${round(clientTarget)}: it needs no posts, so there is no effort multiple`
        : null;
  const effortMultiple = leader.posts !== null && client.posts !== null && client.posts > 0 ? leader.posts / client.posts : null;
  return {
    reachable: reason === null,
    reason,
    leaderTarget,
    leaderPostsPerWeek: leader.posts,
    clientPostsPerWeek: client.posts,
    resultMultiple: multiple,
    effortMultiple,
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
  /** Parameters to change from the defaults (or the account's). @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** The account: its parameters and units — the values then count leads (and `clientValuePerPost` is in leads). @defaultValue none: model units */
  readonly account?: Account;
}

/** The result of {@link breakEvenHorizon}. */
export interface BreakEven {
  /** Whether keeping the effort on the own account wins, for good, within `limit`; when not, `reason` says so and `months` is `null`. */
  readonly reachable: boolean;
  /** Why there is no break-even within `limit`, in a sentence; `null` when there is one. */
  readonly reason: string | null;
  /** Months until keeping the effort on the own account has earned more than moving it to client work, for good, or `null` if not within `limit`. */
  readonly months: number | null;
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
  knownKeys('options', o, ['postsPerWeek', 'initial', 'clientValuePerPost', 'limit', 'parameters', 'account']);
  const owner = o.account === undefined ? null : readAccount('options.account', o.account);
  const inUnits = owner === null ? {} : { account: owner };
  const postsPerWeek = o.postsPerWeek === undefined ? 7 : positive('postsPerWeek', o.postsPerWeek);
  const parameters = (o.parameters ?? {}) as ParameterInput;
  const limit = toDays((o.limit as Duration | undefined) ?? '10 years', 'limit');
  const initial =
    (o.initial as Partial<ModelState> | undefined) ?? seedAccountAfterAbsence(accountParameters(owner, parameters));
  const now = initial.day ?? 0;
  const effort = builders.weekly(0).change({ at: now, postsPerWeek });
  const kept = simulate({ horizon: limit, parameters, initial, activity: effort, ...inUnits });
  const idle = simulate({ horizon: limit, parameters, initial, activity: builders.none(), ...inUnits });
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
  if (last === n) {
    const reason = `keeping ${postsPerWeek} posts a week on the own account has not overtaken client work after ${(limit / DAYS_PER_MONTH).toFixed(0)} months (it has earned ${keep[n - 1]!.toPrecision(3)} against ${move[n - 1]!.toPrecision(3)}): no break-even within the limit`;
    return { reachable: false, reason, months: null, clientValuePerPost, days, keep, move };
  }
  return { reachable: true, reason: null, months: days[last]! / DAYS_PER_MONTH, clientValuePerPost, days, keep, move };
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
  /** Parameters to change from the defaults (or the account's). @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** The account: its parameters and units — `total` then counts leads. @defaultValue none: model units */
  readonly account?: Account;
}

/** The result of {@link effortValueSplit}. */
export interface EffortValueSplit {
  /** Whether the extra week brings any extra interest within `horizon` to split; when not, `reason` says so and the shares are `null`. */
  readonly reachable: boolean;
  /** Why there is nothing to split, in a sentence; `null` when there is. */
  readonly reason: string | null;
  /** Extra interest within `now` of the effort, as a share of all it brings within `horizon`, or `null`. */
  readonly now: number | null;
  /** The rest: the share that arrives later, or `null`. */
  readonly later: number | null;
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
  knownKeys('options', o, ['now', 'horizon', 'activity', 'after', 'extraPosts', 'parameters', 'account']);
  const owner = o.account === undefined ? null : readAccount('options.account', o.account);
  const inUnits = owner === null ? {} : { account: owner };
  const nowDays = toDays((o.now as Duration | undefined) ?? '1 month', 'now');
  const horizon = toDays((o.horizon as Duration | undefined) ?? '5 years', 'horizon');
  if (!(horizon > nowDays)) throw new ParameterError('horizon', o.horizon, `longer than now (${nowDays} days)`);
  const activity = scheduleInput('activity', o.activity, builders.reference);
  const after = toDays((o.after as Duration | undefined) ?? '18 months', 'after');
  const extra = o.extraPosts === undefined ? 7 : positive('extraPosts', o.extraPosts);
  const parameters = (o.parameters ?? {}) as ParameterInput;
  const usualRate = activity.sample(after, DAYS_PER_WEEK, 1).effort[0]!;
  const boosted = activity.change({ at: after, postsPerDay: usualRate + extra / DAYS_PER_WEEK }).change({ at: after + DAYS_PER_WEEK, postsPerDay: usualRate });
  const base = simulate({ horizon: after + horizon, parameters, activity, ...inUnits });
  const more = simulate({ horizon: after + horizon, parameters, activity: boosted, ...inUnits });
  const early = new CompensatedSum();
  const total = new CompensatedSum();
  for (let i = 0; i < base.days.length; i++) {
    const t = base.days[i]! - after;
    if (t < 0) continue;
    const gain = (more.interest[i]! - base.interest[i]!) * base.step;
    total.add(gain);
    if (t < nowDays) early.add(gain);
  }
  if (!(total.value > 0)) {
    return { reachable: false, reason: 'the extra week brings no extra interest within the horizon (the lag is longer, or the account earns none): there is nothing to split', now: null, later: null, total: total.value };
  }
  const now = early.value / total.value;
  return { reachable: true, reason: null, now, later: 1 - now, total: total.value };
}
