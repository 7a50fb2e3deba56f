/**
 * Equivalent months: a unit people can feel. How many months of uninterrupted
 * reference effort, from an empty account at the platform's launch, build a
 * given equity?
 *
 * @module
 */
import { DAYS_PER_MONTH, DAYS_PER_YEAR, positiveDays, type Duration } from '../core/duration.js';
import { MAX_STOCK, type ParameterInput } from '../model/parameters.js';
import { schedule, type Schedule } from '../model/schedule.js';
import { simulate, type ModelState } from '../model/simulate.js';
import { knownKeys, plainObject, upTo } from '../core/validate.js';
import { checkSteps } from '../core/limits.js';

/** Options of {@link equivalentMonths}. */
export interface EquivalentMonthsOptions {
  /** The reference effort. @defaultValue `schedule.reference()`: 1.5 posts a week and an event a month */
  readonly activity?: Schedule;
  /** Parameters to change from the defaults. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** The step of the reference run. @defaultValue `'1 day'` */
  readonly step?: Duration;
  /** How far to look: beyond this, the answer is `Infinity`. @defaultValue `'100 years'` */
  readonly limit?: Duration;
}

/**
 * Months of uninterrupted reference effort, from an empty account at the
 * platform's launch, that build `equity` (interpolated between grid points).
 *
 * @param equity - the equity to express (≥ 0).
 * @returns months (0 for 0); `Infinity` if the reference effort never builds that much within `limit`.
 * @throws {@link ParameterError} for a negative or non-finite equity or invalid options.
 *
 * @example
 * ```ts
 * import { equivalentMonths, simulate } from 'relationship-equity';
 * const run = simulate({ horizon: '18 months' });
 * equivalentMonths(run.final.equity); // ≈ 18 (the reference run itself)
 * ```
 */
export function equivalentMonths(equity: number, options: EquivalentMonthsOptions = {}): number {
  const target = upTo('equity', equity, MAX_STOCK, 'a stock of equity');
  const o = plainObject('options', options);
  knownKeys('options', o, ['activity', 'parameters', 'step', 'limit']);
  const activity = (o.activity as Schedule | undefined) ?? schedule.reference();
  const limit = positiveDays('options.limit', o.limit ?? '100 years');
  checkSteps('options.limit', o.limit, limit / (o.step === undefined ? 1 : positiveDays('options.step', o.step)), 'the search for the equity');
  if (target === 0) return 0;
  const chunk = Math.min(limit, 5 * DAYS_PER_YEAR);
  let state: Partial<ModelState> | undefined;
  while (state === undefined || (state.day ?? 0) < limit) {
    const run = simulate({
      horizon: Math.min(chunk, limit - (state?.day ?? 0)),
      activity,
      parameters: (o.parameters as ParameterInput | undefined) ?? {},
      ...(o.step === undefined ? {} : { step: o.step as Duration }),
      ...(state === undefined ? {} : { initial: state }),
    });
    const { days, equity: built } = run;
    for (let i = 1; i < days.length; i++) {
      if (built[i]! >= target) {
        const lo = built[i - 1]!;
        const fraction = (target - lo) / (built[i]! - lo);
        return (days[i - 1]! + fraction * (days[i]! - days[i - 1]!)) / DAYS_PER_MONTH;
      }
    }
    state = run.final;
  }
  return Infinity;
}
