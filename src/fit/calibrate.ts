/**
 * Calibration to real history: fit the model's parameters to what an account
 * actually measured (weekly views, monthly leads, with gaps) by maximum
 * likelihood, with profile-likelihood intervals, whole-number parameters
 * chosen by comparison, checks of the fit, and on request a posterior.
 *
 * The pieces: `observations.ts` reads what was measured, `fit-plan.ts` what to
 * fit, `likelihood.ts` how measurements scatter, `maximum-likelihood.ts` the
 * solver, `profile.ts` the intervals, `diagnostics.ts` the checks,
 * `priors.ts` and `posterior.ts` the posterior.
 *
 * @module
 */
import { type Duration } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { integerAtLeast, knownKeys, plainObject } from '../core/validate.js';
import { checkSteps } from '../core/limits.js';
import { resolveParameters, withParameters, type ParameterInput } from '../model/parameters.js';
import { scheduleInput, type Schedule } from '../model/schedule.js';
import type { Distribution } from '../numerics/distributions.js';
import { studentQuantile } from '../numerics/statistics.js';
import { standardErrors } from './covariance.js';
import { checkFit, type FitDiagnostics } from './fit-checks.js';
import { fitModel, type FitModel } from './fit-model.js';
import { resolveFitPlan, type FitPlan } from './fit-plan.js';
import { forwardJacobian } from './least-squares.js';
import { likelihoodOf, type Likelihood, type LikelihoodName } from './likelihood.js';
import { evaluateAt, fitFree, type FreeFit } from './maximum-likelihood.js';
import { resolveObservations, type ObservedSeries, type Observations } from './observations.js';
import { samplePosterior, type Posterior } from './posterior.js';
import { resolvePriors } from './priors.js';
import { profileCut, profileInterval } from './profile.js';
import { atBound, transformFor } from './transform.js';
import { account, type Account } from '../model/account.js';
import { figure, presentable, type Presentation } from '../core/present.js';

export type { ObservedSeries } from './observations.js';
export type { LikelihoodName } from './likelihood.js';
export type { Posterior, PosteriorSummary } from './posterior.js';
export type { FitDiagnostics } from './fit-checks.js';
export type { ResidualCheck, ResidualChecks } from './diagnostics.js';

/** A history read from an export ({@link historyFromRows}, {@link parseHistoryCsv}): what {@link calibrate} takes of it. */
export interface HistoryActivity {
  /** The posts and events, complete to the history's end. */
  readonly activity: Schedule;
  /** Number of periods covered. */
  readonly periods: number;
}

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** The name of the fitted account ({@link CalibrationResult.account}). @defaultValue `'fitted account'` */
  readonly name?: string;
  /** What the account did, from its day 0: a schedule (`schedule.fromLog`) or a history read from an export (its activity, to its end). */
  readonly history: Schedule | HistoryActivity;
  /** What was measured. */
  readonly observed: ObservedSeries;
  /**
   * The parameters to estimate, by name, as for {@link monteCarlo}: `'neglectDecay'`,
   * `'lag.mean'`, `'response.halfSaturation'`, …; a whole-number one (`'lag.stages'`,
   * `'lag.maxLag'`) is chosen among `candidates` by comparing the fits.
   */
  readonly fit: readonly string[];
  /**
   * How the measurements scatter around the model: `'lognormal'` (noise a share of
   * the level, as views vary), `'negative-binomial'` (counts, zeros allowed) or `'normal'`.
   * @defaultValue `'lognormal'` when every value is above 0, else `'negative-binomial'` when all are whole numbers ≥ 0, else `'normal'`
   */
  readonly likelihood?: LikelihoodName;
  /** Bounds per fitted parameter. @defaultValue 0 to +∞ (0 to 1 for shares) */
  readonly bounds?: Readonly<Record<string, readonly [number, number]>>;
  /** Starting values per fitted parameter. @defaultValue the current (default or given) value */
  readonly initial?: Readonly<Record<string, number>>;
  /** The values to compare for each whole-number parameter fitted. @defaultValue 1–8 stages; ½× to 2× the current window */
  readonly candidates?: Readonly<Record<string, readonly number[]>>;
  /** Parameters held fixed. @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** Time from the platform's launch to the history's day 0. @defaultValue 0 */
  readonly start?: Duration;
  /** Most solver iterations per fit. @defaultValue 200 */
  readonly maxIterations?: number;
  /** `'maximum-likelihood'`, or `'posterior'` for draws from the posterior as well. @defaultValue 'maximum-likelihood' */
  readonly method?: 'maximum-likelihood' | 'posterior';
  /** Priors per fitted parameter (posterior only); see {@link priorsFromBeliefs}. @defaultValue lognormal around the current value (log-sd 1.5), uniform between finite bounds */
  readonly priors?: Readonly<Record<string, Distribution>>;
  /** How many posterior draws. @defaultValue 4000 */
  readonly draws?: number;
  /** The sampler's walkers, an even number ≥ twice the dimensions. @defaultValue 16 (more for more than 7 dimensions) */
  readonly walkers?: number;
  /** Sampler steps discarded before the draws are kept. @defaultValue 500 */
  readonly burnIn?: number;
  /** Sampler steps per kept draw: longer chains for the same draws, so that R̂ can tell. @defaultValue 3 */
  readonly thin?: number;
  /** The posterior's seed (required with `method: 'posterior'`): the same seed gives the same draws. */
  readonly seed?: string | number;
}

