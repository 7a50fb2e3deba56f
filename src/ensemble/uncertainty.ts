/**
 * The options shared by the analyses under uncertainty ({@link monteCarlo},
 * {@link whatIf}): how many runs, the seed, which parameters are drawn anew for
 * every run and from what, day-to-day noise and the quantile levels — read and
 * checked once.
 *
 * @module
 */
import { ParameterError, InputTypeError } from '../core/errors.js';
import { finiteNumber, integerAtLeast, knownKeys, nonNegative, plainObject } from '../core/validate.js';
import { Engine } from '../model/engine.js';
import { parameterValue, resolveChanged, DEFAULT_PARAMETERS, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import type { PreparedRun, SimulateOptions } from '../model/simulate.js';
import { validateDistribution, type Distribution } from '../numerics/distributions.js';

/** Day-to-day variation of reach: a mean-one lognormal multiplier per step. */
export interface NoiseOptions {
  /** Standard deviation of the logarithm of the daily reach multiplier (0.2 ≈ ±20%). */
  readonly reach: number;
}

/** Options shared by the uncertain analyses ({@link monteCarlo}, {@link whatIf}). */
export interface UncertaintyOptions {
  /** How many runs, a whole number ≥ 1. */
  readonly runs: number;
  /** The seed: the same seed gives bit-identical results. */
  readonly seed: string | number;
  /**
   * Parameters to draw anew for every run, by name: a top-level numeric field of
   * {@link ModelParameters} (`'neglectDecay'`) or a field of its response or
   * lag spec (`'response.halfSaturation'`, `'lag.mean'` in days).
   * @defaultValue `{}`
   */
  readonly uncertain?: Readonly<Record<string, Distribution>>;
  /** Day-to-day variation of reach. @defaultValue none */
  readonly noise?: NoiseOptions;
  /** The quantiles wanted, each in [0, 1]. @defaultValue `[0.05, 0.25, 0.5, 0.75, 0.95]` */
  readonly levels?: readonly number[];
}

const DEFAULT_LEVELS = Object.freeze([0.05, 0.25, 0.5, 0.75, 0.95]);
const MAX_RUNS = 10_000_000;

const NUMERIC_FIELDS = Object.keys(DEFAULT_PARAMETERS).filter(
  (k) => typeof DEFAULT_PARAMETERS[k as keyof ModelParameters] === 'number',
);

/** Checked uncertainty options. @internal */
export interface ResolvedUncertainty {
  readonly runs: number;
  readonly seed: string | number;
  readonly names: readonly string[];
  readonly distributions: readonly Distribution[];
  readonly noise: number;
  readonly levels: readonly number[];
}

/** Check the options shared by the uncertain analyses. @internal */
export function resolveUncertainty(o: Record<string, unknown>, base: ModelParameters): ResolvedUncertainty {
  const runs = integerAtLeast('runs', o.runs, 1);
  if (runs > MAX_RUNS) throw new ParameterError('runs', o.runs, `a whole number from 1 to ${MAX_RUNS}`);
  const seed = o.seed;
  if (typeof seed !== 'string' && typeof seed !== 'number') throw new InputTypeError('seed', seed, 'a string or a number');
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new ParameterError('seed', seed, 'a finite number or a string');
  const uncertain = o.uncertain === undefined ? {} : plainObject('uncertain', o.uncertain);
  const names = Object.keys(uncertain).sort();
  const distributions = names.map((name) => {
    checkParameterPath(name, base);
    return validateDistribution(uncertain[name], `uncertain.${name}`);
  });
  let noise = 0;
  if (o.noise !== undefined) {
    const n = plainObject('noise', o.noise);
    knownKeys('noise', n, ['reach']);
    noise = nonNegative('noise.reach', n.reach);
  }
  let levels: readonly number[] = DEFAULT_LEVELS;
  if (o.levels !== undefined) {
    if (!Array.isArray(o.levels) || o.levels.length === 0) throw new ParameterError('levels', o.levels, 'a non-empty array of numbers in [0, 1]');
    levels = Object.freeze(
      o.levels
        .map((v: unknown, i: number) => {
          const x = finiteNumber(`levels[${i}]`, v);
          if (!(x >= 0 && x <= 1)) throw new ParameterError(`levels[${i}]`, v, 'a number from 0 to 1');
          return x;
        })
        .sort((a: number, b: number) => a - b),
    );
  }
  return { runs, seed, names, distributions, noise, levels };
}

function checkParameterPath(name: string, base: ModelParameters): void {
  if (parameterValue(base, name) !== undefined) return;
  throw new ParameterError(
    `uncertain.${name}`,
    name,
    `a numeric parameter: one of ${NUMERIC_FIELDS.join(', ')}, or a numeric field of the response or lag spec (e.g. 'response.${Object.keys(base.response).find((k) => k !== 'kind')}', 'lag.${Object.keys(base.lag).find((k) => k !== 'kind')}')`,
  );
}
/** The engine of run r of a scenario: the scenario's parameters with the run's draws in place. @internal */
export function runEngine(scenario: PreparedRun, options: Pick<SimulateOptions, 'parameters'>, names: readonly string[], values: readonly number[], r: number): Engine {
  try {
    return new Engine(resolveChanged(scenario.parameters, (options.parameters ?? {}) as ParameterInput, names, values), scenario.step);
  } catch (error) {
    if (error instanceof ParameterError) {
      const i = names.findIndex((n) => error.field === `parameters.${n}`);
      if (i >= 0) {
        throw new ParameterError(
          `uncertain.${names[i]}`,
          values[i],
          `a distribution whose draws are allowed values (run ${r} drew ${values[i]}; ${error.message}); truncate it with min and max`,
        );
      }
    }
    throw error;
  }
}
