/**
 * A schedule on a grid of steps: per step, the posting effort (its average and
 * its levels within the step), the events joined, the content quality
 * (averaged over the step), and how much of the step the account was
 * **active** — the measure the model's momentum and neglect read.
 *
 * Activity comes from posts and events, not from effort: a post keeps the
 * account active for the `spread` days after it (a week by default, the same
 * span over which a logged post counts as effort), an event for the day after
 * it. A steady rate of r posts a day is, for activity, a post every 1/r days —
 * the k-th at `at + (k + ½)/r` after the rate starts — so that
 *
 * - a steady rate and an evenly spaced log of the same posts (a post in the
 *   middle of every 1/r days) give the same activity, hence the same neglect and
 *   momentum; their equity differs only in how effort is spread: the rate's evenly,
 *   the log's over the week after each post;
 * - as a rate goes to 0, its first post moves past any horizon, and every result
 *   converges to `schedule.none()` (with the same events);
 * - at a rate of one post a `spread` or more, the posts' windows overlap and the
 *   account is active throughout, as a continuous reading of "posts every week" says.
 *
 * Everything is measured in days and integrated exactly over each step
 * (the activity as a share of the step with where it starts and ends, the
 * effort as its levels), so the model's results do not depend on the step.
 *
 * @internal
 * @module
 */
import { ParameterError } from '../core/errors.js';
import type { ScheduleSpec } from './schedule.js';

/** The schedule sampled on a grid of steps. */
export interface SampledSchedule {
  /** Average posting effort over each step, in posts per day. */
  readonly effort: Float64Array;
  /** Events joined within each step. */
  readonly events: Float64Array;
  /** The events' mean age at the end of their step, in days (0 where there are none): how long their effect has had to decay. */
  readonly eventAge: Float64Array;
  /** Quality multiplier, averaged over each step. */
  readonly quality: Float64Array;
  /** Share of each step the account is active (a post within `spread` days, or an event within a day), in [0, 1]. */
  readonly activity: Float64Array;
  /** Days from the start of each step to its first active moment (0 where the step is inactive). */
  readonly firstActive: Float64Array;
  /** Days from the start of each step to the end of its last active stretch (0 where the step is inactive). */
  readonly lastActive: Float64Array;
  /**
   * The effort's levels within each step, for the response curve to be averaged
   * exactly: step i's levels are `level[start[i]] … level[start[i + 1] − 1]`, each
   * holding for `share` of the step.
   */
  readonly levels: EffortLevels;
}

/** The effort's levels within each step, in compressed rows: step i's are at `start[i]` … `start[i + 1] − 1`. */
export interface EffortLevels {
  /** Where each step's levels begin (one more entry than steps). */
  readonly start: Int32Array;
  /** The effort, in posts per day, of each level. */
  readonly level: Float64Array;
  /** The share of its step each level holds for. */
  readonly share: Float64Array;
}

/** Days an event keeps the account active. */
export const EVENT_ACTIVITY_DAYS = 1;
/** Most events a schedule may generate over one run, to refuse runaway inputs quickly. */
const MAX_EVENTS = 1_000_000;

/** A time where the state of the sweep changes: the base rate, the logged posts' pulses, the pause depth, the activity depth. */
interface Mark {
  readonly t: number;
  readonly base?: number;
  readonly pulse?: number;
  readonly pause?: number;
  readonly active?: number;
}

/** The pauses merged into disjoint, sorted spans. */
function mergedPauses(spec: ScheduleSpec): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const p of [...spec.pauses].filter((p) => p.to > p.from).sort((a, b) => a.from - b.from)) {
    const last = out[out.length - 1];
    if (last !== undefined && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else out.push({ from: p.from, to: p.to });
  }
  return out;
}

function isPaused(pauses: readonly { from: number; to: number }[], day: number): boolean {
  for (const p of pauses) if (day >= p.from && day < p.to) return true;
  return false;
}

/**
 * Activity windows of the steady rates' posts that can touch [lo, hi): a post
 * every 1/r days from the k-th at `at + (k + ½)/r`, none inside a pause, each
 * active for `spread` days. Where the windows overlap (r · spread ≥ 1), one
 * window per stretch between pauses.
 */