/** One fitted parameter. */
export interface FittedParameter {
  /** The most likely value. */
  readonly value: number;
  /** Its standard error from the curvature of the likelihood at the optimum (`Infinity` when the data do not move it). */
  readonly standardError: number;
  /** The 95% profile-likelihood interval; an end the data cannot close is the bound (or ±∞): see `closed`. */
  readonly interval: readonly [number, number];
  /** Whether the data close the interval below and above. */
  readonly closed: readonly [boolean, boolean];
  /** Whether the data pin the parameter down: both ends closed, within the bounds, and the interval no wider than twice the value. */
  readonly identified: boolean;
  /** Whether the value ran to one of its bounds. */
  readonly atBound: boolean;
}

/** A whole-number parameter chosen by comparing fits. */
export interface ChosenParameter {
  /** The value whose fit is most likely. */
  readonly value: number;
  /** Every candidate with its fit's log-likelihood and Akaike information criterion (lower is better). */
  readonly candidates: readonly {
    /** The whole-number value tried. */
    readonly value: number;
    /** The fit's log-likelihood with it. */
    readonly logLikelihood: number;
    /** Its Akaike information criterion, −2 log L + 2k. */
    readonly aic: number;
  }[];
  /** The candidates the data do not reject against the best (a likelihood-ratio test at 5%). */
  readonly supported: readonly number[];
}

/** One observed period and the model's fit to it. */
export interface FittedPoint {
  /** The period's index. */
  readonly period: number;
  /** The measured value. */
  readonly observed: number;
  /** The model's value (scaled). */
  readonly fitted: number;
  /** observed − fitted. */
  readonly residual: number;
}

