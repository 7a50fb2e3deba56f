/**
 * The cost of waiting: resume now, or in 1, 3 or 6 months? What each month of
 * waiting costs in equity and interest, and when the cost shows.
 *
 * @module
 */
import { DAYS_PER_MONTH, toDays, type Duration } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { knownKeys, plainObject } from '../core/validate.js';
import type { ParameterInput } from '../model/parameters.js';
import { schedule as builders, scheduleInput, type Schedule } from '../model/schedule.js';
import { simulate, type ModelState, type SimulateOptions } from '../model/simulate.js';
import { compensatedSum } from '../numerics/summation.js';
import { seedAccountAfterAbsence } from './seed.js';
import { whatIf } from './what-if.js';
import { figure, months, presentable, type Presentation } from '../core/present.js';
import { accountParameters, readAccount, totalUnit, type Account, type SeriesUnits } from '../model/account.js';

/** Options of {@link costOfDelay}. */
export interface CostOfDelayOptions {
  /**
   * Where the account stands now. @defaultValue the seed's account at the end of
   * its 8-month absence (18 months of the reference schedule, then nothing)
   */
  readonly initial?: Partial<ModelState>;
  /** What the account does once it resumes (account days, as for the run that made `initial`). @defaultValue `schedule.reference()` */
  readonly resume?: Schedule;
  /** The delays to compare, from now. @defaultValue `[0, '1 month', '3 months', '6 months']` */
  readonly resumeAt?: readonly Duration[];
  /** How far ahead to look, from now. @defaultValue `'3 years'` */
  readonly horizon?: Duration;
  /** Parameters to change from the defaults (or from the account's). @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** The account: its parameters and its units — interest then comes in leads. @defaultValue none: model units */
  readonly account?: Account;
}

/** The cost of one delay against resuming at the first (shortest) delay. */
export interface DelayCost {
  /** The delay, in days. */
  readonly delay: number;
  /** The delay, in months. */
  readonly delayMonths: number;
  /** Equity at the horizon. */
  readonly equityAtHorizon: number;
  /** Interest summed over the horizon (× step). */
  readonly totalInterest: number;
  /** Equity lost at the horizon against resuming at the shortest delay. */
  readonly equityCost: number;
  /** Interest lost over the horizon against resuming at the shortest delay. */
  readonly interestCost: number;
  /** Equity and interest lost per month of extra waiting (0 for the shortest delay). */
  readonly costPerMonth: {
    /** Equity lost per month of extra waiting. */
    readonly equity: number;
    /** Interest lost per month of extra waiting. */
    readonly interest: number;
  };
  /** Days from now until the interest shortfall first exceeds 1% (`null` if it never does). */
  readonly costShowsAfter: number | null;
  /** Days from now until the interest shortfall is largest (`null` if there is none). */
  readonly costPeaksAfter: number | null;
}

/** The result of {@link costOfDelay}. */
export interface CostOfDelayResult {
  /** The account day that counts as now. */
  readonly now: number;
  /** One row per delay, shortest first. */
  readonly delays: readonly DelayCost[];
  /** The account, or null (model units). */
  readonly account: Account | null;
  /** What each series is counted in (interest costs are totals of {@link SeriesUnits.interest}: leads with an account). */
  readonly units: SeriesUnits;
  /** The headline numbers, one row per delay, as plain data. */
  summary(): CostOfDelaySummary;
}

/** The headline numbers of a {@link costOfDelay} (see {@link CostOfDelayResult.summary}). */
export interface CostOfDelaySummary {
  /** What the interest figures are counted in: `'leads'` with an account. */
  readonly interestUnit: string;
  /** Per delay: its months, the interest it costs over the horizon, per month of waiting, and when the cost shows and peaks (months from now, null: never). */
  readonly delays: readonly DelaySummary[];
}

/** One delay of a {@link costOfDelay} in numbers. */
export interface DelaySummary {
  /** The delay in months. */
  readonly delayMonths: number;
  /** Interest it costs over the horizon, against the shortest delay. */
  readonly interestCost: number;
  /** That cost per month of extra waiting. */
  readonly interestCostPerMonth: number;
  /** Months from now until the shortfall first exceeds 1% (null: never). */
  readonly costShowsAfterMonths: number | null;
  /** Months from now until it is largest (null: never). */
  readonly costPeaksAfterMonths: number | null;
}

function costOfDelaySummary(result: Omit<CostOfDelayResult, 'summary'>): CostOfDelaySummary {
  const inMonths = (days: number | null) => (days === null ? null : days / DAYS_PER_MONTH);
  return {
    interestUnit: totalUnit(result.units.interest),
    delays: result.delays.map((d) => ({
      delayMonths: d.delayMonths,
      interestCost: d.interestCost,
      interestCostPerMonth: d.costPerMonth.interest,
      costShowsAfterMonths: inMonths(d.costShowsAfter),
      costPeaksAfterMonths: inMonths(d.costPeaksAfter),
    })),
  };
}

