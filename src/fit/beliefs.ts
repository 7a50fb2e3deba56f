/**
 * Calibration from beliefs: an agency that has no measurements yet, only
 * experience ("an 8-month absence after 18 months costs 30%", "the effect shows
 * 12–24 months later", "daily posting gives 4× the inflow of 1.5 posts a
 * week"), states it as claims and gets parameters that reproduce them.
 *
 * @module
 */
import { absenceCost } from '../analysis/absence-cost.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK, toDays, type Duration } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { resolveParameters, withParameters, type ParameterInput } from '../model/parameters.js';
import { respond, type HillResponse } from '../model/response.js';
import { finiteNumber, knownKeys, plainObject } from '../core/validate.js';

/** "An absence of `absentFor` after `activeFor` costs `lost` of equity." Sets `neglectDecay`. */
export interface AbsenceLossBelief {
  /** The belief's kind. */
  readonly kind: 'absence-loss';
  /** How long the account was active before the absence. */
  readonly activeFor: Duration;
  /** How long the absence lasted. */
  readonly absentFor: Duration;
  /** The share of equity lost, in (0, 1). */
  readonly lost: number;
}

/**
 * "The drop in interest does not happen immediately; it shows `from`–`to`
 * after the absence began": the gap in interest to a never-absent twin peaks
 * in the middle of that window, and when the absence ends the interest gap is
 * at most `atReturn` of the equity gap (for the absence of an `absence-loss`
 * belief, or the seed's 8 months after 18). Sets the lag's `mean` and `stages`
 * (the fewest stages that keep the early gap small).
 */
export interface EffectDelayBelief {
  /** The belief's kind. */
  readonly kind: 'effect-delay';
  /** The start of the window. */
  readonly from: Duration;
  /** The end of the window. */
  readonly to: Duration;
  /** The largest interest gap at the end of the absence, as a share of the equity gap. @defaultValue 0.25 */
  readonly atReturn?: number;
}

/** "Posting `higher` posts a week gives `ratio` × the inflow of `lower`." Sets the response's half-saturation (and its shape, given two such beliefs). */
export interface FrequencyRatioBelief {
  /** The belief's kind. */
  readonly kind: 'frequency-ratio';
  /** The higher rate, posts per week. */
  readonly higher: number;
  /** The lower rate, posts per week. */
  readonly lower: number;
  /** How many times the inflow the higher rate gives. */
  readonly ratio: number;
}

/** A belief about the account, as structured data. */
export type Belief = AbsenceLossBelief | EffectDelayBelief | FrequencyRatioBelief;

/** How one belief was met. */
export interface BeliefFit {
  /** The belief. */
  readonly belief: Belief;
  /** The parameter it set. */
  readonly parameter: string;
  /** The value found. */
  readonly value: number;
  /** What the belief asked for (a loss, a month, a ratio). */
  readonly target: number;
  /** What the model gives with the parameters found. */
  readonly achieved: number;
}

/** The result of {@link calibrateFromClaims}. */
export interface BeliefCalibration {
  /** Parameters to pass to {@link simulate} and the other analyses. */
  readonly parameters: ParameterInput;
  /** One line per belief. */
  readonly fits: readonly BeliefFit[];
}

/** Bisection for an increasing function: the x in [lo, hi] where f(x) = target. */
function solveIncreasing(f: (x: number) => number, target: number, lo: number, hi: number, field: string, what: string): number {
  let flo = f(lo);
  let fhi = f(hi);
  if (!(target >= flo && target <= fhi)) {
    throw new ParameterError(field, target, `reachable by the model: between ${flo.toPrecision(3)} and ${fhi.toPrecision(3)} for ${what}`);
  }
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    const v = f(mid);
    if (v < target) {
      lo = mid;
      flo = v;
    } else {
      hi = mid;
      fhi = v;
    }
    if (hi - lo < 1e-10 * Math.max(1, Math.abs(mid))) break;
  }
  return 0.5 * (lo + hi);
}