/** The result of {@link calibrate}. */
export interface CalibrationResult {
  /** Each fitted continuous parameter by name. */
  readonly parameters: Readonly<Record<string, FittedParameter>>;
  /** Each whole-number parameter chosen, by name. */
  readonly choices: Readonly<Record<string, ChosenParameter>>;
  /** Measured units per model unit (views per unit of reach, leads per unit of interest), fitted with the rest (its interval from the standard error). */
  readonly scale: FittedParameter;
  /** The likelihood used, why, and the noise it found. */
  readonly likelihood: {
    /** The noise model the fit used. */
    readonly name: LikelihoodName;
    /** Why it was chosen, in a sentence. */
    readonly reason: string;
    /** σ (normal: of the values; lognormal: of their log, ≈ the relative noise) or the negative binomial's size k. */
    readonly noise: number;
    /** The log-likelihood at the estimate. */
    readonly logLikelihood: number;
    /** −2 log-likelihood + 2 × the quantities estimated (parameters, choices, scale, noise). */
    readonly aic: number;
  };
  /**
   * The fitted parameters as input for {@link simulate} and the other analyses: the
   * identified ones at their estimates, the whole-number choices, the fixed ones —
   * and those the data cannot pin down at their given or default value (listed in `kept`).
   */
  readonly parameterInput: ParameterInput;
  /** The fitted parameters left at their given or default value in `parameterInput` because the data cannot pin them down. */
  readonly kept: readonly string[];
  /** The model's value for every period, scaled to the measurements (at the estimates, identified or not). */
  readonly fitted: Float64Array;
  /** The observed periods with their fit and residual. */
  readonly points: readonly FittedPoint[];
  /** Goodness of fit. */
  readonly goodness: {
    /** Number of observed periods. */
    readonly n: number;
    /** Number of estimated quantities in the model's mean (fitted parameters, choices and the scale). */
    readonly p: number;
    /** Sum of squared residuals (observed − fitted). */
    readonly ssr: number;
    /** Root mean squared residual. */
    readonly rmse: number;
    /** 1 − SSR / SST. */
    readonly rSquared: number;
  };
  /** Checks of the fit: whether the model is adequate for these data, and what is wrong if not. */
  readonly diagnostics: FitDiagnostics;
  /** Solver iterations used by the chosen fit. */
  readonly iterations: number;
  /** Whether the chosen fit converged within `maxIterations`. */
  readonly converged: boolean;
  /** Draws from the posterior, with `method: 'posterior'`. */
  readonly posterior?: Posterior;
  /**
   * The fitted account: `parameterInput` as its parameters and the fitted scale
   * as its measured units per model unit (views per unit of reach, or leads per
   * unit of interest, named by `observed.unit`) — pass it as `account` to the
   * analyses to read their answers in those units. A fit of equity gives no scale.
   */
  readonly account: Account;
  /** The headline numbers as plain data: each parameter's estimate and interval (null where the data cannot pin it down), the scale, whether the model fits, its warnings. */
  summary(): CalibrationSummary;
}

/** An identified estimate in two numbers. */
export interface EstimateSummary {
  /** The estimate. */
  readonly value: number;
  /** Its 95% interval. */
  readonly interval: readonly [number, number];
}

/** The headline numbers of a fit (see {@link CalibrationResult.summary}). */
export interface CalibrationSummary {
  /** Per fitted parameter: its estimate and 95% interval when identified, else null (kept at its default). */
  readonly parameters: Readonly<Record<string, EstimateSummary | null>>;
  /** Each whole-number choice. */
  readonly choices: Readonly<Record<string, number>>;
  /** Measured units per model unit, and what they are. */
  readonly scale: {
    /** The scale's estimate. */
    readonly value: number;
    /** What it counts: `'views per model unit'`. */
    readonly unit: string;
  };
  /** Whether the model is adequate for these data. */
  readonly adequate: boolean;
  /** What is wrong, in sentences (empty when nothing is). */
  readonly warnings: readonly string[];
  /** R² of the fit. */
  readonly rSquared: number;
}

function calibrationSummary(fit: Omit<CalibrationResult, 'summary'>): CalibrationSummary {
  const parameters = Object.fromEntries(Object.entries(fit.parameters).map(([name, p]) => [name, p.identified ? { value: p.value, interval: p.interval } : null]));
  const choices = Object.fromEntries(Object.entries(fit.choices).map(([name, c]) => [name, c.value]));
  const unitName = fit.account.units.reach ?? fit.account.units.interest ?? 'equity (model units)';
  return { parameters, choices, scale: { value: fit.scale.value, unit: `${unitName} per model unit` }, adequate: fit.diagnostics.adequate, warnings: fit.diagnostics.warnings, rSquared: fit.goodness.rSquared };
}

