/**
 * Comparing plans: what each alternative gains or loses against a baseline,
 * when it pays off, and what each month of waiting costs.
 *
 * @module
 */
import { DAYS_PER_MONTH } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { emptyBand, gridDays, scratch, summarise, type Band } from '../ensemble/bands.js';
import { checkEnsembleBudget, runEnsemble } from '../ensemble/ensemble.js';
import { resolveUncertainty, type UncertaintyOptions } from '../ensemble/uncertainty.js';
import { prepareRun, type PreparedRun, type SimulateOptions } from '../model/simulate.js';
import { quantileOfSorted } from '../numerics/quantiles.js';
import { addCompensated, CompensatedSum } from '../numerics/summation.js';
import { knownKeys, plainObject } from '../core/validate.js';
import { figure, percent, presentable, type Presentation } from '../core/present.js';
import { readAccount, sameAccounting, scaleArrays, scaleOf, totalUnit, unitsOf, type Account, type SeriesUnits } from '../model/account.js';

/** A series compared by {@link whatIf}. */
export type ComparedSeries = 'equity' | 'reach' | 'interest';
const COMPARED: readonly ComparedSeries[] = ['equity', 'reach', 'interest'];

/** A value for the baseline, the alternative and their difference. */
export interface Contrast {
  /** The baseline's value (the mean over runs when uncertain). */
  readonly baseline: number;
  /** The alternative's value. */
  readonly alternative: number;
  /** alternative − baseline. */
  readonly difference: number;
}

/** A quantile: its level and its value. */
export interface LevelValue {
  /** The level, e.g. 0.1. */
  readonly level: number;
  /** The value at that level. */
  readonly value: number;
}

/** How one alternative compares with the baseline. */
export interface AlternativeOutcome {
  /** The alternative's name. */
  readonly name: string;
  /** alternative − baseline per grid point (the mean over runs when uncertain). */
  readonly difference: Readonly<Record<ComparedSeries, Float64Array>>;
  /** Bands of the difference per grid point, when run under uncertainty. */
  readonly bands?: Readonly<Record<ComparedSeries, Band>>;
  /** Equity at the horizon. */
  readonly equityAtHorizon: Contrast;
  /** Interest at the horizon. */
  readonly interestAtHorizon: Contrast;
  /** Interest gained (> 0) or lost (< 0) over the whole run: Σ (alternative − baseline) × step. */
  readonly totalInterest: number;
  /** Quantiles over runs of `totalInterest`, when uncertain. */
  readonly totalInterestQuantiles?: readonly LevelValue[];
  /**
   * Days from the start until the cumulative interest difference turns positive
   * for good (it stays > 0 to the horizon); `null` if it never does.
   */
  readonly paysOffAfter: number | null;
  /** The same in months. */
  readonly paysOffAfterMonths: number | null;
  /** Share of runs in which the alternative is ahead on total interest at the horizon (1 or 0 without uncertainty). */
  readonly probabilityAhead: number;
}

/** The result of {@link whatIf}. */
export interface WhatIfResult {
  /** The grid's days. */
  readonly days: Float64Array;
  /** The number of runs (1 without uncertainty). */
  readonly runs: number;
  /** One outcome per alternative, in the order given. */
  readonly alternatives: readonly AlternativeOutcome[];
  /** The account every scenario is for, or null (model units). */
  readonly account: Account | null;
  /** What each series is counted in: views and leads a day with an account's scales, else model units. */
  readonly units: SeriesUnits;
  /** The headline numbers, one row per alternative, as plain data. */
  summary(): WhatIfSummary;
}

/** The headline numbers of a {@link whatIf} (see {@link WhatIfResult.summary}). */
export interface WhatIfSummary {
  /** The number of runs (1 without uncertainty). */
  readonly runs: number;
  /** What `totalInterest` is counted in: `'leads'` with an account. */
  readonly interestUnit: string;
  /** Per alternative: interest gained in all (alternative − baseline), months until it pays off for good (null: never), the share of runs ahead. */
  readonly alternatives: readonly AlternativeSummary[];
}

/** One alternative of a {@link whatIf} in numbers. */
export interface AlternativeSummary {
  /** Its name. */
  readonly name: string;
  /** Interest gained in all (alternative − baseline; mean over runs). */
  readonly totalInterest: number;
  /** Months until that gain turns positive for good; null if it never does. */
  readonly paysOffAfterMonths: number | null;
  /** Share of runs in which it is ahead at the horizon. */
  readonly probabilityAhead: number;
}

/** Options of {@link whatIf}: omit them for a deterministic comparison. */
export interface WhatIfOptions extends Partial<UncertaintyOptions> {
  /** The account of every scenario that names none (all scenarios must be counted alike). @defaultValue none: model units */
  readonly account?: Account;
}