/** Check one belief, naming its place in the list. */
function checkBelief(raw: unknown, i: number): Belief {
  const b = plainObject(`beliefs[${i}]`, raw);
  const f = (name: string) => `beliefs[${i}].${name}`;
  switch (b.kind) {
    case 'absence-loss': {
      knownKeys(`beliefs[${i}]`, b, ['kind', 'activeFor', 'absentFor', 'lost']);
      toDays(b.activeFor as Duration, f('activeFor'));
      toDays(b.absentFor as Duration, f('absentFor'));
      const lost = finiteNumber(f('lost'), b.lost);
      if (!(lost > 0 && lost < 1)) throw new ParameterError(f('lost'), b.lost, 'a share between 0 and 1');
      return b as unknown as AbsenceLossBelief;
    }
    case 'effect-delay': {
      knownKeys(`beliefs[${i}]`, b, ['kind', 'from', 'to', 'atReturn']);
      const from = toDays(b.from as Duration, f('from'));
      const to = toDays(b.to as Duration, f('to'));
      if (!(to > from)) throw new ParameterError(f('to'), b.to, `later than from (${from} days)`);
      if (b.atReturn !== undefined) {
        const share = finiteNumber(f('atReturn'), b.atReturn);
        if (!(share > 0 && share < 1)) throw new ParameterError(f('atReturn'), b.atReturn, 'a share between 0 and 1');
      }
      return b as unknown as EffectDelayBelief;
    }
    case 'frequency-ratio': {
      knownKeys(`beliefs[${i}]`, b, ['kind', 'higher', 'lower', 'ratio']);
      const higher = finiteNumber(f('higher'), b.higher);
      const lower = finiteNumber(f('lower'), b.lower);
      const ratio = finiteNumber(f('ratio'), b.ratio);
      if (!(lower > 0 && higher > lower)) throw new ParameterError(f('higher'), b.higher, `above lower (${lower}), both > 0`);
      if (!(ratio > 1)) throw new ParameterError(f('ratio'), b.ratio, 'a ratio > 1');
      return b as unknown as FrequencyRatioBelief;
    }
    default:
      throw new ParameterError(f('kind'), b.kind, "'absence-loss', 'effect-delay' or 'frequency-ratio'");
  }
}

/** The inflow ratio a frequency-ratio belief speaks of, under `p`. */
function inflowRatio(b: FrequencyRatioBelief, p: ParameterInput): number {
  const response = resolveParameters(p).response;
  return respond(b.higher / DAYS_PER_WEEK, response) / respond(b.lower / DAYS_PER_WEEK, response);
}

/** `p`'s response, which frequency-ratio beliefs need to be a Hill curve. */
function hillOf(p: ParameterInput): HillResponse {
  const r = resolveParameters(p).response;
  if (r.kind !== 'hill') throw new ParameterError('base.response.kind', r.kind, "'hill' for frequency-ratio beliefs");
  return r;
}

/** The Hill curve that meets one frequency ratio (its half-saturation, shape kept) or two (both). */
function solveRatios(ratios: readonly FrequencyRatioBelief[], parameters: ParameterInput): ParameterInput {
  const halfSaturationFor = (b: FrequencyRatioBelief, shape: number, which: string) =>
    solveIncreasing((x) => inflowRatio(b, { ...parameters, response: { kind: 'hill', halfSaturation: x, shape } }), b.ratio, 1e-4, 1e3, 'beliefs.ratio', which);
  if (ratios.length === 1) {
    const k = halfSaturationFor(ratios[0]!, hillOf(parameters).shape, 'this pair of rates');
    return withParameters(parameters, ['response.halfSaturation'], [k]).input;
  }
  // The shape is found by bisection on the second ratio, the half-saturation by bisection on the first.
  const [first, second] = ratios as [FrequencyRatioBelief, FrequencyRatioBelief];
  const kFor = (shape: number) => halfSaturationFor(first, shape, 'the first pair of rates');
  const secondRatio = (shape: number) => inflowRatio(second, { ...parameters, response: { kind: 'hill', halfSaturation: kFor(shape), shape } });
  // The first ratio is reachable only for shapes s with (higher / lower)^s above it.
  let lo = Math.log(first.ratio) / Math.log(first.higher / first.lower) + 1e-3;
  let hi = 8;
  const increasing = secondRatio(hi) > secondRatio(lo);
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (secondRatio(mid) < second.ratio === increasing) lo = mid;
    else hi = mid;
  }
  const shape = 0.5 * (lo + hi);
  return { ...parameters, response: { kind: 'hill', halfSaturation: kFor(shape), shape } };
}

/** The neglect decay at which the absence of the belief costs what it says. */
function solveAbsence(belief: AbsenceLossBelief, parameters: ParameterInput): ParameterInput {
  const { activeFor, absentFor } = belief;
  const value = solveIncreasing(
    (x) => absenceCost({ activeFor, absentFor, parameters: { ...parameters, neglectDecay: x }, followFor: 1 }).fractionLost,
    belief.lost,
    0,
    0.05,
    'beliefs.lost',
    'neglect decay between 0 and 0.05 a day',
  );
  return withParameters(parameters, ['neglectDecay'], [value]).input;
}

/** The middle of an effect-delay belief's window, in months. */
const windowMiddle = (b: EffectDelayBelief): number => (toDays(b.from) + toDays(b.to)) / 2 / DAYS_PER_MONTH;