const CALIBRATION_PRESENTATION: Presentation<Omit<CalibrationResult, 'summary'>, CalibrationSummary> = {
  summary: calibrationSummary,
  lines: (fit) => {
    const s = calibrationSummary(fit);
    const rows = Object.entries(fit.parameters).map(([name, p]) =>
      p.identified
        ? `  ${name.padEnd(26)} ${figure(p.value)}  (95%: ${figure(p.interval[0])} to ${figure(p.interval[1])})`
        : `  ${name.padEnd(26)} not pinned down by these data: kept at its default`,
    );
    return [
      `CalibrationResult for "${fit.account.name}": ${fit.goodness.n} periods, ${fit.likelihood.name} likelihood, R² ${figure(s.rSquared)}, ${s.adequate ? 'the model fits' : 'the model does NOT fit these data'}${fit.posterior === undefined ? '' : `, ${figure(fit.posterior.count)} posterior draws`}`,
      ...rows.slice(0, 12),
      ...Object.entries(s.choices).map(([name, v]) => `  ${name.padEnd(26)} ${v} (chosen among the candidates)`),
      `  scale                      ${figure(s.scale.value)} ${s.scale.unit}`,
      ...s.warnings.slice(0, 5).map((w) => `  warning: ${w.length > 160 ? `${w.slice(0, 157)}…` : w}`),
      '  pass .account to the analyses; also parameters, choices, diagnostics, points, fitted; .summary()',
    ];
  },
};

const DEFAULTS = { draws: 4000, walkers: 16, burnIn: 500, thin: 3 } as const;

/** The fit stops when a step lowers the sum of squares by less than this share: the log-likelihood is then exact to about n · 10⁻¹⁰. */
const FIT_TOLERANCE = 1e-10;

/** The schedule of a history given as a Schedule or as a History. */
function historyInput(value: unknown): Schedule {
  if (value !== null && typeof value === 'object' && 'activity' in value && 'periods' in value) {
    return scheduleInput('history.activity', (value as HistoryActivity).activity);
  }
  return scheduleInput('history', value);
}

/** The likelihood asked for, or the default for the data, and why. */
function chooseLikelihood(given: unknown, y: readonly number[]): { name: LikelihoodName; reason: string } {
  const positive = y.every((v) => v > 0);
  const counts = y.every((v) => v >= 0 && Number.isInteger(v));
  if (given === undefined) {
    if (positive) return { name: 'lognormal', reason: 'the default for values all above 0: noise a share of the level, as views and reach vary' };
    if (counts) return { name: 'negative-binomial', reason: 'the default for whole numbers with zeros: counts whose noise grows with their size' };
    return { name: 'normal', reason: 'the default for values with zeros or below 0 that are not counts: noise of one size at every level' };
  }
  if (given !== 'normal' && given !== 'lognormal' && given !== 'negative-binomial') {
    throw new ParameterError('likelihood', given, "'lognormal', 'negative-binomial' or 'normal'");
  }
  if (given === 'lognormal' && !positive) throw new ParameterError('likelihood', given, "a likelihood the values allow: 'lognormal' needs every value above 0 (use 'negative-binomial' for counts with zeros)");
  if (given === 'negative-binomial' && !y.every((v) => v >= 0)) throw new ParameterError('likelihood', given, "a likelihood the values allow: 'negative-binomial' needs values ≥ 0 (use 'normal')");
  return { name: given, reason: 'as asked' };
}

/** Every combination of the whole-number candidates (one empty combination when there are none). */
function combinations(plan: FitPlan): number[][] {
  return plan.choices.reduce<number[][]>((all, c) => all.flatMap((combo) => c.candidates.map((v) => [...combo, v])), [[]]);
}

interface Candidate {
  readonly combo: readonly number[];
  readonly model: FitModel;
  readonly fit: FreeFit;
  readonly held: ParameterInput;
}

