/**
 * Which assumptions drive an answer: the library's scalar answers — the share
 * of equity an absence costs, when the interest gap peaks, how long equity
 * takes to come back, total interest, the break-even horizon — or any number
 * read from a run, analysed over the model's parameters by Sobol indices,
 * Morris's elementary effects or one-at-a-time swings.
 *
 * @module
 */
import { DAYS_PER_MONTH, positiveDays, type Duration } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { figure, presentable } from '../core/present.js';
import { knownKeys, plainObject } from '../core/validate.js';
import { morrisEffects, type MorrisResult } from '../numerics/morris.js';
import type { InputRange } from '../numerics/input-ranges.js';
import { sobolIndices, type SobolResult } from '../numerics/sobol-indices.js';
import { swings, type SwingResult } from '../numerics/swings.js';
import { PARAMETER_RANGES } from '../model/parameter-ranges.js';
import { parameterValue, resolveParameters, withParameters, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import { schedule, scheduleInput, type Schedule } from '../model/schedule.js';
import { simulate, type Simulation } from '../model/simulate.js';
import { compare } from './compare.js';
import { breakEvenHorizon } from './planning.js';
import { SEED_ABSENT_FOR, SEED_ACTIVE_FOR } from './seed.js';

/** The library's scalar answers a sensitivity analysis can ask about. */
export type QuestionName = 'equityLost' | 'interestGapPeakMonth' | 'monthsToRegain' | 'totalInterest' | 'breakEvenMonths';

/**
 * The scalar answers {@link sensitivity} can ask about, each in a sentence. Frozen.
 *
 * @example
 * ```ts
 * import { QUESTIONS } from 'relationship-equity';
 * QUESTIONS.equityLost; // 'the share of equity lost over the absence (0.3 = 30%)'
 * ```
 */
export const QUESTIONS: Readonly<Record<QuestionName, string>> = Object.freeze({
  equityLost: 'the share of equity lost over the absence (0.3 = 30%)',
  interestGapPeakMonth: 'months from the start of the absence to the largest interest gap against a twin that never stopped',
  monthsToRegain: 'months after the return until equity is back at its level before the absence',
  totalInterest: 'total interest (inbound clients) over the plan’s horizon',
  breakEvenMonths: 'months until daily posting kept on the own account has earned more than the same effort on client work',
});

/** Options of {@link sensitivity}. */
export interface SensitivityOptions {
  /** One of {@link QUESTIONS}, or a number read from a run of `plan`. */
  readonly question: QuestionName | ((run: Simulation) => number);
  /** The parameters to vary: names of {@link PARAMETER_RANGES} (their ranges), or your own ranges by parameter path. @defaultValue every parameter of PARAMETER_RANGES */
  readonly parameters?: readonly string[] | Readonly<Record<string, InputRange>>;
  /** `'sobol'` (variance shares with their interactions), `'morris'` (cheap screening) or `'swings'` (one at a time, a tornado). @defaultValue `'sobol'` */
  readonly method?: 'sobol' | 'morris' | 'swings';
  /** Sobol's base samples (default 512) or Morris's trajectories (default 20); not used by swings. */
  readonly samples?: number;
  /** The seed (needed by sobol and morris). */
  readonly seed?: string | number;
  /** Bootstrap resamples for the intervals. @defaultValue 200 */
  readonly bootstrap?: number;
  /** Parameters held fixed, changed from the defaults (an account's, say). @defaultValue `{}` */
  readonly base?: ParameterInput;
  /** The absence the absence questions ask about. @defaultValue the seed's: 8 months after 18, followed for 3 years (10 for `monthsToRegain`) */
  readonly absence?: {
    /** Active before the absence. @defaultValue `'18 months'` */
    readonly activeFor?: Duration;
    /** The absence. @defaultValue `'8 months'` */
    readonly absentFor?: Duration;
    /** Followed after it. @defaultValue 3 years (10 for `monthsToRegain`) */
    readonly followFor?: Duration;
  };
  /** The plan: what the account does (paused by the absence questions) and, for `totalInterest` and a function, how long it runs. @defaultValue 5 years of `schedule.reference()` */
  readonly plan?: {
    /** How long `totalInterest` and a function question run. @defaultValue `'5 years'` */
    readonly horizon?: Duration;
    /** What the account does. @defaultValue `schedule.reference()` */
    readonly activity?: Schedule;
  };
}

/** One parameter's importance for the answer, the ranking's entry. */
export interface Importance {
  /** The parameter's path. */
  readonly parameter: string;
  /** Sobol: its total index; Morris: μ*; swings: the swing. */
  readonly importance: number;
}

/** The result of {@link sensitivity}. */
export interface Sensitivity {
  /** The question's name (`'custom'` for a function). */
  readonly question: QuestionName | 'custom';
  /** The method used. */
  readonly method: 'sobol' | 'morris' | 'swings';
  /** The ranges varied, by parameter path. */
  readonly ranges: Readonly<Record<string, InputRange>>;
  /** The answer with every parameter at `base` (the defaults unless changed). */
  readonly baseAnswer: number;
  /** The parameters, most important first. */
  readonly ranking: readonly Importance[];
  /** The Sobol indices (method `'sobol'`), else null. */
  readonly sobol: SobolResult | null;
  /** Morris's effects (method `'morris'`), else null. */
  readonly morris: MorrisResult | null;
  /** The swings (method `'swings'`), else null. */
  readonly swings: SwingResult | null;
  /** Model evaluations made. */
  readonly evaluations: number;
  /** The headline: the ranking, as plain data. */
  summary(): SensitivitySummary;
}

/**
 * The parameters' ranges, read: names of PARAMETER_RANGES or own ranges, each a
 * numeric parameter path of the base parameters (a fitted account with a logistic
 * response varies `response.lambda`, not `response.halfSaturation`). The default,
 * every range of PARAMETER_RANGES, keeps those the base has.
 */
function readParameters(value: unknown, base: ModelParameters): Record<string, InputRange> {
  const known = (name: string, field: string): void => {
    if (parameterValue(base, name) === undefined) throw new ParameterError(field, name, "a numeric parameter's path of the base parameters, such as 'neglectDecay' or 'lag.mean'");
  };
  if (value === undefined) return Object.fromEntries(Object.entries(PARAMETER_RANGES).filter(([name]) => parameterValue(base, name) !== undefined).map(([name, r]) => [name, r.range]));
  if (Array.isArray(value)) {
    if (value.length === 0) throw new ParameterError('parameters', value, 'at least one parameter');
    return Object.fromEntries(
      value.map((name: unknown, i) => {
        if (typeof name !== 'string' || PARAMETER_RANGES[name] === undefined) {
          throw new ParameterError(`parameters[${i}]`, name, `one of ${Object.keys(PARAMETER_RANGES).join(', ')} (or give ranges)`);
        }
        known(name, `parameters[${i}]`);
        return [name, PARAMETER_RANGES[name].range];
      }),
    );
  }
  const own = plainObject('parameters', value);
  Object.keys(own).forEach((name) => known(name, `parameters.${name}`));
  return own as Record<string, InputRange>;
}

/** A question as a function of the parameter input. */
function answerOf(o: Record<string, unknown>): { name: QuestionName | 'custom'; answer: (parameters: ParameterInput) => number } {
  const question = o.question;
  const a = plainObject('absence', o.absence ?? {});
  knownKeys('absence', a, ['activeFor', 'absentFor', 'followFor']);
  const activeFor = a.activeFor === undefined ? SEED_ACTIVE_FOR : positiveDays('absence.activeFor', a.activeFor);
  const absentFor = a.absentFor === undefined ? SEED_ABSENT_FOR : positiveDays('absence.absentFor', a.absentFor);
  const end = activeFor + absentFor;
  const followFor = a.followFor === undefined ? (question === 'monthsToRegain' ? 10 : 3) * 12 * DAYS_PER_MONTH : positiveDays('absence.followFor', a.followFor);
  const p = plainObject('plan', o.plan ?? {});
  knownKeys('plan', p, ['horizon', 'activity']);
  const horizon = p.horizon === undefined ? 5 * 12 * DAYS_PER_MONTH : positiveDays('plan.horizon', p.horizon);
  const activity = scheduleInput('plan.activity', p.activity, schedule.reference);
  const paused = activity.pause({ from: activeFor, for: absentFor });
  const absent = (parameters: ParameterInput, days: number) => simulate({ horizon: days, activity: paused, parameters });
  if (typeof question === 'function') return { name: 'custom', answer: (parameters) => question(simulate({ horizon, activity, parameters })) as number };
  switch (question) {
    case 'equityLost':
      return { name: question, answer: (parameters) => ((run) => 1 - run.at(end).equity / run.at(activeFor).equity)(absent(parameters, end)) };
    case 'interestGapPeakMonth':
      return {
        name: question,
        answer(parameters) {
          const twin = simulate({ horizon: end + followFor, activity, parameters });
          return (compare(absent(parameters, end + followFor), twin).summary.interest.dayOfLargestGap - activeFor) / DAYS_PER_MONTH;
        },
      };
    case 'monthsToRegain':
      return { name: question, answer: (parameters) => monthsToRegain(absent(parameters, end + followFor), activeFor, end, parameters) };
    case 'totalInterest':
      return { name: question, answer: (parameters) => simulate({ horizon, activity, parameters }).total(0, horizon).interest };
    case 'breakEvenMonths':
      return {
        name: question,
        answer(parameters) {
          const result = breakEvenHorizon({ parameters });
          if (result.months === null) throw new ParameterError('parameters', parameters, `values with a break-even: ${result.reason}`);
          return result.months;
        },
      };
    default:
      throw new ParameterError('question', question, `one of ${Object.keys(QUESTIONS).join(', ')}, or a function of a run`);
  }
}

/** Months from `end` until equity is back at its level on `activeFor`; an error naming the parameters when it never is. */
function monthsToRegain(run: Simulation, activeFor: number, end: number, parameters: ParameterInput): number {
  const before = run.at(activeFor).equity;
  for (let i = 0; i < run.days.length; i++) {
    if (run.days[i]! > end && run.equity[i]! >= before) return (run.days[i]! - end) / DAYS_PER_MONTH;
  }
  throw new ParameterError('parameters', parameters, 'values with which equity comes back within absence.followFor (lengthen it, or narrow the ranges)');
}

/** The method's options, read. */
function readMethod(o: Record<string, unknown>): { method: 'sobol' | 'morris' | 'swings'; samples?: number; seed: string | number; bootstrap?: number } {
  const method = o.method ?? 'sobol';
  if (method !== 'sobol' && method !== 'morris' && method !== 'swings') throw new ParameterError('method', method, "'sobol', 'morris' or 'swings'");
  if (method === 'swings') {
    if (o.samples !== undefined) throw new ParameterError('samples', o.samples, 'nothing for swings (they take 2 runs per parameter)');
    return { method, seed: 0 };
  }
  if (typeof o.seed !== 'string' && typeof o.seed !== 'number') throw new InputTypeError('seed', o.seed, `a string or a number (${method} samples at random)`);
  return {
    method,
    seed: o.seed,
    ...(o.samples === undefined ? {} : { samples: o.samples as number }),
    ...(o.bootstrap === undefined ? {} : { bootstrap: o.bootstrap as number }),
  };
}

/**
 * Which of the model's parameters drive an answer, and how much.
 *
 * @throws {@link ParameterError} for an unknown question, parameter or method, bad ranges, a
 * missing seed, or a sampled point where the answer does not exist (no break-even, equity never back).
 * @example
 * ```ts
 * import { sensitivity } from 'relationship-equity';
 * const s = sensitivity({ question: 'equityLost', method: 'swings' });
 * s.ranking[0].parameter; // 'neglectDecay': the neglect decay moves the share lost most
 * ```
 */
export function sensitivity(options: SensitivityOptions): Sensitivity {
  const o = plainObject('options', options);
  knownKeys('options', o, ['question', 'parameters', 'method', 'samples', 'seed', 'bootstrap', 'base', 'absence', 'plan']);
  const base = plainObject('base', o.base ?? {}) as ParameterInput;
  const resolvedBase = resolveParameters(base);
  const ranges = readParameters(o.parameters, resolvedBase);
  const { name, answer } = answerOf(o);
  const { method, ...settings } = readMethod(o);
  const names = Object.keys(ranges);
  const model = (inputs: Record<string, number>): number =>
    answer(
      withParameters(
        base,
        names,
        names.map((n) => inputs[n]!),
        resolvedBase,
      ).input,
    );
  const baseAnswer = answer(base);
  if (typeof baseAnswer !== 'number' || !Number.isFinite(baseAnswer)) throw new ParameterError('question', baseAnswer, 'a question whose answer at the base parameters is a finite number');
  let sobol: SobolResult | null = null;
  let morris: MorrisResult | null = null;
  let swung: SwingResult | null = null;
  let ranking: Importance[];
  if (method === 'sobol') {
    sobol = sobolIndices(model, ranges, { samples: 512, ...settings });
    ranking = names.map((parameter) => ({ parameter, importance: sobol!.indices[parameter]!.total }));
  } else if (method === 'morris') {
    const { samples, ...rest } = settings;
    morris = morrisEffects(model, ranges, { ...rest, ...(samples === undefined ? {} : { trajectories: samples }) });
    ranking = names.map((parameter) => ({ parameter, importance: morris!.effects[parameter]!.meanAbsolute }));
  } else {
    swung = swings(model, ranges, { base: Object.fromEntries(names.map((n) => [n, parameterValue(resolvedBase, n)!])) });
    ranking = swung.swings.map((s) => ({ parameter: s.input, importance: s.swing }));
  }
  ranking.sort((a, b) => b.importance - a.importance);
  const evaluations = 1 + (sobol?.evaluations ?? morris?.evaluations ?? swung!.evaluations);
  const result: Omit<Sensitivity, 'summary'> = { question: name, method, ranges, baseAnswer, ranking, sobol, morris, swings: swung, evaluations };
  return presentable(result, {
    summary: (r): SensitivitySummary => ({ question: r.question, method: r.method, baseAnswer: r.baseAnswer, ranking: r.ranking.map((i) => ({ ...i })), evaluations: r.evaluations }),
    lines: (r) => [
      `Sensitivity of ${r.question} (${r.method}, ${r.evaluations} runs): ${figure(r.baseAnswer)} at the base parameters`,
      ...r.ranking.slice(0, 5).map((i) => `  ${i.parameter.padEnd(24)} ${figure(i.importance)}`),
      ...(r.ranking.length > 5 ? [`  … ${r.ranking.length - 5} more`] : []),
    ],
  });
}

/** The headline of a {@link Sensitivity}: the ranking. */
export interface SensitivitySummary {
  /** The question's name. */
  readonly question: QuestionName | 'custom';
  /** The method used. */
  readonly method: 'sobol' | 'morris' | 'swings';
  /** The answer at the base parameters. */
  readonly baseAnswer: number;
  /** The parameters, most important first. */
  readonly ranking: readonly Importance[];
  /** Model evaluations made. */
  readonly evaluations: number;
}