/** The Erlang lag with the fewest stages whose interest gap peaks mid-window and keeps the gap at return small. */
function solveDelay(delay: EffectDelayBelief, parameters: ParameterInput, activeFor: Duration, absentFor: Duration): ParameterInput {
  const middle = windowMiddle(delay);
  const atReturn = delay.atReturn ?? 0.25;
  for (let stages = 1; stages <= 16; stages++) {
    const mean = solveIncreasing(
      (x) => peakMonth({ ...parameters, lag: { kind: 'erlang', mean: x, stages } }, activeFor, absentFor),
      middle,
      30,
      3000,
      'beliefs.from',
      'a lag mean between 30 and 3000 days',
    );
    if (earlyShare({ ...parameters, lag: { kind: 'erlang', mean, stages } }, activeFor, absentFor) <= atReturn) {
      return { ...parameters, lag: { kind: 'erlang', mean, stages } };
    }
  }
  throw new ParameterError('beliefs.atReturn', atReturn, 'reachable with an Erlang lag of up to 16 stages peaking at the middle of the window');
}

/** How each belief was met by the parameters found. */
function reportFit(b: Belief, parameters: ParameterInput, activeFor: Duration, absentFor: Duration): BeliefFit {
  switch (b.kind) {
    case 'absence-loss':
      return { belief: b, parameter: 'neglectDecay', value: resolveParameters(parameters).neglectDecay, target: b.lost, achieved: absenceCost({ activeFor, absentFor, parameters, followFor: 1 }).fractionLost };
    case 'effect-delay': {
      const lag = resolveParameters(parameters).lag as { mean: number };
      // value: the lag mean (its stages are in `parameters.lag`); achieved: the month the interest gap peaks
      return { belief: b, parameter: 'lag.mean', value: lag.mean, target: windowMiddle(b), achieved: peakMonth(parameters, activeFor, absentFor) };
    }
    case 'frequency-ratio': {
      const r = resolveParameters(parameters).response as { halfSaturation: number };
      return { belief: b, parameter: 'response.halfSaturation', value: r.halfSaturation, target: b.ratio, achieved: inflowRatio(b, parameters) };
    }
  }
}

/**
 * Turn beliefs into parameters: each belief sets the parameter it speaks to,
 * by solving the model for it (bisection), starting from `base`; the beliefs
 * are solved in turn, three times over, so that their mild couplings settle.
 *
 * @throws {@link ParameterError} for an unknown kind, a value outside what the
 * model can reach, or two beliefs of the same kind (except two frequency ratios,
 * which together set the response's half-saturation and shape).
 * @example
 * ```ts
 * import { calibrateFromClaims, checkClaims } from 'relationship-equity';
 * const { parameters } = calibrateFromClaims([
 *   { kind: 'absence-loss', activeFor: '18 months', absentFor: '8 months', lost: 0.3 },
 *   { kind: 'effect-delay', from: '12 months', to: '24 months' },
 *   { kind: 'frequency-ratio', higher: 7, lower: 1.5, ratio: 4 },
 * ]);
 * checkClaims({ parameters }).every((row) => row.holds); // true
 * ```
 */
export function calibrateFromClaims(beliefs: readonly Belief[], base: ParameterInput = {}): BeliefCalibration {
  if (!Array.isArray(beliefs) || beliefs.length === 0) throw new ParameterError('beliefs', beliefs, 'a non-empty array of beliefs');
  const checked = beliefs.map(checkBelief);
  const count = (kind: Belief['kind']) => checked.filter((b) => b.kind === kind).length;
  for (const kind of ['absence-loss', 'effect-delay'] as const) {
    if (count(kind) > 1) throw new ParameterError('beliefs', kind, `at most one '${kind}' belief`);
  }
  if (count('frequency-ratio') > 2) throw new ParameterError('beliefs', 'frequency-ratio', "at most two 'frequency-ratio' beliefs");

  const absence = checked.find((b): b is AbsenceLossBelief => b.kind === 'absence-loss');
  const delay = checked.find((b): b is EffectDelayBelief => b.kind === 'effect-delay');
  const ratios = checked.filter((b): b is FrequencyRatioBelief => b.kind === 'frequency-ratio');
  const activeFor = absence?.activeFor ?? '18 months';
  const absentFor = absence?.absentFor ?? '8 months';
  let parameters: ParameterInput = { ...base };
  for (let pass = 0; pass < 3; pass++) {
    if (ratios.length > 0) parameters = solveRatios(ratios, parameters);
    if (absence !== undefined) parameters = solveAbsence(absence, parameters);
    if (delay !== undefined) parameters = solveDelay(delay, parameters, activeFor, absentFor);
  }
  return { parameters, fits: checked.map((b) => reportFit(b, parameters, activeFor, absentFor)) };
}

/** The interest gap at the end of the absence as a share of the equity gap. */
function earlyShare(parameters: ParameterInput, activeFor: Duration, absentFor: Duration): number {
  const cost = absenceCost({ activeFor, absentFor, parameters, followFor: 1 });
  return cost.interestGapAtReturn / cost.equityGapAtReturn;
}

/** Months after the absence began when the interest gap to a twin peaks. */
function peakMonth(parameters: ParameterInput, activeFor: Duration, absentFor: Duration): number {
  return absenceCost({ activeFor, absentFor, parameters, followFor: '4 years' }).interestGapPeak.monthsAfterAbsenceBegan;
}
