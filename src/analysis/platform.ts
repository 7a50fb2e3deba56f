/**
 * Competitors on one platform: several accounts share the platform's traffic
 * in proportion to their agenda-weighted equity, so when one goes quiet "the
 * resources get reallocated to those still there"; invitations to the
 * platform's events go to the accounts above a threshold or at the top.
 *
 * @module
 */
import { toDays, type Duration } from '../core/duration.js';
import { figure, percent, presentable, type Presentation } from '../core/present.js';
import { Engine, type EngineState } from '../model/engine.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { stepAverage, type KernelRunner } from '../model/lag.js';
import { resolveParameters, type ParameterInput } from '../model/parameters.js';
import { schedule as builders, scheduleInput, type Schedule, type SampledSchedule } from '../model/schedule.js';
import { resolveGrid, type Grid } from '../model/simulate.js';
import { finiteNumber, integerAtLeast, knownKeys, plainObject, positive } from '../core/validate.js';
import { LIMITS, checkMemory, checkSteps } from '../core/limits.js';

/** One account on the platform. */
export interface PlatformAccount {
  /** A name, unique on the platform. */
  readonly name: string;
  /** What it does, in its own days (day 0 = the day it joins). @defaultValue `schedule.reference()` */
  readonly activity?: Schedule;
  /** When it joins, counted from the platform's launch. @defaultValue 0 */
  readonly joins?: Duration;
}

/** Who is invited to the platform's events. */
export type InvitationRule =
  | {
      /** Accounts whose agenda stock is at or above `parameters.invitationThreshold`. */
      readonly rule: 'threshold';
    }
  | {
      /** The `count` accounts with the largest agenda stock (ties all in). */
      readonly rule: 'top';
      /** How many are invited. */
      readonly count: number;
    }
  | {
      /** Accounts whose share of the platform's agenda stock is at least `minimum`. */
      readonly rule: 'share';
      /** The smallest share invited, in (0, 1]. */
      readonly minimum: number;
    };

/** Options of {@link simulatePlatform}. */
export interface PlatformOptions {
  /** The accounts. */
  readonly accounts: readonly PlatformAccount[];
  /** How long to simulate, from the platform's launch. */
  readonly horizon: Duration;
  /** The time step. @defaultValue `'1 day'` */
  readonly step?: Duration;
  /** Parameters shared by every account. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** Reach the platform hands out per day, shared among its accounts. @defaultValue 1000 */
  readonly traffic?: number;
  /** Who is invited to events. @defaultValue `{ rule: 'threshold' }` */
  readonly invitations?: InvitationRule;
}

/** One account's series on the platform (zeros before it joins). */
export interface PlatformAccountSeries {
  /** The account's name. */
  readonly name: string;
  /** The grid point at which it joined. */
  readonly joinedAt: number;
  /** Its equity. */
  readonly equity: Float64Array;
  /** Its agenda stock. */
  readonly agenda: Float64Array;
  /** Its agenda-weighted equity (× quality): its claim on the traffic. */
  readonly weight: Float64Array;
  /** Its share of the platform's traffic, in [0, 1]. */
  readonly share: Float64Array;
  /** Its reach: traffic × share. */
  readonly reach: Float64Array;
  /** Its interest: its reach through the lag. */
  readonly interest: Float64Array;
  /** 1 where it is invited to the platform's events, else 0. */
  readonly invited: Uint8Array;
}

/** The result of {@link simulatePlatform}. */
export interface PlatformResult {
  /** Days since the platform's launch. */
  readonly days: Float64Array;
  /** One entry per account, in the order given. */
  readonly accounts: readonly PlatformAccountSeries[];
  /** The account named `name`. */
  account(name: string): PlatformAccountSeries;
  /** The headline numbers: each account's final equity and share of the platform's traffic. */
  summary(): PlatformSummary;
}

/** The headline numbers of a {@link simulatePlatform} run (see {@link PlatformResult.summary}). */
export interface PlatformSummary {
  /** The run's length in days. */
  readonly days: number;
  /** Per account, in the order given: its equity and its share of the traffic at the end (model units). */
  readonly accounts: readonly {
    /** The account's name. */
    readonly name: string;
    /** Its equity at the end. */
    readonly equity: number;
    /** Its share of the platform's traffic at the end. */
    readonly share: number;
  }[];
}

function platformSummary(result: Omit<PlatformResult, 'summary'>): PlatformSummary {
  const last = result.days.length - 1;
  return {
    days: result.days[last]! - result.days[0]!,
    accounts: result.accounts.map((a) => ({ name: a.name, equity: a.equity[last]!, share: a.share[last]! })),
  };
}