/** Fit every combination of whole-number choices from the same start; the most likely first. */
function fitCandidates(history: Schedule, observations: Observations, plan: FitPlan, fixed: ParameterInput, likelihood: Likelihood): Candidate[] {
  const transforms = plan.names.map((_, i) => transformFor(plan.bounds[i]!, plan.start[i]!));
  const start = plan.start.map((v, i) => transforms[i]!.toFree(v));
  const out: Candidate[] = [];
  for (const combo of combinations(plan)) {
    const held = withParameters(fixed, plan.choices.map((c) => c.name), combo).input;
    const base = resolveParameters(held);
    const model = fitModel(history, observations, { names: plan.names, transforms, launchOffset: plan.launchOffset }, held, base);
    let like = likelihood;
    if (like.name === 'negative-binomial') {
      const at = evaluateAt(model, like, start);
      if (at !== null) like = like.withSize(like.noiseAt(at.m, at.scale));
    }
    const fit = fitFree(model, like, start, { maxIterations: plan.maxIterations, tolerance: FIT_TOLERANCE });
    if (fit !== null) out.push({ combo, model, fit, held });
  }
  return out.sort((a, b) => b.fit.at.logLikelihood - a.fit.at.logLikelihood);
}

/** Standard errors in the free coordinates and in the scale's coordinate (log scale, except for the normal), from the Jacobian of the residuals at the best fit. */
function freeStandardErrors(model: FitModel, best: FreeFit): { free: number[]; scale: number } {
  const like = best.likelihood;
  const logScale = like.name !== 'normal';
  const point = [...best.u, logScale ? Math.log(best.at.scale) : best.at.scale];
  const p = best.u.length;
  const residuals = (x: readonly number[]): number[] | null => {
    const m = model.observed(model.values(x.slice(0, p)));
    return m === null ? null : like.residualsAt(m, logScale ? Math.exp(x[p]!) : x[p]!);
  };
  const r0 = residuals(point)!;
  const J = forwardJacobian(point, r0, residuals, point.map((): [number, number] => [-Infinity, Infinity]), point.map(() => 1));
  const q = point.length;
  const ssr = like.noiseEstimated ? r0.reduce((s, v) => s + v * v, 0) : r0.length - q;
  const errors = standardErrors(J, ssr);
  return { free: errors.slice(0, p), scale: errors[p]! };
}

function verdict(value: number, interval: readonly [number, number], closed: readonly [boolean, boolean], bounded: boolean): boolean {
  return closed[0] && closed[1] && !bounded && interval[1] - interval[0] <= 2 * Math.abs(value);
}

/**
 * The continuous parameters with their profile intervals. With whole-number
 * choices the profile runs over them too: an interval spans every choice the
 * data do not reject (the parts of their profiles within the cut of the best fit).
 */
function fittedParameters(candidates: readonly Candidate[], freeErrors: readonly number[], observations: Observations, p: number): Record<string, FittedParameter> {
  const { model, fit: best } = candidates[0]!;
  const cut = profileCut(best.likelihood.name, observations.y.length, p);
  const top = best.at.logLikelihood;
  const supported = candidates.filter((c) => cut.statistic(top - c.fit.at.logLikelihood) < cut.root ** 2);
  return Object.fromEntries(
    model.names.map((name, i) => {
      const transform = model.transforms[i]!;
      const value = best.theta[i]!;
      const bounded = atBound(best.u[i]!);
      const profiles = supported.map((c) => profileInterval(c.model, c.fit, i, freeErrors[i]!, cut, top));
      const lo = profiles.reduce((a, b) => (b.interval[0] < a.interval[0] ? b : a));
      const hi = profiles.reduce((a, b) => (b.interval[1] > a.interval[1] ? b : a));
      const interval: [number, number] = [lo.interval[0], hi.interval[1]];
      const closed: [boolean, boolean] = [lo.closed[0], hi.closed[1]];
      const standardError = freeErrors[i]! * transform.slope(best.u[i]!);
      return [name, { value, standardError: Number.isFinite(standardError) ? standardError : Infinity, interval, closed, identified: verdict(value, interval, closed, bounded), atBound: bounded }];
    }),
  );
}