function whatIfSummary(result: Omit<WhatIfResult, 'summary'>): WhatIfSummary {
  return {
    runs: result.runs,
    interestUnit: totalUnit(result.units.interest),
    alternatives: result.alternatives.map((a) => ({ name: a.name, totalInterest: a.totalInterest, paysOffAfterMonths: a.paysOffAfterMonths, probabilityAhead: a.probabilityAhead })),
  };
}

const WHAT_IF_PRESENTATION: Presentation<Omit<WhatIfResult, 'summary'>, WhatIfSummary> = {
  summary: whatIfSummary,
  lines: (result) => {
    const s = whatIfSummary(result);
    return [
      `WhatIfResult: ${result.alternatives.length} alternative${result.alternatives.length === 1 ? '' : 's'} against the baseline, ${s.runs === 1 ? 'one run' : `${figure(s.runs)} runs`}, ${result.account === null ? 'model units' : `account "${result.account.name}"`}`,
      ...s.alternatives.slice(0, 12).map(
        (a) =>
          `  ${JSON.stringify(a.name)}: ${a.totalInterest >= 0 ? '+' : ''}${figure(a.totalInterest)} ${s.interestUnit} in all, ${a.paysOffAfterMonths === null ? 'never pays off' : `pays off after ${figure(a.paysOffAfterMonths)} months`}${s.runs === 1 ? '' : `, ahead in ${percent(a.probabilityAhead)} of runs`}`,
      ),
      ...(s.alternatives.length > 12 ? [`  … and ${s.alternatives.length - 12} more`] : []),
      '  also: days, alternatives[i].difference (and .bands under uncertainty), equityAtHorizon, interestAtHorizon; .summary()',
    ];
  },
};

function paysOff(cumulative: Float64Array, days: Float64Array): number | null {
  const n = cumulative.length;
  if (!(cumulative[n - 1]! > 0)) return null;
  let i = n - 1;
  while (i > 0 && cumulative[i - 1]! > 0) i--;
  return days[i]! - days[0]!;
}

/**
 * Compare alternatives with a baseline on the same grid: the difference series
 * of equity, reach and interest, the values at the horizon, the interest gained
 * or lost in all, and the time until it pays off. With `runs` and `seed` (and
 * `uncertain`, `noise`), every run uses the same draws for the baseline and all
 * alternatives (common random numbers), and the differences come with bands.
 *
 * @param baseline - the scenario to compare against, as for {@link simulate}.
 * @param alternatives - named scenarios on the same grid (same horizon, step and start day).
 * @throws {@link ParameterError} for scenarios on different grids, or invalid options.
 * @example
 * ```ts
 * import { whatIf, schedule } from 'relationship-equity';
 * const away = schedule.reference().pause({ from: '18 months', for: '8 months' });
 * const result = whatIf(
 *   { horizon: '4 years', activity: away },
 *   { 'daily on return': { horizon: '4 years', activity: away.change({ at: '26 months', postsPerDay: 1 }) } },
 * );
 * const daily = result.alternatives[0];
 * daily.totalInterest > 0; // true: posting daily on return brings more interest in all
 * daily.paysOffAfterMonths; // ≈ 26: from the day it starts
 * ```
 */
