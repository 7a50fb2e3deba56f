/**
 * What an absence costs: the seed's question, "what does an 8-month absence
 * cost us, and when will we feel it?"
 *
 * @module
 */
import { compare, type Comparison } from './compare.js';
import { DAYS_PER_MONTH, positiveDays, toDays, type Duration } from '../core/duration.js';
import { equivalentMonths } from './equivalent-months.js';
import type { ParameterInput } from '../model/parameters.js';
import { schedule, scheduleInput, type Schedule } from '../model/schedule.js';
import { simulate, type Simulation } from '../model/simulate.js';
import { knownKeys, plainObject } from '../core/validate.js';
import { figure, percent, presentable, type Presentation } from '../core/present.js';
import { accountParameters, totalUnit, type Account, type SeriesUnits } from '../model/account.js';

/** Options of {@link absenceCost}. */
export interface AbsenceCostOptions {
  /** How long the account was active before the absence, e.g. `'18 months'`. Must be > 0. */
  readonly activeFor: Duration;
  /** How long the absence lasts, e.g. `'8 months'`: no posts and no events. Must be > 0. */
  readonly absentFor: Duration;
  /** What the account does when active (before and after the absence). @defaultValue `schedule.reference()` */
  readonly activity?: Schedule;
  /** Parameters to change from the defaults. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** How long to follow the account after the absence ends. @defaultValue `'3 years'` */
  readonly followFor?: Duration;
  /** Time from the platform's launch to the account's day 0. @defaultValue 0 */
  readonly start?: Duration;
  /** The time step. @defaultValue `'1 day'` */
  readonly step?: Duration;
  /** The account: its parameters (changed by `parameters`) and its units — reach and interest then come in views and leads. @defaultValue none: model units */
  readonly account?: Account;
}

/** The headline numbers of an absence's cost (see {@link AbsenceCost.summary}). */
export interface AbsenceSummary {
  /** Months active before the absence. */
  readonly activeMonths: number;
  /** Months away. */
  readonly absentMonths: number;
  /** Share of equity lost over the absence. */
  readonly shareLost: number;
  /** Share of the twin's interest missing at the return. */
  readonly interestGapAtReturn: number;
  /** The largest share of the twin's interest missing, on any day. */
  readonly interestGapPeak: number;
  /** When that largest gap comes, in months after the absence began. */
  readonly interestGapPeakMonths: number;
  /** The interest the absence costs over the whole run (the twin's total less the account's), in {@link AbsenceSummary.interestUnit}. */
  readonly interestLost: number;
  /** What {@link AbsenceSummary.interestLost} is counted in: `'leads'` with an account, else `'interest (model units)'`. */
  readonly interestUnit: string;
  /** The reach the absence costs over the whole run (the twin's total less the account's), in {@link AbsenceSummary.reachUnit}. */
  readonly reachLost: number;
  /** What {@link AbsenceSummary.reachLost} is counted in: `'views'` with an account's reach scale, else `'reach (model units)'`. */
  readonly reachUnit: string;
}

/** The result of {@link absenceCost}. */
export interface AbsenceCost {
  /** The day the absence began and the day it ended (account days). */
  readonly absence: {
    /** The account day the absence began. */
    readonly from: number;
    /** The account day it ended. */
    readonly to: number;
  };
  /** Equity when the absence began. */
  readonly equityBefore: number;
  /** Equity when it ended. */
  readonly equityAfter: number;
  /** Share of equity lost over the absence: 1 − after / before. */
  readonly fractionLost: number;
  /** {@link equivalentMonths} of the equity before the absence. */
  readonly monthsBefore: number;
  /** {@link equivalentMonths} of the equity after it. */
  readonly monthsAfter: number;
  /** How far equity trails the never-absent twin when the absence ends, as a share of the twin's. */
  readonly equityGapAtReturn: number;
  /** How far interest trails the twin when the absence ends, as a share of the twin's. */
  readonly interestGapAtReturn: number;
  /** Interest's shortfall against the twin, `(twin − account) / twin`, at each of `days`. */
  readonly interestGap: Float64Array;
  /** The grid's days. */
  readonly days: Float64Array;
  /** When interest trails the twin most: the shortfall, its day, and months after the absence began. */
  readonly interestGapPeak: {
    /** The largest shortfall of interest against the twin, as a share of the twin's. */
    readonly gap: number;
    /** The account day it happens. */
    readonly day: number;
    /** Months from the start of the absence to that day. */
    readonly monthsAfterAbsenceBegan: number;
  };
  /** The account's run (with the absence). */
  readonly simulation: Simulation;
  /** The never-absent twin's run. */
  readonly twin: Simulation;
  /** The full comparison of the two runs. */
  readonly comparison: Comparison;
  /** What each series is counted in (views and leads a day with an account). */
  readonly units: SeriesUnits;
  /** The headline numbers as plain data. */
  summary(): AbsenceSummary;
}