/** The scale with a Wald interval (on the log scale except for the normal likelihood). */
function fittedScale(best: FreeFit, error: number, n: number, p: number): FittedParameter {
  const s = best.at.scale;
  const t = studentQuantile(0.975, Math.max(1, n - p));
  const finite = Number.isFinite(error);
  const logScale = best.likelihood.name !== 'normal';
  const interval: [number, number] = !finite ? [0, Infinity] : logScale ? [s * Math.exp(-t * error), s * Math.exp(t * error)] : [Math.max(0, s - t * error), s + t * error];
  const closed: [boolean, boolean] = [finite, finite];
  return { value: s, standardError: logScale ? s * error : error, interval, closed, identified: verdict(s, interval, closed, false), atBound: false };
}

/** How each whole-number parameter was chosen. */
function chosen(plan: FitPlan, candidates: readonly Candidate[], quantities: number): Record<string, ChosenParameter> {
  const best = candidates[0]!;
  const top = best.fit.at.logLikelihood;
  return Object.fromEntries(
    plan.choices.map((choice, c) => {
      // The profile over this choice: the most likely fit with each of its values.
      const rows = choice.candidates.map((value) => {
        const fits = candidates.filter((k) => k.combo[c] === value);
        const logLikelihood = fits.length === 0 ? -Infinity : Math.max(...fits.map((k) => k.fit.at.logLikelihood));
        return { value, logLikelihood, aic: -2 * logLikelihood + 2 * quantities };
      });
      const supported = rows.filter((r) => 2 * (top - r.logLikelihood) <= 3.841458820694124).map((r) => r.value);
      return [choice.name, { value: best.combo[c]!, candidates: rows, supported }];
    }),
  );
}

interface Settings {
  readonly method: 'maximum-likelihood' | 'posterior';
  readonly draws: number;
  readonly walkers: number;
  readonly burnIn: number;
  readonly thin: number;
  readonly seed: string | number | undefined;
}

function settings(o: Record<string, unknown>, dimensions: number): Settings {
  const method = o.method ?? 'maximum-likelihood';
  if (method !== 'maximum-likelihood' && method !== 'posterior') throw new ParameterError('method', method, "'maximum-likelihood' or 'posterior'");
  const draws = o.draws === undefined ? DEFAULTS.draws : integerAtLeast('draws', o.draws, 1);
  if (draws > 1_000_000) throw new ParameterError('draws', o.draws, 'a whole number from 1 to 1000000');
  const walkers = o.walkers === undefined ? Math.max(DEFAULTS.walkers, 2 * dimensions + 2) : integerAtLeast('walkers', o.walkers, 4);
  if (walkers % 2 !== 0 || walkers < 2 * dimensions || walkers > 1000) throw new ParameterError('walkers', o.walkers, `an even number from ${Math.max(4, 2 * dimensions)} to 1000 (at least twice the ${dimensions} dimensions)`);
  const burnIn = o.burnIn === undefined ? DEFAULTS.burnIn : integerAtLeast('burnIn', o.burnIn, 0);
  if (burnIn > 1_000_000) throw new ParameterError('burnIn', o.burnIn, 'a whole number from 0 to 1000000');
  const thin = o.thin === undefined ? DEFAULTS.thin : integerAtLeast('thin', o.thin, 1);
  if (thin > 1000) throw new ParameterError('thin', o.thin, 'a whole number from 1 to 1000');
  if ((draws / walkers) * thin + burnIn > 10_000_000) throw new ParameterError('draws', o.draws, 'at most 10 million sampler steps per walker, burn-in included');
  const seed = o.seed;
  if (method === 'posterior') {
    if (typeof seed !== 'string' && typeof seed !== 'number') throw new InputTypeError('seed', seed, 'a string or a number (a posterior is drawn at random, from this seed)');
    if (typeof seed === 'number' && !Number.isFinite(seed)) throw new ParameterError('seed', seed, 'a finite number or a string');
  } else {
    for (const key of ['priors', 'draws', 'walkers', 'burnIn', 'thin', 'seed'] as const) {
      if (o[key] !== undefined) throw new ParameterError(key, o[key], "given only with method: 'posterior'");
    }
  }
  return { method, draws, walkers, burnIn, thin, seed: seed as string | number | undefined };
}