export function whatIf(
  baseline: SimulateOptions,
  alternatives: Readonly<Record<string, SimulateOptions>>,
  options: WhatIfOptions = {},
): WhatIfResult {
  const { o, names, base, others } = readScenarios(baseline, alternatives, options);
  const uncertain = o.runs !== undefined;
  const uncertainty = resolveUncertainty(uncertain ? o : { runs: 1, seed: 0, levels: [0.5] }, base.parameters);
  const { runs, levels } = uncertainty;
  const points = base.steps + 1;
  checkEnsembleBudget({ runs, points, scenarios: names.length + 1, series: COMPARED.length, levels: levels.length });
  const days = gridDays(base);
  const step = base.step;

  const scenarios = [base, ...others];
  const bands = others.map(() => Object.fromEntries(COMPARED.map((s) => [s, emptyBand(points, levels)])) as Record<ComparedSeries, ReturnType<typeof emptyBand>>);
  const baseMean = Object.fromEntries(COMPARED.map((s) => [s, new Float64Array(points)])) as Record<ComparedSeries, Float64Array>;
  // Each run's total of the interest difference, kept as a compensated sum.
  const cumulative = others.map(() => new Float64Array(runs));
  const compensation = others.map(() => new Float64Array(runs));
  const buffers = scratch(runs, levels);

  runEnsemble(scenarios, uncertainty, COMPARED, () => {}, (block) => {
    const b = block.values[0]!;
    for (const series of COMPARED) {
      const baseValues = b[series]!;
      for (let t = 0; t < block.length; t++) {
        let sum = 0;
        for (let r = 0, i = t * block.stride; r < runs; r++, i++) sum += baseValues[i]!;
        baseMean[series][block.from + t] = sum / runs;
      }
      others.forEach((_, a) => {
        const alt = block.values[a + 1]![series]!;
        summarise(block, runs, (r, t) => alt[t * block.stride + r]! - baseValues[t * block.stride + r]!, bands[a]![series], levels, buffers);
        if (series === 'interest') {
          const sums = cumulative[a]!;
          const corrections = compensation[a]!;
          for (let t = 0; t < block.length; t++) {
            for (let r = 0, i = t * block.stride; r < runs; r++, i++) addCompensated(sums, corrections, r, (alt[i]! - baseValues[i]!) * step);
          }
        }
      });
    }
  });

  // The runs are stepped in model units; the account's scales carry reach and interest into its units.
  for (const series of ['reach', 'interest'] as const) {
    const factor = scaleOf(base.account, series);
    scaleArrays(factor, [baseMean[series], ...bands.flatMap((band) => [band[series].mean, ...band[series].quantiles.map((q) => q.values)])]);
    if (series === 'interest') scaleArrays(factor, cumulative);
  }
  const outcomes = names.map((name, a): AlternativeOutcome => {
    const band = bands[a]!;
    const difference = Object.fromEntries(COMPARED.map((s) => [s, band[s].mean])) as Record<ComparedSeries, Float64Array>;
    const meanCumulative = new Float64Array(points);
    const running = new CompensatedSum();
    for (let i = 0; i < points; i++) {
      running.add(difference.interest[i]! * step);
      meanCumulative[i] = running.value;
    }
    const contrast = (series: ComparedSeries): Contrast => {
      const b = baseMean[series][points - 1]!;
      const d = difference[series][points - 1]!;
      return { baseline: b, alternative: b + d, difference: d };
    };
    const totals = cumulative[a]!;
    let ahead = 0;
    for (let r = 0; r < runs; r++) if (totals[r]! > 0) ahead++;
    const after = paysOff(meanCumulative, days);
    const totalsSorted = Float64Array.from(totals).sort();
    return {
      name,
      difference,
      ...(uncertain ? { bands: band } : {}),
      equityAtHorizon: contrast('equity'),
      interestAtHorizon: contrast('interest'),
      totalInterest: meanCumulative[points - 1]!,
      ...(uncertain
        ? {
            totalInterestQuantiles: levels.map((level) => ({ level, value: quantileOfSorted(totalsSorted, level) })),
          }
        : {}),
      paysOffAfter: after,
      paysOffAfterMonths: after === null ? null : after / DAYS_PER_MONTH,
      probabilityAhead: ahead / runs,
    };
  });
  return presentable({ days, runs, alternatives: outcomes, account: base.account, units: unitsOf(base.account) }, WHAT_IF_PRESENTATION);
}

/**
 * The options, and the baseline and the alternatives prepared, each with the
 * options' account unless it names its own: on one grid, and counted alike.
 */
function readScenarios(baseline: unknown, alternatives: unknown, options: unknown): { o: Record<string, unknown>; names: string[]; base: PreparedRun; others: PreparedRun[] } {
  const list = plainObject('alternatives', alternatives);
  const names = Object.keys(list);
  if (names.length === 0) throw new ParameterError('alternatives', alternatives, 'at least one named scenario');
  const o = plainObject('options', options);
  knownKeys('options', o, ['runs', 'seed', 'uncertain', 'posterior', 'noise', 'levels', 'account']);
  const owner = o.account === undefined ? null : readAccount('options.account', o.account);
  const withAccount = (field: string, scenario: unknown): SimulateOptions => {
    const s = plainObject(field, scenario) as unknown as SimulateOptions;
    return owner === null || s.account !== undefined ? s : { ...s, account: owner };
  };
  const base = prepareRun(withAccount('baseline', baseline), 'baseline');
  const others = names.map((name) => prepareRun(withAccount(`alternatives.${name}`, list[name]), `alternatives.${name}`));
  others.forEach((run, i) => {
    sameGrid(base, run, `alternatives.${names[i]}`);
    if (!sameAccounting(base.account, run.account)) {
      throw new ParameterError(`alternatives.${names[i]}.account`, run.account?.name ?? 'none (model units)', `the baseline's units and scales (${base.account === null ? 'model units' : `account "${base.account.name}"`}): compare plans for one account`);
    }
  });
  return { o, names, base, others };
}

function sameGrid(a: PreparedRun, b: PreparedRun, field: string): void {
  if (a.step !== b.step || a.steps !== b.steps || a.initial.day !== b.initial.day) {
    throw new ParameterError(
      field,
      `${b.steps} steps of ${b.step} days from day ${b.initial.day}`,
      `on the baseline's grid (${a.steps} steps of ${a.step} days from day ${a.initial.day}): give the same horizon, step and start`,
    );
  }
}