function trainWindows(spec: ScheduleSpec, pauses: readonly { from: number; to: number }[], lo: number, hi: number, marks: Mark[]): void {
  const S = spec.spread;
  spec.rates.forEach((rate, j) => {
    const r = rate.postsPerDay;
    if (!(r > 0)) return;
    const s = rate.at;
    const e = spec.rates[j + 1]?.at ?? Infinity;
    const from = Math.max(s, lo - S);
    const to = Math.min(e, hi);
    if (!(to > from)) return;
    // The stretches of [from, to) between pauses.
    const stretches: [number, number][] = [];
    let u = from;
    for (const p of pauses) {
      if (p.to <= u || p.from >= to) continue;
      if (p.from > u) stretches.push([u, p.from]);
      u = Math.max(u, p.to);
    }
    if (to > u) stretches.push([u, to]);
    // Post k is at s + (k + ½)/r: the first at or after u is k = ⌈r(u − s) − ½⌉.
    const first = (x: number): number => Math.max(0, Math.ceil(r * (x - s) - 0.5));
    const at = (k: number): number => s + (k + 0.5) / r;
    for (const [a, b] of stretches) {
      const k1 = first(a);
      const k2 = first(b) - 1;
      if (k2 < k1) continue;
      if (r * S >= 1) {
        marks.push({ t: at(k1), active: 1 }, { t: at(k2) + S, active: -1 });
      } else {
        for (let k = k1; k <= k2; k++) marks.push({ t: at(k), active: 1 }, { t: at(k) + S, active: -1 });
      }
    }
  });
}

/** The events' days within [from − a day, end), outside pauses (a day before `from` still keeps `from` active). */
function eventDays(spec: ScheduleSpec, pauses: readonly { from: number; to: number }[], from: number, end: number): number[][] {
  const days: number[][] = [];
  for (const rule of spec.eventRules) {
    const stop = rule.until === null ? end : Math.min(end, rule.until);
    const first = Math.max(0, Math.ceil((from - EVENT_ACTIVITY_DAYS - rule.from) / rule.every));
    const expected = (stop - rule.from) / rule.every - first;
    if (expected > MAX_EVENTS) {
      // The schedule is fine; the run is too long for it.
      throw new ParameterError('horizon', `${Math.round(end - from)} days`, `short enough for at most ${MAX_EVENTS} events (one every ${rule.every} days would give ${Math.round(expected)})`);
    }
    const list: number[] = [];
    for (let k = first; ; k++) {
      const day = rule.from + k * rule.every;
      if (day >= stop) break;
      if (day >= from - EVENT_ACTIVITY_DAYS && !isPaused(pauses, day)) list.push(day);
    }
    days.push(list);
  }
  return days;
}

/** The marks of a schedule that matter for steps [from, end), sorted by time. */
function marksOf(spec: ScheduleSpec, pauses: readonly { from: number; to: number }[], from: number, end: number, events: readonly number[][]): Mark[] {
  const marks: Mark[] = [];
  for (const r of spec.rates) marks.push({ t: r.at, base: r.postsPerDay });
  for (const p of spec.loggedPosts) {
    marks.push({ t: p.day, pulse: p.count, active: 1 }, { t: p.day + spec.spread, pulse: -p.count, active: -1 });
  }
  for (const p of pauses) marks.push({ t: p.from, pause: 1 }, { t: p.to, pause: -1 });
  for (const list of events) for (const day of list) marks.push({ t: day, active: 1 }, { t: day + EVENT_ACTIVITY_DAYS, active: -1 });
  for (const e of spec.loggedEvents) {
    if (e.count > 0 && !isPaused(pauses, e.day)) marks.push({ t: e.day, active: 1 }, { t: e.day + EVENT_ACTIVITY_DAYS, active: -1 });
  }
  trainWindows(spec, pauses, from, end, marks);
  return marks.sort((a, b) => a.t - b.t);
}

/** What one step has gathered while the sweep crosses it. */
/**
 * What one step collects as the sweep crosses it: its effort, how long it was
 * active (first and last moment), and the levels of its effort (merged where
 * consecutive levels agree) with how long each holds — written straight into
 * the sampled schedule's level arrays, from `first` on.
 */
class StepTally {
  effort = 0;
  active = 0;
  first = -1;
  last = 0;
  /** Where this step's levels start, and where the next level goes. */
  begin = 0;
  end = 0;

  constructor(
    readonly level: Float64Array,
    readonly length: Float64Array,
  ) {}

  reset(at: number): void {
    this.effort = 0;
    this.active = 0;
    this.first = -1;
    this.last = 0;
    this.begin = at;
    this.end = at;
  }

  /** A stretch of `length` days from `offset` (days into the step) at effort `level`, active or not. */
  add(offset: number, length: number, level: number, active: boolean): void {
    if (!(length > 0)) return;
    this.effort += level * length;
    if (this.end > this.begin && this.level[this.end - 1] === level) this.length[this.end - 1] = this.length[this.end - 1]! + length;
    else {
      this.level[this.end] = level;
      this.length[this.end] = length;
      this.end++;
    }
    if (active) {
      this.active += length;
      if (this.first < 0) this.first = offset;
      this.last = offset + length;
    }
  }
}

/**
 * Sample `spec` on `count` steps of `step` days from day `from`: effort,
 * activity and levels by one sweep over the times where something changes,
 * events counted in their step, quality averaged over it.
 */