const OPTION_KEYS = ['name', 'history', 'observed', 'fit', 'likelihood', 'bounds', 'initial', 'candidates', 'parameters', 'start', 'maxIterations', 'method', 'priors', 'draws', 'walkers', 'burnIn', 'thin', 'seed'];

/** Read everything once, before any fitting. */
function readOptions(options: CalibrateOptions) {
  const o = plainObject('options', options);
  knownKeys('options', o, OPTION_KEYS);
  const accountName = o.name ?? 'fitted account';
  if (typeof accountName !== 'string' || accountName.trim() === '' || accountName.length > 200) {
    throw new ParameterError('name', accountName, "the account's name, a non-empty string of up to 200 characters");
  }
  const history = historyInput(o.history);
  const fixed = (o.parameters ?? {}) as ParameterInput;
  const base = resolveParameters(fixed);
  const observations = resolveObservations(o.observed, history);
  const plan = resolveFitPlan(o, base, observations);
  const { name, reason } = chooseLikelihood(o.likelihood, observations.y);
  const dimensions = plan.names.length + (name === 'negative-binomial' ? 2 : 0);
  const run = settings(o, dimensions);
  if (run.method === 'posterior' && plan.names.length === 0) throw new ParameterError('fit', o.fit, "at least one continuous parameter for method: 'posterior'");
  const priors = run.method === 'posterior' ? resolvePriors(o.priors, plan.names, plan.bounds, plan.start) : [];
  if (run.method === 'posterior') {
    const evaluations = run.walkers * (run.burnIn + Math.ceil(run.draws / run.walkers) * run.thin);
    checkSteps('draws', o.draws ?? run.draws, evaluations * (observations.span + 1), `the sampler's ${evaluations} runs of the model over the history`);
  }
  return { accountName, history, fixed, base, observations, plan, likelihoodName: name, reason, run, priors };
}

/** The refusal when no start can be evaluated: a positive value where the model is 0 (lognormal, negative binomial). */
function refuseStart(observations: Observations, plan: FitPlan, likelihood: LikelihoodName): never {
  throw new ParameterError(
    'observed.values',
    `${observations.y.length} values`,
    `values the ${likelihood} likelihood can give at the start (${plan.names.map((n, i) => `${n} = ${plan.start[i]}`).join(', ') || 'the given parameters'}): every value above 0 where the model is above 0 — a measurement before the first post, or a model the parameters switch off, cannot be fitted (set \`likelihood: 'normal'\` or start the values later)`,
  );
}

/**
 * Fit parameters of the model to measured history by maximum likelihood, with
 * honest intervals, checks, and on request a posterior.
 *
 * The model runs over the history, its `observed.series` is summed (or
 * averaged) per period, and the named parameters are fitted with the scale
 * (measured units per model unit) by Levenberg–Marquardt on the likelihood's
 * residuals, in unconstrained coordinates (bounds are approached, never
 * clamped). A whole-number parameter is chosen by fitting every candidate.
 * Every continuous parameter gets a 95% profile-likelihood interval, open
 * towards a bound or ±∞ where the data cannot close it; one the data cannot
 * pin down keeps its given or default value in `parameterInput`.
 * `diagnostics` tests the residuals for autocorrelation, drift and a spread
 * that follows the level, and lists parameters at a bound and fits that did
 * not converge. With `method: 'posterior'` the affine-invariant ensemble
 * sampler (Goodman and Weare 2010, the method of emcee) draws the posterior
 * from the priors, with R̂ and effective sample sizes.
 *
 * @throws {@link ParameterError} for an unknown parameter name, fewer
 * observations than estimated quantities, observations that run past the
 * history, bounds that exclude the initial guess, a likelihood the values do
 * not allow, or invalid options.
 * @example
 * ```ts
 * import { calibrate, schedule } from 'relationship-equity';
 * const history = schedule.fromLog(myLog, { end: '3 years' }); // dated posts and events
 * const result = calibrate({
 *   history,
 *   observed: { series: 'reach', values: weeklyViews, period: '1 week' },
 *   fit: ['neglectDecay', 'response.halfSaturation'],
 * });
 * result.parameters.neglectDecay; // { value, standardError, interval, closed, identified, atBound }
 * result.diagnostics.adequate;    // false, with warnings, when the model does not fit
 * ```
 */