const PLATFORM_PRESENTATION: Presentation<Omit<PlatformResult, 'summary'>, PlatformSummary> = {
  summary: platformSummary,
  lines: (result) => {
    const s = platformSummary(result);
    return [
      `PlatformResult: ${s.accounts.length} account${s.accounts.length === 1 ? '' : 's'} over ${figure(s.days)} days (model units)`,
      ...s.accounts.slice(0, 12).map((a) => `  ${JSON.stringify(a.name)}: equity ${figure(a.equity)} at the end, ${percent(a.share)} of the traffic`),
      ...(s.accounts.length > 12 ? [`  … and ${s.accounts.length - 12} more`] : []),
      "  also: days, accounts[i] with equity, agenda, weight, share, reach, invited series; .account(name), .summary()",
    ];
  },
};

interface Runner {
  readonly name: string;
  readonly joinedAt: number;
  readonly plan: SampledSchedule;
  readonly state: EngineState;
  readonly lag: KernelRunner;
  readonly out: PlatformAccountSeries;
  readonly point: { equity: Float64Array; agenda: Float64Array; reach: Float64Array };
}

/** Numbers an account holds per grid point: six series, its invitations, and its sampled schedule. */
const PLATFORM_SERIES = 15;

/**
 * Simulate several accounts sharing one platform's traffic. Each account's
 * equity, momentum and agenda move as in {@link simulate}; its reach is the
 * platform's traffic times its share of the agenda-weighted equity of all
 * accounts present, and its interest is that reach through the lag.
 *
 * @throws {@link ParameterError} for duplicate names, an invalid rule, or invalid
 * horizons, steps, parameters or schedules.
 * @example
 * ```ts
 * import { simulatePlatform, schedule } from 'relationship-equity';
 * const platform = simulatePlatform({
 *   horizon: '3 years',
 *   accounts: [
 *     { name: 'us', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) },
 *     { name: 'rival' },
 *     { name: 'newcomer', joins: '20 months' },
 *   ],
 * });
 * platform.account('rival').share[800]; // the rival's share of traffic while we are away
 * ```
 */
export function simulatePlatform(options: PlatformOptions): PlatformResult {
  const o = plainObject('options', options);
  knownKeys('options', o, ['accounts', 'horizon', 'step', 'parameters', 'traffic', 'invitations']);
  if (!Array.isArray(o.accounts) || o.accounts.length === 0) throw new ParameterError('accounts', o.accounts, 'a non-empty array of accounts');
  const accountList: unknown[] = [...o.accounts]; // each account read once
  if (accountList.length > LIMITS.platformAccounts) throw new ParameterError('accounts', `${accountList.length} accounts`, `at most ${LIMITS.platformAccounts} accounts`);
  const grid = resolveGrid(o.horizon, o.step);
  const gridPoints = grid.steps + 1;
  checkSteps('horizon', o.horizon, accountList.length * gridPoints, `${accountList.length} accounts over ${gridPoints} grid points`);
  checkMemory('horizon', o.horizon, accountList.length * gridPoints * PLATFORM_SERIES * 8, `${accountList.length} accounts' series over ${gridPoints} grid points`);
  const p = resolveParameters((o.parameters ?? {}) as ParameterInput);
  const traffic = o.traffic === undefined ? 1000 : positive('traffic', o.traffic);
  const rule = resolveRule(o.invitations);
  const points = grid.steps + 1;
  const engine = new Engine(p, grid.step);
  const names = new Set<string>();
  const runners: Runner[] = accountList.map((raw: unknown, i: number) => joinAccount(raw, i, names, engine, grid));

  const days = new Float64Array(points);
  const agendas = new Float64Array(runners.length);
  for (let i = 0; i < points; i++) {
    days[i] = i * grid.step;
    // 1. Every account present records point i and steps to i + 1.
    let total = 0;
    runners.forEach((r, j) => {
      if (i < r.joinedAt) {
        agendas[j] = -1;
        return;
      }
      const k = i - r.joinedAt;
      engine.run(r.state, r.plan, { from: k, to: k + 1, end: points - 1 - r.joinedAt }, { ...r.point, offset: 0 });
      r.out.equity[i] = r.point.equity[0]!;
      r.out.agenda[i] = r.point.agenda[0]!;
      r.out.weight[i] = r.point.reach[0]!; // E · quality · (1 + α·agenda)
      total += r.out.weight[i]!;
      agendas[j] = r.out.agenda[i]!;
    });
    // 2. Traffic is shared by weight; the lag takes each step's average reach.
    for (const r of runners) {
      if (i < r.joinedAt) continue;
      r.out.share[i] = total > 0 ? r.out.weight[i]! / total : 0;
      r.out.reach[i] = traffic * r.out.share[i]!;
      if (i > r.joinedAt) r.lag.push(stepAverage(r.out.reach[i - 1]!, r.out.reach[i]!));
      r.out.interest[i] = p.interestPerReach * r.lag.output();
    }
    // 3. Invitations.
    invite(runners, agendas, i, rule, p.invitationThreshold);
  }

  const accounts = runners.map((r) => r.out);
  return presentable(
    {
      days,
      accounts,
      account(name: string): PlatformAccountSeries {
        const found = accounts.find((a) => a.name === name);
        if (found === undefined) throw new ParameterError('name', name, `one of ${accounts.map((a) => a.name).join(', ')}`);
        return found;
      },
    },
    PLATFORM_PRESENTATION,
  );
}