const COST_OF_DELAY_PRESENTATION: Presentation<Omit<CostOfDelayResult, 'summary'>, CostOfDelaySummary> = {
  summary: costOfDelaySummary,
  lines: (result) => {
    const s = costOfDelaySummary(result);
    return [
      `CostOfDelayResult: ${s.delays.length} delays from day ${figure(result.now)}, against resuming after ${months(s.delays[0]!.delayMonths)}, ${result.account === null ? 'model units' : `account "${result.account.name}"`}`,
      ...s.delays.slice(1, 13).map(
        (d) =>
          `  wait ${months(d.delayMonths)}: ${figure(d.interestCost)} ${s.interestUnit} lost (${figure(d.interestCostPerMonth)} a month of waiting)${d.costShowsAfterMonths === null ? '' : `, shows after ${months(d.costShowsAfterMonths)}, peaks after ${months(d.costPeaksAfterMonths!)}`}`,
      ),
      ...(s.delays.length > 13 ? [`  … and ${s.delays.length - 13} more`] : []),
      '  also: delays[i] with equity figures; .summary()',
    ];
  },
};

/**
 * Resume now, or in 1, 3 or 6 months? What each month of waiting costs in
 * equity and in interest, and when that cost shows in the interest.
 *
 * @throws {@link ParameterError} for invalid delays or options.
 * @example
 * ```ts
 * import { costOfDelay } from 'relationship-equity';
 * const { delays } = costOfDelay(); // the seed's account, 8 months into its absence
 * delays.map((d) => Math.round(d.costPerMonth.equity)); // [0, 5, 5, 6]: each month of waiting costs more than the last
 * delays[3].costShowsAfter; // 147: days until a 6-month delay shows in the interest (a 1% shortfall)
 * ```
 */
export function costOfDelay(options: CostOfDelayOptions = {}): CostOfDelayResult {
  const o = plainObject('options', options);
  knownKeys('options', o, ['initial', 'resume', 'resumeAt', 'horizon', 'parameters', 'account']);
  const owner = o.account === undefined ? null : readAccount('options.account', o.account);
  const parameters = (o.parameters ?? {}) as ParameterInput;
  const resume = scheduleInput('resume', o.resume, builders.reference);
  const initial = (o.initial as Partial<ModelState> | undefined) ?? seedAccountAfterAbsence(accountParameters(owner, parameters));
  const now = initial.day ?? 0;
  const rawDelays = o.resumeAt ?? [0, '1 month', '3 months', '6 months'];
  if (!Array.isArray(rawDelays) || rawDelays.length === 0) throw new ParameterError('resumeAt', rawDelays, 'a non-empty array of durations');
  const delays = rawDelays.map((d: Duration, i: number) => toDays(d, `resumeAt[${i}]`)).sort((a: number, b: number) => a - b);
  const horizon = toDays((o.horizon as Duration | undefined) ?? '3 years', 'horizon');
  if (!(horizon > delays[delays.length - 1]!)) {
    throw new ParameterError('horizon', o.horizon, `longer than the longest delay (${delays[delays.length - 1]} days)`);
  }
  const scenario = (delay: number): SimulateOptions => ({
    horizon,
    parameters,
    initial,
    activity: delay > 0 ? resume.pause({ from: now, for: delay }) : resume,
    ...(owner === null ? {} : { account: owner }),
  });
  const alternatives = Object.fromEntries(delays.map((d, i) => [`delay ${i}`, scenario(d)]));
  const result = whatIf(scenario(delays[0]!), alternatives);
  const days = result.days;
  const reference = simulate(scenario(delays[0]!));
  const referenceTotal = compensatedSum(reference.interest, reference.step);

  return presentable({
    now,
    account: owner,
    units: result.units,
    delays: result.alternatives.map((alt, i): DelayCost => {
      const delay = delays[i]!;
      const extraMonths = (delay - delays[0]!) / DAYS_PER_MONTH;
      const equityCost = 0 - alt.equityAtHorizon.difference; // 0 − x keeps +0 for no cost
      const interestCost = 0 - alt.totalInterest;
      const shortfall = alt.difference.interest.map((d, t) => (reference.interest[t]! > 0 ? -d / reference.interest[t]! : 0));
      let shows: number | null = null;
      let peak: number | null = null;
      let largest = 0;
      for (let t = 0; t < shortfall.length; t++) {
        if (shows === null && shortfall[t]! > 0.01) shows = days[t]! - now;
        if (shortfall[t]! > largest) {
          largest = shortfall[t]!;
          peak = days[t]! - now;
        }
      }
      return {
        delay,
        delayMonths: delay / DAYS_PER_MONTH,
        equityAtHorizon: alt.equityAtHorizon.alternative,
        totalInterest: referenceTotal + alt.totalInterest,
        equityCost,
        interestCost,
        costPerMonth: extraMonths > 0 ? { equity: equityCost / extraMonths, interest: interestCost / extraMonths } : { equity: 0, interest: 0 },
        costShowsAfter: shows,
        costPeaksAfter: peak,
      };
    }),
  }, COST_OF_DELAY_PRESENTATION);
}