export function sampleSchedule(spec: ScheduleSpec, from: number, step: number, count: number): SampledSchedule {
  const end = from + step * count;
  const pauses = mergedPauses(spec);
  const eventLists = eventDays(spec, pauses, from, end);
  const marks = marksOf(spec, pauses, from, end, eventLists);
  const out = {
    effort: new Float64Array(count),
    events: new Float64Array(count),
    eventAge: new Float64Array(count),
    quality: new Float64Array(count),
    activity: new Float64Array(count),
    firstActive: new Float64Array(count),
    lastActive: new Float64Array(count),
  };
  const start = new Int32Array(count + 1);
  // Each step has one level, plus one more for each mark inside it: at most count + marks levels in all.
  const tally = new StepTally(new Float64Array(count + marks.length + 1), new Float64Array(count + marks.length + 1));

  let base = 0;
  let pulses = 0;
  let pauseDepth = 0;
  let activeDepth = 0;
  const apply = (mark: Mark): void => {
    if (mark.base !== undefined) base = mark.base;
    if (mark.pulse !== undefined) {
      pulses += mark.pulse;
      if (Math.abs(pulses) < 1e-9) pulses = 0; // whole counts cancel exactly; guard fractional ones
    }
    if (mark.pause !== undefined) pauseDepth += mark.pause;
    if (mark.active !== undefined) activeDepth += mark.active;
  };
  const spread = spec.spread;
  let m = 0;
  while (m < marks.length && marks[m]!.t <= from) apply(marks[m++]!);
  for (let i = 0; i < count; i++) {
    const a = from + i * step;
    const b = from + (i + 1) * step;
    tally.reset(start[i]!);
    let t = a;
    while (m < marks.length && marks[m]!.t < b) {
      const mark = marks[m]!;
      tally.add(t - a, mark.t - t, pauseDepth > 0 ? 0 : base + pulses / spread, pauseDepth === 0 && activeDepth > 0);
      t = Math.max(t, mark.t);
      apply(mark);
      m++;
    }
    tally.add(t - a, b - t, pauseDepth > 0 ? 0 : base + pulses / spread, pauseDepth === 0 && activeDepth > 0);
    // Keep exact zeros exact: a step with no effort reads as none.
    out.effort[i] = tally.effort > 0 ? tally.effort / step : 0;
    out.activity[i] = Math.min(1, tally.active / step);
    out.firstActive[i] = tally.first < 0 ? 0 : tally.first;
    out.lastActive[i] = tally.first < 0 ? 0 : Math.min(step, tally.last);
    for (let j = tally.begin; j < tally.end; j++) tally.length[j] = tally.length[j]! / step;
    start[i + 1] = tally.end;
  }
  countEvents(spec, pauses, eventLists, from, step, out.events, out.eventAge);
  averageQuality(spec, from, step, out.quality);
  const levels = start[count]!;
  return { ...out, levels: { start, level: tally.level.slice(0, levels), share: tally.length.slice(0, levels) } };
}

/** Events joined within each step, the rules' and the log's, outside pauses, and their mean age at the step's end. */
function countEvents(
  spec: ScheduleSpec,
  pauses: readonly { from: number; to: number }[],
  lists: readonly number[][],
  from: number,
  step: number,
  out: Float64Array,
  age: Float64Array,
): void {
  const end = from + step * out.length;
  const add = (day: number, count: number): void => {
    if (day < from || day >= end) return;
    const index = Math.min(out.length - 1, Math.floor((day - from) / step));
    out[index] = out[index]! + count;
    age[index] = age[index]! + count * (from + (index + 1) * step - day);
  };
  for (const list of lists) for (const day of list) add(day, 1);
  for (const e of spec.loggedEvents) if (!isPaused(pauses, e.day)) add(e.day, e.count);
  for (let i = 0; i < out.length; i++) if (out[i]! > 0) age[i] = age[i]! / out[i]!;
}

/** The quality at a moment: the last span (in the order given) that covers it, else 1. */
function qualityAt(spec: ScheduleSpec, day: number): number {
  let value = 1;
  for (const q of spec.qualities) {
    if (day >= q.from && (q.to === null || day < q.to)) value = q.value;
  }
  return value;
}

/** The quality averaged over each step, piece by piece between the spans' ends. */
function averageQuality(spec: ScheduleSpec, from: number, step: number, out: Float64Array): void {
  if (spec.qualities.length === 0) {
    out.fill(1);
    return;
  }
  const bounds = [...new Set(spec.qualities.flatMap((q) => (q.to === null ? [q.from] : [q.from, q.to])))].sort((a, b) => a - b);
  let j = 0;
  for (let i = 0; i < out.length; i++) {
    const a = from + i * step;
    const b = a + step;
    while (j < bounds.length && bounds[j]! <= a) j++;
    let t = a;
    let sum = 0;
    for (let k = j; k < bounds.length && bounds[k]! < b; k++) {
      sum += qualityAt(spec, 0.5 * (t + bounds[k]!)) * (bounds[k]! - t);
      t = bounds[k]!;
    }
    out[i] = t === a ? qualityAt(spec, 0.5 * (a + b)) : (sum + qualityAt(spec, 0.5 * (t + b)) * (b - t)) / step;
  }
}