/** Account `i` of the options, checked, with its plan sampled and its state and series ready. */
function joinAccount(raw: unknown, i: number, names: Set<string>, engine: Engine, grid: Grid): Runner {
  const { horizon, step: h, steps } = grid;
  const points = steps + 1;
  const a = plainObject(`accounts[${i}]`, raw);
  knownKeys(`accounts[${i}]`, a, ['name', 'activity', 'joins']);
  if (typeof a.name !== 'string' || a.name === '') throw new InputTypeError(`accounts[${i}].name`, a.name, 'a non-empty string');
  if (names.has(a.name)) throw new ParameterError(`accounts[${i}].name`, a.name, 'a name no other account uses');
  names.add(a.name);
  const activity = scheduleInput(`accounts[${i}].activity`, a.activity, builders.reference);
  const joins = a.joins === undefined ? 0 : toDays(a.joins as Duration, `accounts[${i}].joins`);
  const joinedAt = Math.round(joins / h);
  if (joinedAt > steps) throw new ParameterError(`accounts[${i}].joins`, a.joins, `within the horizon (${horizon} days)`);
  const series = (): Float64Array => new Float64Array(points);
  const out: PlatformAccountSeries = {
    name: a.name,
    joinedAt,
    equity: series(),
    agenda: series(),
    weight: series(),
    share: series(),
    reach: series(),
    interest: series(),
    invited: new Uint8Array(points),
  };
  return {
    name: a.name,
    joinedAt,
    plan: activity.sampledOnce(0, h, points - joinedAt),
    // The engine steps the account's equity; its interest lags the reach the platform hands it, not its own.
    state: engine.state({ day: 0, sinceLaunch: joinedAt * h, equity: 0, momentum: 0, agenda: 0, quietDays: 0, lagState: [] }, { lag: false }),
    lag: engine.lagRunner(),
    out,
    point: { equity: new Float64Array(1), agenda: new Float64Array(1), reach: new Float64Array(1) },
  };
}

/** Mark at point i who is invited, by the rule; `agendas` holds each account's agenda (−1 before it joins). */
function invite(runners: readonly Runner[], agendas: Float64Array, i: number, rule: InvitationRule, threshold: number): void {
  let totalAgenda = 0;
  runners.forEach((r, j) => {
    if (i >= r.joinedAt) totalAgenda += agendas[j]!;
  });
  const cut = rule.rule === 'top' ? [...agendas].sort((a, b) => b - a)[Math.min(rule.count, runners.length) - 1]! : 0;
  runners.forEach((r, j) => {
    if (i < r.joinedAt) return;
    const a = agendas[j]!;
    const invited =
      rule.rule === 'threshold' ? a >= threshold : rule.rule === 'top' ? a > 0 && a >= cut : totalAgenda > 0 && a / totalAgenda >= rule.minimum;
    r.out.invited[i] = invited ? 1 : 0;
  });
}

function resolveRule(value: unknown): InvitationRule {
  if (value === undefined) return { rule: 'threshold' };
  const o = plainObject('invitations', value);
  switch (o.rule) {
    case 'threshold':
      knownKeys('invitations', o, ['rule']);
      return { rule: 'threshold' };
    case 'top':
      knownKeys('invitations', o, ['rule', 'count']);
      return { rule: 'top', count: integerAtLeast('invitations.count', o.count, 1) };
    case 'share': {
      knownKeys('invitations', o, ['rule', 'minimum']);
      const minimum = finiteNumber('invitations.minimum', o.minimum);
      if (!(minimum > 0 && minimum <= 1)) throw new ParameterError('invitations.minimum', o.minimum, 'a share in (0, 1]');
      return { rule: 'share', minimum };
    }
    default:
      throw new ParameterError('invitations.rule', o.rule, "'threshold', 'top' or 'share'");
  }
}
