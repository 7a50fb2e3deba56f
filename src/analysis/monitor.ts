/**
 * The neglect monitor: "there was no constant reminders". Fed an account's
 * activity day by day, it compares recent effort with the account's own
 * baseline and warns when it falls — long before the lagging numbers
 * (interest, inbound clients) move — with how much equity is at stake and
 * when the interest will show it.
 *
 * @module
 */
import { DAYS_PER_MONTH, DAYS_PER_YEAR, positiveDays, toDays, type Duration } from '../core/duration.js';
import { Engine, type EngineState } from '../model/engine.js';
import { InputTypeError, ParameterError, allowedOf } from '../core/errors.js';
import { resolveParameters, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import { Schedule, schedule as builders, type SampledSchedule } from '../model/schedule.js';
import { simulate, finalState, type ModelState } from '../model/simulate.js';
import { finiteNumber, frozenCopy, inRange, knownKeys, plainObject } from '../core/validate.js';
import { isoDateDay } from '../core/dates.js';
import { checkSteps } from '../core/limits.js';
import { accountParameters, readAccount, scaleOf, unitsOf, type Account, type SeriesUnits } from '../model/account.js';
import { figure, presentable, type Presentation } from '../core/present.js';

/** How worried to be. */
export type Severity = 'ok' | 'watch' | 'warning' | 'critical';
const LEVELS: readonly Severity[] = ['ok', 'watch', 'warning', 'critical'];

/** One day of activity. */
export interface DayActivity {
  /** Posts made that day. */
  readonly posts: number;
  /** Platform events or challenges joined that day. @defaultValue 0 */
  readonly events?: number;
  /**
   * The day's date (ISO `YYYY-MM-DD`). Given, the monitor refuses a day pushed
   * twice or out of order, and counts the days skipped since the last push as
   * days without posts or events. Give it on every day or on none.
   * @defaultValue the day after the last one pushed
   */
  readonly date?: string | Date;
}

/** Options of {@link createMonitor} and {@link monitor}. */
export interface MonitorOptions {
  /** Model parameters (on top of the account's). @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** The account: its parameters and its units — interest then comes in leads a day. @defaultValue none: model units */
  readonly account?: Account;
  /** Time from the platform's launch to the first day fed. @defaultValue 0 */
  readonly start?: Duration;
  /** Memory of the baseline: the account's usual effort, as an exponential average. @defaultValue `'90 days'` */
  readonly baseline?: Duration;
  /** Memory of recent effort. @defaultValue `'2 weeks'` */
  readonly recent?: Duration;
  /** Recent effort below this share of the baseline counts as a drop. @defaultValue 0.4 */
  readonly dropRatio?: number;
  /**
   * Days without a post or event that raise a warning. @defaultValue three
   * times the account's usual gap between activities, and at least 21 days
   */
  readonly quietAlert?: Duration;
  /** The fall in interest that counts as "showing". @defaultValue 0.05 */
  readonly interestShows?: number;
}

/** Equity lost if the current quiet continues, as shares of today's equity. */
export interface ProjectedLoss {
  /** After 3 months. */
  readonly months3: number;
  /** After 6 months. */
  readonly months6: number;
  /** After 12 months. */
  readonly months12: number;
}

/** The monitor's view of one day. */
export interface MonitorStatus {
  /** The day (counted from the first day fed, which is day 0). */
  readonly day: number;
  /** How worried to be. */
  readonly severity: Severity;
  /** Days since the last post or event. */
  readonly quietDays: number;
  /** Recent effort as a share of the baseline (1 = as usual). */
  readonly effortRatio: number;
  /** The day the current drop began, or `null` if there is none. */
  readonly began: number | null;
  /** The model's equity today. */
  readonly equity: number;
  /** The model's interest today. */
  readonly interest: number;
  /** Equity lost if nothing is done, or `null` when there is no drop. */
  readonly projected: ProjectedLoss | null;
  /** Days from today until interest falls by `interestShows` if nothing is done (against keeping the baseline effort), or `null`. */
  readonly interestShowsIn: number | null;
  /** The status in words. */
  readonly message: string;
}

/** A status at which the severity rose: what a strategist should be told. */
export interface MonitorWarning extends MonitorStatus {
  /** How worried to be: never `'ok'` in a warning. */
  readonly severity: Exclude<Severity, 'ok'>;
}

/** A day's status from {@link Monitor.push}. */
export interface MonitorUpdate extends MonitorStatus {
  /** Whether the severity rose today. */
  readonly raised: boolean;
}

/** An incremental monitor: feed it one day at a time. */
export interface Monitor {
  /** Feed the next day's activity; returns that day's status and whether it raised a warning. */
  push(day: DayActivity): MonitorUpdate;
  /** The latest status. */
  status(): MonitorStatus;
}

interface Resolved {
  readonly input: ParameterInput;
  readonly account: Account | null;
  /** Leads per unit of interest (1 without an account's interest scale). */
  readonly interestScale: number;
  readonly p: ModelParameters;
  readonly start: number;
  readonly baseline: number;
  readonly recent: number;
  readonly dropRatio: number;
  readonly quietAlert: number | null;
  readonly interestShows: number;
}

function resolveOptions(options: MonitorOptions): Resolved {
  const o = plainObject('options', options);
  knownKeys('options', o, ['parameters', 'start', 'baseline', 'recent', 'dropRatio', 'quietAlert', 'interestShows', 'account']);
  const days = (name: string, fallback: Duration): number => positiveDays(`options.${name}`, o[name] ?? fallback);
  const owner = o.account === undefined ? null : readAccount('options.account', o.account);
  // A frozen copy: changing the caller's object later changes neither the equity nor the projections.
  const input = frozenCopy('options.parameters', accountParameters(owner, o.parameters as ParameterInput | undefined));
  return {
    input,
    account: owner,
    interestScale: scaleOf(owner, 'interest'),
    p: resolveParameters(input),
    start: o.start === undefined ? 0 : toDays(o.start as Duration, 'options.start'),
    baseline: days('baseline', '90 days'),
    recent: days('recent', '2 weeks'),
    dropRatio: o.dropRatio === undefined ? 0.4 : inRange('options.dropRatio', o.dropRatio, 0, 1),
    quietAlert: o.quietAlert === undefined ? null : days('quietAlert', 21),
    interestShows: o.interestShows === undefined ? 0.05 : inRange('options.interestShows', o.interestShows, 0, 1),
  };
}

/**
 * Create an incremental neglect monitor. Each day it updates a baseline and a
 * recent average of effort (posts spread over the trailing week, as the model
 * sees them, plus events), runs the model one day on,
 * and grades the situation:
 *
 * - `watch`: no post or event for two thirds of `quietAlert`, or recent effort
 *   below `dropRatio` of the baseline for a week;
 * - `warning`: no post or event for `quietAlert` days (by default three times the
 *   account's usual gap, at least 21 days), or recent effort below `dropRatio`
 *   of the baseline for three weeks (or below half of it for a week);
 * - `critical`: neglect decay is fully under way (quiet for the grace period plus
 *   the ramp).
 *
 * When the severity rises, `push` says so (`raised`), with the equity that
 * would be lost in 3, 6 and 12 months if nothing changes and the days until the
 * interest falls by `interestShows` against keeping the usual effort.
 *
 * @throws {@link ParameterError} for invalid options or a day with negative or non-numeric counts.
 * @example
 * ```ts
 * import { createMonitor } from 'relationship-equity';
 * const watch = createMonitor();
 * for (const day of dailyActivity) {
 *   const status = watch.push(day); // { posts: 1, events: 0 }
 *   if (status.raised) notify(status.message); // your own reminder: e-mail, chat, a dashboard
 * }
 * ```
 */
export function createMonitor(options: MonitorOptions = {}): Monitor {
  const r = resolveOptions(options);
  const model = new DayModel(r);
  const effort = new EffortTracker(r);
  let current: MonitorStatus | undefined;
  let severity: Severity = 'ok';
  let dropStart: number | null = null;

  let lastDate: number | null | undefined; // undefined: nothing pushed yet; null: pushed without dates
  const push = (activity: DayActivity): MonitorUpdate => {
    const { posts, events, date } = readDay(activity);
    if (lastDate !== undefined && (lastDate === null) !== (date === null)) {
      throw new ParameterError('day.date', activity.date, lastDate === null ? 'absent, as on the days pushed before' : 'given, as on the days pushed before');
    }
    if (date !== null && lastDate !== undefined && lastDate !== null) {
      if (!(date > lastDate)) throw new ParameterError('day.date', activity.date, `after the last day pushed (${isoOfDay(lastDate)}): each day once, in order`);
      for (let skipped = lastDate + 1; skipped < date; skipped++) step(0, 0);
    }
    lastDate = date;
    return step(posts, events);
  };

  const step = (posts: number, events: number): MonitorUpdate => {
    const day = effort.day + 1;
    const spread = model.advance(day, posts, events);
    effort.add(posts, events, spread);
    const next = grade(effort, r);
    let projected: ProjectedLoss | null = null;
    let showsIn: number | null = null;
    if (next !== 'ok') {
      ({ projected, showsIn } = model.projections(effort.baselinePosts, effort.baselineEvents));
      Object.freeze(projected);
      if (dropStart === null) dropStart = effort.quiet > 0 ? effort.lastActive + 1 : day;
    } else {
      dropStart = null;
    }
    const raised = LEVELS.indexOf(next) > LEVELS.indexOf(severity);
    severity = next;
    current = Object.freeze({
      day,
      severity: next,
      quietDays: effort.quiet,
      effortRatio: effort.ratio,
      began: dropStart,
      equity: model.point.equity[0]!,
      interest: model.point.interest[0]! * r.interestScale,
      projected,
      interestShowsIn: showsIn,
      message: describe(next, day, effort, dropStart, projected, showsIn, r.interestShows),
    });
    return Object.freeze({ ...current, raised });
  };

  return {
    push,
    status(): MonitorStatus {
      if (current === undefined) throw new ParameterError('status', undefined, 'asked for after at least one day has been fed');
      return current;
    },
  };
}

/** One day's counts, checked. */
function readDay(activity: DayActivity): { posts: number; events: number; date: number | null } {
  const a = plainObject('day', activity);
  knownKeys('day', a, ['posts', 'events', 'date']);
  if (typeof a.posts !== 'number') throw new InputTypeError('day.posts', a.posts, 'a number of posts');
  const posts = finiteNumber('day.posts', a.posts);
  const events = a.events === undefined ? 0 : finiteNumber('day.events', a.events);
  if (!(posts >= 0)) throw new ParameterError('day.posts', a.posts, 'a number ≥ 0');
  if (!(events >= 0)) throw new ParameterError('day.events', a.events, 'a number ≥ 0');
  return { posts, events, date: a.date === undefined ? null : isoDateDay('day.date', a.date) };
}

/** The ISO date of a day number. */
function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The model fed one day at a time, as the monitor sees the account: posts spread over the trailing week. */
class DayModel {
  private readonly r: Resolved;
  private readonly engine: Engine;
  private readonly state: EngineState;
  /** One day of the plan, rewritten each day: the trailing week's posts as effort; active all day after a post in the week or an event today. */
  private readonly plan: SampledSchedule = {
    effort: new Float64Array(1),
    events: new Float64Array(1),
    eventAge: Float64Array.of(1),
    quality: new Float64Array([1]),
    activity: new Float64Array(1),
    firstActive: new Float64Array(1),
    lastActive: new Float64Array(1),
    levels: { start: Int32Array.of(0, 1), level: new Float64Array(1), share: Float64Array.of(1) },
  };
  private readonly lastWeek = new Float64Array(7);
  /** Equity and interest of the day just fed. */
  readonly point = { equity: new Float64Array(1), interest: new Float64Array(1), offset: 0 };

  constructor(r: Resolved) {
    this.r = r;
    this.engine = new Engine(r.p, 1);
    this.state = this.engine.state({ day: 0, sinceLaunch: r.start, equity: 0, momentum: 0, agenda: 0, quietDays: 0, lagState: [] });
  }

  /** Feed day `day`; returns the effort the model saw that day (posts per day over the trailing week). */
  advance(day: number, posts: number, events: number): number {
    this.lastWeek[day % 7] = posts;
    let week = 0;
    for (const v of this.lastWeek) week += v;
    const plan = this.plan;
    plan.effort[0] = plan.levels.level[0] = week / 7;
    plan.events[0] = events;
    const active = week > 0 || events > 0 ? 1 : 0;
    plan.activity[0] = active;
    plan.lastActive[0] = active;
    this.engine.run(this.state, this.plan, { from: 0, to: 1 }, this.point);
    return this.plan.effort[0]!;
  }

  /** If the account goes quiet from now: equity lost in 3, 6 and 12 months, and the days until interest is down by `interestShows` against keeping the usual effort. */
  projections(usualPosts: number, usualEvents: number): { projected: ProjectedLoss; showsIn: number | null } {
    const { r } = this;
    const now: ModelState = finalState(this.state);
    const idle = simulate({ horizon: 366, activity: builders.none(), parameters: r.input, initial: now });
    const e0 = Math.max(now.equity, 1e-300);
    const loss = (days: number) => 1 - idle.equity[Math.round(days)]! / e0;
    // The twin that keeps the usual effort: the baseline rates of posts and of events.
    let usualActivity = builders.daily(usualPosts);
    if (usualEvents > 0) usualActivity = usualActivity.withEvents({ every: 1 / usualEvents, from: now.day });
    const usual = simulate({ horizon: 366, activity: usualActivity, parameters: r.input, initial: now });
    let showsIn: number | null = null;
    for (let i = 1; i < idle.interest.length; i++) {
      if (usual.interest[i]! > 0 && 1 - idle.interest[i]! / usual.interest[i]! >= r.interestShows) {
        showsIn = i;
        break;
      }
    }
    return { projected: { months3: loss(DAYS_PER_YEAR / 4), months6: loss(DAYS_PER_YEAR / 2), months12: loss(DAYS_PER_YEAR) }, showsIn };
  }
}

/**
 * The account's effort against its own baseline: exponential averages of
 * effort (posts spread over the trailing week, plus events) over the baseline's
 * and the recent memory, normalised by their total weight so that the first
 * weeks are fair averages too; quiet days; days below the drop ratio.
 */
class EffortTracker {
  private readonly r: Resolved;
  private readonly keepBaseline: number;
  private readonly keepRecent: number;
  private weightBaseline = 0;
  private weightRecent = 0;
  private baseline = 0;
  private recent = 0;
  /** Share of days with activity, for the usual gap. */
  private baselineActiveRate = 0;
  /** The last day fed (−1 before the first). */
  day = -1;
  baselinePosts = 0;
  baselineEvents = 0;
  quiet = 0;
  lastActive = -1;
  /** Consecutive days with recent effort below `dropRatio` of the baseline. */
  lowDays = 0;
  /** Recent effort as a share of the baseline (1 until the baseline is established). */
  ratio = 1;
  established = false;

  constructor(r: Resolved) {
    this.r = r;
    this.keepBaseline = Math.exp(-1 / r.baseline);
    this.keepRecent = Math.exp(-1 / r.recent);
  }

  /** The days without a post or event that raise a warning: as set, or three times the usual gap (at least 21). */
  get quietAlert(): number {
    const usualGap = this.baselineActiveRate > 0 ? 1 / this.baselineActiveRate : Infinity;
    return this.r.quietAlert ?? Math.max(21, 3 * usualGap);
  }

  /** Count the next day: its posts and events, and the posts per day the model saw. */
  add(posts: number, events: number, spread: number): void {
    const r = this.r;
    this.day += 1;
    const effort = spread + events;
    const active = posts + events > 0;
    this.weightBaseline = this.keepBaseline * this.weightBaseline + 1;
    this.weightRecent = this.keepRecent * this.weightRecent + 1;
    // m_t = m_{t−1} + (x_t − m_{t−1}) / W_t with W_t = keep · W_{t−1} + 1 is Σ keep^{t−i} x_i / Σ keep^{t−i}.
    const average = (previous: number, value: number, weight: number): number => previous + (value - previous) / weight;
    this.baseline = average(this.baseline, effort, this.weightBaseline);
    this.baselinePosts = average(this.baselinePosts, spread, this.weightBaseline);
    this.baselineEvents = average(this.baselineEvents, events, this.weightBaseline);
    this.recent = average(this.recent, effort, this.weightRecent);
    this.baselineActiveRate = average(this.baselineActiveRate, active ? 1 : 0, this.weightBaseline);
    if (active) {
      this.quiet = 0;
      this.lastActive = this.day;
    } else this.quiet += 1;
    // The baseline is trusted after a baseline's memory of history.
    this.established = this.day >= Math.min(r.baseline, 60) && this.baseline > 0;
    this.ratio = this.established ? this.recent / this.baseline : 1;
    this.lowDays = this.ratio < r.dropRatio ? this.lowDays + 1 : 0;
  }
}

/** How worried to be, from the effort against the baseline and the quiet days. */
function grade(effort: EffortTracker, r: Resolved): Severity {
  if (!effort.established) return 'ok';
  const { quiet, lowDays, ratio, quietAlert } = effort;
  if (quiet >= r.p.neglectGrace + r.p.neglectRamp) return 'critical';
  if (quiet >= quietAlert || lowDays >= 21 || (lowDays >= 7 && ratio < r.dropRatio / 2)) return 'warning';
  if (quiet >= (2 / 3) * quietAlert || lowDays >= 7) return 'watch';
  return 'ok';
}

/** The status in words. */
function describe(severity: Severity, day: number, effort: EffortTracker, since: number | null, projected: ProjectedLoss | null, showsIn: number | null, interestShows: number): string {
  if (severity === 'ok') return `Day ${day}: effort as usual.`;
  const { quiet, ratio } = effort;
  return (
    `Day ${day}: ${severity.toUpperCase()} — ${quiet > 0 ? `no post or event for ${quiet} days` : `effort at ${Math.round(ratio * 100)}% of usual`}` +
    ` (since day ${since}). If nothing changes, equity falls ${Math.round(projected!.months3 * 100)}% in 3 months, ` +
    `${Math.round(projected!.months6 * 100)}% in 6 and ${Math.round(projected!.months12 * 100)}% in 12` +
    (showsIn === null ? '.' : `; interest will be ${Math.round(interestShows * 100)}% down in about ${Math.round(showsIn / DAYS_PER_MONTH)} months.`)
  );
}

/** The result of {@link monitor}. */
export interface MonitorReport {
  /** The warnings raised, in order. */
  readonly warnings: readonly MonitorWarning[];
  /** The severity of every day (0 ok, 1 watch, 2 warning, 3 critical). */
  readonly severity: Uint8Array;
  /** Recent effort as a share of the baseline, every day. */
  readonly effortRatio: Float64Array;
  /** The model's interest, every day (leads a day with an account's interest scale). */
  readonly interest: Float64Array;
  /** The account, or null (model units). */
  readonly account: Account | null;
  /** What each series is counted in. */
  readonly units: SeriesUnits;
  /** The headline numbers as plain data. */
  summary(): MonitorSummary;
}

/** The headline numbers of a {@link monitor} run (see {@link MonitorReport.summary}). */
export interface MonitorSummary {
  /** Days fed. */
  readonly days: number;
  /** Warnings raised. */
  readonly warnings: number;
  /** The day of the first warning (null: none). */
  readonly firstWarningDay: number | null;
  /** The worst severity reached. */
  readonly worst: Severity;
  /** Days at each severity. */
  readonly daysAt: Readonly<Record<Severity, number>>;
}

function monitorSummary(report: Omit<MonitorReport, 'summary'>): MonitorSummary {
  const daysAt = { ok: 0, watch: 0, warning: 0, critical: 0 } as Record<Severity, number>;
  for (const level of report.severity) daysAt[LEVELS[level]!]++;
  const worst = [...LEVELS].reverse().find((level) => daysAt[level] > 0) ?? 'ok';
  return { days: report.severity.length, warnings: report.warnings.length, firstWarningDay: report.warnings[0]?.day ?? null, worst, daysAt };
}

const MONITOR_PRESENTATION: Presentation<Omit<MonitorReport, 'summary'>, MonitorSummary> = {
  summary: monitorSummary,
  lines: (report) => {
    const s = monitorSummary(report);
    return [
      `MonitorReport: ${figure(s.days)} days watched, ${s.warnings} warning${s.warnings === 1 ? '' : 's'} raised, worst: ${s.worst}${report.account === null ? '' : `, account "${report.account.name}"`}`,
      `  days ok ${s.daysAt.ok}, watch ${s.daysAt.watch}, warning ${s.daysAt.warning}, critical ${s.daysAt.critical}`,
      ...report.warnings.slice(0, 5).map((w) => `  ${w.message.length > 200 ? `${w.message.slice(0, 197)}…` : w.message}`),
      ...(report.warnings.length > 5 ? [`  … and ${report.warnings.length - 5} more`] : []),
      '  also: warnings, severity, effortRatio and interest (one value a day); .summary()',
    ];
  },
};

/** Model steps a day may cost the monitor at most: the day itself and, on a day that is not ok, two projections a year out. */
const PROJECTION_STEPS = 1 + 2 * 367;

/**
 * Run the neglect monitor over a whole history: a list of days, or a
 * {@link Schedule} sampled daily over `days` days.
 *
 * @throws {@link ParameterError} for invalid options or days (a bad day is named by its place: `history[3].posts`).
 * @example
 * ```ts
 * import { monitor, schedule } from 'relationship-equity';
 * const history = schedule.reference().pause({ from: '18 months', for: '8 months' });
 * const report = monitor(history, { days: 700 });
 * report.warnings[0].day; // a few weeks after day 548, when the absence began
 * ```
 */
export function monitor(history: Schedule | readonly DayActivity[], options: MonitorOptions & { readonly days?: number } = {}): MonitorReport {
  const { days: count, ...rest } = plainObject('options', options) as MonitorOptions & { days?: number };
  let daysIn: DayActivity[];
  if (history instanceof Schedule) {
    if (count === undefined) throw new ParameterError('options.days', count, 'the number of days to sample from the schedule');
    const n = finiteNumber('options.days', count);
    if (!(Number.isInteger(n) && n >= 1)) throw new ParameterError('options.days', count, 'a whole number ≥ 1');
    checkSteps('options.days', count, n * PROJECTION_STEPS, `${n} days, each with its projections`);
    const sampled = history.sample(0, 1, n);
    daysIn = Array.from({ length: n }, (_, i) => ({ posts: sampled.effort[i]!, events: sampled.events[i]! }));
  } else if (Array.isArray(history)) {
    daysIn = [...(history as DayActivity[])];
    checkSteps('history', `${daysIn.length} days`, daysIn.length * PROJECTION_STEPS, `${daysIn.length} days, each with its projections`);
  } else {
    throw new InputTypeError('history', history, 'a Schedule or an array of days ({ posts, events })');
  }
  const m = createMonitor(rest);
  const owner = rest.account === undefined ? null : readAccount('options.account', rest.account);
  const warnings: MonitorWarning[] = [];
  const severity = new Uint8Array(daysIn.length);
  const effortRatio = new Float64Array(daysIn.length);
  const interest = new Float64Array(daysIn.length);
  daysIn.forEach((d, i) => {
    let status;
    try {
      status = m.push(d);
    } catch (error) {
      if (error instanceof ParameterError || error instanceof InputTypeError) {
        // Name the day in the history: the posts of day 3 are `history[3].posts`.
        const field = error.field.replace(/^day/, `history[${i}]`);
        const allowed = allowedOf(error);
        throw error instanceof InputTypeError ? new InputTypeError(field, error.value, allowed) : new ParameterError(field, error.value, allowed);
      }
      throw error;
    }
    severity[i] = LEVELS.indexOf(status.severity);
    effortRatio[i] = status.effortRatio;
    interest[i] = status.interest;
    if (status.raised) {
      const { raised: _raised, ...warning } = status;
      warnings.push(warning as MonitorWarning);
    }
  });
  return presentable({ warnings, severity, effortRatio, interest, account: owner, units: unitsOf(owner) }, MONITOR_PRESENTATION);
}
