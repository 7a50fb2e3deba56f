/**
 * The options of {@link calibrate} that say what to fit — the parameters by
 * name, their bounds and starting values, the whole-number parameters' candidate
 * values, the iteration budget — read once and checked against the parameters
 * and the observations.
 *
 * @internal
 * @module
 */
import { toDays, type Duration } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { finiteNumber, integerAtLeast, knownKeys, plainObject } from '../core/validate.js';
import { parameterValue, type ModelParameters } from '../model/parameters.js';
import type { Observations } from './observations.js';

/** The whole-number parameters, chosen by comparing fits rather than by a solver. */
const WHOLE_NUMBERS = new Set(['lag.stages', 'lag.maxLag']);
const SHARES = new Set(['momentumFloor', 'lag.alpha', 'response.gamma']);

/** A whole-number parameter and the values to compare. */
export interface WholeNumberChoice {
  readonly name: string;
  readonly candidates: readonly number[];
}

/** What to fit, checked. */
export interface FitPlan {
  /** The continuous parameters, in the order given. */
  readonly names: readonly string[];
  /** The whole-number parameters to choose, in the order given. */
  readonly choices: readonly WholeNumberChoice[];
  readonly bounds: readonly (readonly [number, number])[];
  /** Starting values, within the bounds. */
  readonly start: readonly number[];
  readonly maxIterations: number;
  /** Days from the platform's launch to the history's day 0. */
  readonly launchOffset: number;
}

function names(fit: unknown, base: ModelParameters): string[] {
  if (!Array.isArray(fit) || fit.length === 0) throw new ParameterError('fit', fit, 'a non-empty array of parameter names');
  const out = fit.map((name: unknown, i: number) => {
    if (typeof name !== 'string') throw new InputTypeError(`fit[${i}]`, name, 'a parameter name');
    if (parameterValue(base, name) === undefined) throw new ParameterError(`fit[${i}]`, name, 'the name of a numeric parameter, e.g. neglectDecay, lag.mean, response.halfSaturation');
    return name;
  });
  if (new Set(out).size !== out.length) throw new ParameterError('fit', fit, 'names without repeats');
  return out;
}

function bounds(given: unknown, fitted: readonly string[]): [number, number][] {
  const all = given === undefined ? {} : plainObject('bounds', given);
  const out = fitted.map((name): [number, number] => {
    const pair = all[name];
    if (pair === undefined) return SHARES.has(name) ? [0, 1] : [0, Infinity];
    if (!Array.isArray(pair) || pair.length !== 2) throw new ParameterError(`bounds.${name}`, pair, 'a pair [low, high]');
    const lo = finiteNumber(`bounds.${name}[0]`, pair[0]);
    const hi = pair[1] === Infinity ? Infinity : finiteNumber(`bounds.${name}[1]`, pair[1]);
    if (!(hi > lo)) throw new ParameterError(`bounds.${name}`, pair, 'a pair [low, high] with low < high');
    return [lo, hi];
  });
  if (given !== undefined) knownKeys('bounds', all, fitted);
  return out;
}

/** The default candidates of a whole-number parameter: 1 to 8 stages; a window from half to twice the current one. */
function defaultCandidates(name: string, current: number): number[] {
  if (name === 'lag.stages') return [1, 2, 3, 4, 5, 6, 7, 8];
  return [...new Set([0.5, 0.75, 1, 1.25, 1.5, 2].map((f) => Math.max(1, Math.round(f * current))))];
}

function choices(given: unknown, wholeNumbers: readonly string[], base: ModelParameters): WholeNumberChoice[] {
  const all = given === undefined ? {} : plainObject('candidates', given);
  knownKeys('candidates', all, wholeNumbers);
  return wholeNumbers.map((name) => {
    const list = all[name];
    if (list === undefined) return { name, candidates: defaultCandidates(name, parameterValue(base, name)!) };
    if (!Array.isArray(list) || list.length === 0 || list.length > 64) throw new ParameterError(`candidates.${name}`, list, 'an array of 1 to 64 whole numbers ≥ 1');
    const candidates = list.map((v: unknown, i: number) => integerAtLeast(`candidates.${name}[${i}]`, v, 1));
    if (new Set(candidates).size !== candidates.length) throw new ParameterError(`candidates.${name}`, list, 'whole numbers without repeats');
    return { name, candidates };
  });
}

/**
 * Read what to fit from the options of {@link calibrate}.
 *
 * @throws {@link ParameterError} naming the field.
 */
export function resolveFitPlan(o: Record<string, unknown>, base: ModelParameters, observations: Observations): FitPlan {
  const all = names(o.fit, base);
  const fitted = all.filter((name) => !WHOLE_NUMBERS.has(name));
  const wholeNumbers = all.filter((name) => WHOLE_NUMBERS.has(name));
  const used = observations.y.length;
  if (used <= all.length + 2) {
    throw new ParameterError('observed.values', `${used} observed values`, `more than the ${all.length + 2} quantities estimated (the parameters, a scale and the noise)`);
  }
  const within = bounds(o.bounds, fitted);
  const initialGiven = o.initial === undefined ? {} : plainObject('initial', o.initial);
  knownKeys('initial', initialGiven, fitted);
  const start = fitted.map((name, i) => {
    const v = initialGiven[name] === undefined ? parameterValue(base, name)! : finiteNumber(`initial.${name}`, initialGiven[name]);
    const [lo, hi] = within[i]!;
    if (!(v >= lo && v <= hi)) throw new ParameterError(`initial.${name}`, v, `within its bounds [${lo}, ${hi}]`);
    return v;
  });
  const maxIterations = o.maxIterations === undefined ? 200 : integerAtLeast('maxIterations', o.maxIterations, 1);
  const launchOffset = o.start === undefined ? 0 : toDays(o.start as Duration, 'start');
  return { names: fitted, choices: choices(o.candidates, wholeNumbers, base), bounds: within, start, maxIterations, launchOffset };
}