export function calibrate(options: CalibrateOptions): CalibrationResult {
  const { accountName, history, fixed, observations, plan, likelihoodName, reason, run, priors } = readOptions(options);
  const likelihood = likelihoodOf(likelihoodName, observations.y);
  const candidates = fitCandidates(history, observations, plan, fixed, likelihood);
  if (candidates.length === 0) refuseStart(observations, plan, likelihoodName);
  const { model, fit: best, held } = candidates[0]!;
  const n = observations.y.length;
  const p = plan.names.length + plan.choices.length + 1;
  const errors = freeStandardErrors(model, best);
  const parameters = fittedParameters(candidates, errors.free, observations, p);
  const scale = fittedScale(best, errors.scale, n, p);
  const kept = plan.names.filter((name) => !parameters[name]!.identified);
  const identified = plan.names.filter((name) => parameters[name]!.identified);
  const parameterInput = withParameters(held, identified, identified.map((name) => parameters[name]!.value)).input;
  const fitted = model.periods(best.theta)!.map((v) => v * best.at.scale);
  const points = observations.observedIndex.map((k, j) => ({ period: k, observed: observations.y[j]!, fitted: fitted[k]!, residual: observations.y[j]! - fitted[k]! }));
  const noise = best.likelihood.name === 'negative-binomial' ? best.likelihood.size : best.likelihood.noiseAt(best.at.m, best.at.scale);
  const posterior =
    run.method === 'posterior'
      ? samplePosterior({ model, best, freeErrors: errors.free, priors, y: observations.y, parameters: held, draws: run.draws, walkers: run.walkers, burnIn: run.burnIn, thin: run.thin, seed: run.seed! })
      : undefined;
  const diagnostics = checkFit({ model, best, observations, parameters, scale, posterior });
  const ssr = points.reduce((s, q) => s + q.residual ** 2, 0);
  const mean = observations.y.reduce((s, v) => s + v, 0) / n;
  const sst = observations.y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return presentable({
    parameters,
    choices: chosen(plan, candidates, p + 1),
    scale,
    likelihood: { name: likelihoodName, reason, noise, logLikelihood: best.at.logLikelihood, aic: -2 * best.at.logLikelihood + 2 * (p + 1) },
    parameterInput,
    kept,
    fitted,
    points,
    goodness: { n, p, ssr, rmse: Math.sqrt(ssr / n), rSquared: sst > 0 ? 1 - ssr / sst : 1 },
    diagnostics,
    iterations: best.iterations,
    converged: best.converged,
    ...(posterior === undefined ? {} : { posterior }),
    account: fittedAccount(accountName, observations, parameterInput, scale.value),
  }, CALIBRATION_PRESENTATION);
}

/** The account a fit describes. */
function fittedAccount(name: string, observations: Observations, parameters: ParameterInput, scale: number): Account {
  const series = observations.series;
  if (series === 'equity' || !(scale > 0 && Number.isFinite(scale))) return account({ name, parameters });
  return account({ name, parameters, units: { [series]: observations.unit }, scale: { [series]: scale } });
}
