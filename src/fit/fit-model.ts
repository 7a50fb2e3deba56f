/**
 * The model as a fit sees it: the fitted parameters (in their unconstrained
 * coordinates, see `transform.ts`) in, the model's series summed per observed
 * period out. The history is sampled once and the runs reuse their buffers,
 * so one evaluation costs one pass of the engine.
 *
 * @internal
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { withParameters, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import type { Schedule } from '../model/schedule.js';
import { repeatedRuns } from '../model/simulate.js';
import { perPeriod, type Observations } from './observations.js';
import type { Transform } from './transform.js';

/** The model of one fit. */
export interface FitModel {
  /** The fitted parameters' names, continuous ones only. */
  readonly names: readonly string[];
  readonly transforms: readonly Transform[];
  /** Parameter values from free coordinates. */
  values(u: readonly number[]): number[];
  /** The input for the analyses at these values (fixed parameters and whole-number choices included). */
  input(theta: readonly number[]): ParameterInput;
  /** The model per period, every period (unscaled), or null where the parameters are not allowed. */
  periods(theta: readonly number[]): Float64Array | null;
  /** The model at the observed periods only, in the order of the observations. */
  observed(theta: readonly number[]): Float64Array | null;
}

/**
 * The model of a fit of `names` (with `fixed` held and the whole-number parameters at `choices`).
 */
export function fitModel(
  history: Schedule,
  observations: Observations,
  fit: { readonly names: readonly string[]; readonly transforms: readonly Transform[]; readonly launchOffset: number },
  fixed: ParameterInput,
  base: ModelParameters,
): FitModel {
  const { names, transforms } = fit;
  const runs = repeatedRuns(history, observations.span, fit.launchOffset);
  const index = observations.observedIndex;
  const resolve = (theta: readonly number[]): ModelParameters | null => {
    try {
      return withParameters(fixed, names, theta, base).resolved;
    } catch (error) {
      if (error instanceof ParameterError) return null;
      throw error;
    }
  };
  const periods = (theta: readonly number[]): Float64Array | null => {
    const parameters = resolve(theta);
    return parameters === null ? null : perPeriod(runs(parameters)[observations.series], observations);
  };
  return {
    names,
    transforms,
    values: (u) => u.map((v, i) => transforms[i]!.toValue(v)),
    input: (theta) => withParameters(fixed, names, theta, base).input,
    periods,
    observed(theta) {
      const all = periods(theta);
      return all === null ? null : Float64Array.from(index, (k) => all[k]!);
    },
  };
}