function absenceSummary(cost: Omit<AbsenceCost, 'summary'>): AbsenceSummary {
  return {
    activeMonths: cost.absence.from / DAYS_PER_MONTH,
    absentMonths: (cost.absence.to - cost.absence.from) / DAYS_PER_MONTH,
    shareLost: cost.fractionLost,
    interestGapAtReturn: cost.interestGapAtReturn,
    interestGapPeak: cost.interestGapPeak.gap,
    interestGapPeakMonths: cost.interestGapPeak.monthsAfterAbsenceBegan,
    interestLost: -cost.comparison.summary.interest.cumulativeDifference,
    interestUnit: totalUnit(cost.units.interest),
    reachLost: -cost.comparison.summary.reach.cumulativeDifference,
    reachUnit: totalUnit(cost.units.reach),
  };
}

const ABSENCE_PRESENTATION: Presentation<Omit<AbsenceCost, 'summary'>, AbsenceSummary> = {
  summary: absenceSummary,
  lines: (cost) => {
    const s = absenceSummary(cost);
    return [
      `AbsenceCost: ${figure(s.absentMonths)} months away after ${figure(s.activeMonths)} months active${cost.simulation.account === null ? ' (model units)' : `, account "${cost.simulation.account.name}"`}`,
      `  equity lost over the absence  ${percent(s.shareLost)} (${figure(cost.equityBefore)} → ${figure(cost.equityAfter)})`,
      `  interest at the return        ${percent(s.interestGapAtReturn)} below the twin that never stopped`,
      `  largest interest gap          ${percent(s.interestGapPeak)} below the twin, ${figure(s.interestGapPeakMonths)} months after the absence began`,
      `  lost in all                   ${figure(s.reachLost)} ${s.reachUnit}, ${figure(s.interestLost)} ${s.interestUnit}`,
      '  also: simulation, twin, comparison (full runs), interestGap, days; .summary() for these numbers',
    ];
  },
};

/**
 * Simulate an account that is active, goes quiet (no posts, no events), then
 * resumes — next to a twin that never stopped — and report what the absence
 * cost: equity lost, in equivalent months, and when the interest (inbound
 * clients) feels it.
 *
 * @throws {@link ParameterError} or {@link DurationError} for invalid options.
 * @example
 * ```ts
 * import { absenceCost } from 'relationship-equity';
 * const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months' });
 * cost.fractionLost; // ≈ 0.30
 * cost.monthsBefore; // ≈ 18
 * cost.monthsAfter; // ≈ 11
 * cost.interestGapAtReturn; // ≈ 0.12, while equity trails by ≈ 0.45
 * cost.interestGapPeak.monthsAfterAbsenceBegan; // ≈ 20
 * ```
 */
export function absenceCost(options: AbsenceCostOptions): AbsenceCost {
  const o = plainObject('options', options);
  knownKeys('options', o, ['activeFor', 'absentFor', 'activity', 'parameters', 'followFor', 'start', 'step', 'account']);
  const activeFor = positiveDays('activeFor', o.activeFor);
  const absentFor = positiveDays('absentFor', o.absentFor);
  const followFor = toDays((o.followFor as Duration | undefined) ?? '3 years', 'followFor');
  const activity = scheduleInput('activity', o.activity, schedule.reference);
  const parameters = (o.parameters as ParameterInput | undefined) ?? {};
  const common = {
    horizon: activeFor + absentFor + followFor,
    parameters,
    ...(o.account === undefined ? {} : { account: o.account as Account }),
    ...(o.start === undefined ? {} : { start: o.start as Duration }),
    ...(o.step === undefined ? {} : { step: o.step as Duration }),
  };
  const simulation = simulate({ ...common, activity: activity.pause({ from: activeFor, for: absentFor }) });
  const twin = simulate({ ...common, activity });
  const comparison = compare(simulation, twin);
  const end = activeFor + absentFor;
  const before = simulation.at(activeFor);
  const after = simulation.at(end);
  const twinAfter = twin.at(end);
  const shortfall = (a: number, b: number): number => (b === 0 ? 0 : 1 - a / b);
  const peak = comparison.summary.interest;
  const months = (equity: number): number =>
    equivalentMonths(equity, { activity, parameters: accountParameters(simulation.account, parameters), ...(o.step === undefined ? {} : { step: o.step as Duration }) });
  const result: Omit<AbsenceCost, 'summary'> = {
    absence: { from: activeFor, to: end },
    equityBefore: before.equity,
    equityAfter: after.equity,
    fractionLost: shortfall(after.equity, before.equity),
    monthsBefore: months(before.equity),
    monthsAfter: months(after.equity),
    equityGapAtReturn: shortfall(after.equity, twinAfter.equity),
    interestGapAtReturn: shortfall(after.interest, twinAfter.interest),
    interestGap: comparison.interest.gap,
    days: comparison.days,
    interestGapPeak: {
      gap: peak.largestGap,
      day: peak.dayOfLargestGap,
      monthsAfterAbsenceBegan: (peak.dayOfLargestGap - activeFor) / DAYS_PER_MONTH,
    },
    simulation,
    twin,
    comparison,
    units: simulation.units,
  };
  return presentable(result, ABSENCE_PRESENTATION);
}
