/**
 * Priors for a posterior fit: what is believed about each fitted parameter
 * before the data, as a distribution ({@link Distribution}), with wide defaults
 * and a way to turn the beliefs of {@link calibrateFromClaims} ("we think 8
 * months away cost us 30%") into priors the data then sharpen.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { finiteNumber, knownKeys, plainObject } from '../core/validate.js';
import { logDensity, validateDistribution, type Distribution } from '../numerics/distributions.js';
import type { BeliefCalibration } from './beliefs.js';

/**
 * The spread of a default prior: the standard deviation of the log of a
 * positive parameter around its current value — within ×e^{1.96·1.5} ≈ ×19
 * either way, 95% of the time.
 *
 * @example
 * ```ts
 * import { DEFAULT_PRIOR_SPREAD } from 'relationship-equity';
 * Math.exp(1.96 * DEFAULT_PRIOR_SPREAD); // ≈ 18.9: the default prior's 95% range, as a factor either way
 * ```
 */
export const DEFAULT_PRIOR_SPREAD = 1.5;

/**
 * The default prior of a parameter with these bounds, centred on `value` (its
 * default, given or starting value): uniform between finite bounds; lognormal
 * with median `value` and log-sd {@link DEFAULT_PRIOR_SPREAD} for a positive
 * parameter; a normal ten times wider than `value` for one bounded below elsewhere.
 *
 * @internal
 */
export function defaultPrior(bounds: readonly [number, number], value: number): Distribution {
  const [lo, hi] = bounds;
  if (hi !== Infinity) return { kind: 'uniform', min: lo, max: hi };
  if (lo === 0 && value > 0) return { kind: 'lognormal', mu: Math.log(value), sigma: DEFAULT_PRIOR_SPREAD };
  return { kind: 'normal', mean: Math.max(value, lo), sd: 10 * Math.max(Math.abs(value), Math.abs(lo), 1e-3), min: lo };
}

/**
 * Read `priors` (one distribution per fitted parameter, any left out getting
 * its default) for the fitted `names`.
 *
 * @throws {@link ParameterError} for a prior of a parameter not fitted, an
 * invalid distribution, a `choice` (no density) or a prior whose density is 0 at the starting value.
 * @internal
 */
export function resolvePriors(given: unknown, names: readonly string[], bounds: readonly (readonly [number, number])[], values: readonly number[]): Distribution[] {
  const all = given === undefined ? {} : plainObject('priors', given);
  knownKeys('priors', all, names);
  return names.map((name, i) => {
    if (all[name] === undefined) return defaultPrior(bounds[i]!, values[i]!);
    const spec = validateDistribution(all[name], `priors.${name}`);
    if (spec.kind === 'choice') throw new ParameterError(`priors.${name}`, all[name], 'a distribution with a density (not a choice)');
    // The sampler starts at the most likely fit, near the starting value: the prior must allow it.
    if (!(logDensity(spec, values[i]!)! > -Infinity)) throw new ParameterError(`priors.${name}`, all[name], `a distribution that allows the starting value ${values[i]} (its density there is 0)`);
    return spec;
  });
}

/** Options of {@link priorsFromBeliefs}. */
export interface BeliefPriorOptions {
  /** The standard deviation of the log of each parameter around the value the belief gives: 0.5 ≈ within ×2.7 either way, 95% of the time. @defaultValue 0.5 */
  readonly spread?: number;
}

/**
 * Priors from beliefs: each parameter that {@link calibrateFromClaims} set
 * becomes a lognormal centred (median) on the value it found, with a log-sd of
 * `spread` — how sure the beliefs are. Pass them to
 * `calibrate({ method: 'posterior', priors })` and the data move them as far
 * as the data can.
 *
 * @throws {@link ParameterError} for a calibration without fits or a spread that is not > 0.
 * @example
 * ```ts
 * import { calibrate, calibrateFromClaims, priorsFromBeliefs } from 'relationship-equity';
 * const beliefs = calibrateFromClaims([{ kind: 'absence-loss', activeFor: '18 months', absentFor: '8 months', lost: 0.3 }]);
 * const priors = priorsFromBeliefs(beliefs, { spread: 0.4 });
 * priors.neglectDecay; // { kind: 'lognormal', mu: log(0.0015…), sigma: 0.4 }
 * // calibrate({ history, observed, fit: ['neglectDecay'], method: 'posterior', priors, seed: 1 })
 * ```
 */
export function priorsFromBeliefs(calibration: BeliefCalibration, options: BeliefPriorOptions = {}): Record<string, Distribution> {
  const c = plainObject('calibration', calibration);
  const o = plainObject('options', options);
  knownKeys('options', o, ['spread']);
  const spread = o.spread === undefined ? 0.5 : finiteNumber('options.spread', o.spread);
  if (!(spread > 0)) throw new ParameterError('options.spread', o.spread, 'a number > 0');
  if (!Array.isArray(c.fits) || c.fits.length === 0) throw new ParameterError('calibration.fits', c.fits, 'the fits of calibrateFromClaims (at least one)');
  const out: Record<string, Distribution> = {};
  (c.fits as BeliefCalibration['fits']).forEach((fit, i) => {
    const value = finiteNumber(`calibration.fits[${i}].value`, fit.value);
    if (!(value > 0)) throw new ParameterError(`calibration.fits[${i}].value`, value, 'a value > 0');
    out[fit.parameter] = { kind: 'lognormal', mu: Math.log(value), sigma: spread };
  });
  return out;
}
