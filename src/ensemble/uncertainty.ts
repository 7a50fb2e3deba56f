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
import { parameterValue, resolveChanged, DEFAULT_PARAMETERS, type ModelParameters } from '../model/parameters.js';
import type { PreparedRun } from '../model/simulate.js';
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
  /**
   * Draws from a fit's posterior (`calibrate({ method: 'posterior' }).posterior`):
   * each run takes one draw of all its parameters together (picked from its own
   * stream, so correlations between them are kept), before drawing `uncertain`.
   * Pass the fit's `parameterInput` as the scenario's parameters.
   * @defaultValue none
   */
  readonly posterior?: PosteriorDraws;
}

/** What {@link UncertaintyOptions.posterior} reads of a posterior: its parameter names and one array of draws per name, all of one length. */
export interface PosteriorDraws {
  /** The parameters drawn, by name (`'neglectDecay'`, `'lag.mean'`, …). */
  readonly names: readonly string[];
  /** One array of draws per name, all of one length; draw *i* of every name belongs together. */
  readonly draws: Readonly<Record<string, ArrayLike<number>>>;
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
  /** Every drawn parameter: the posterior's first, then the uncertain ones (alphabetical). */
  readonly names: readonly string[];
  /** The distributions of the uncertain ones, after the posterior's names. */
  readonly distributions: readonly Distribution[];
  /** The posterior's draws, one array per posterior name, or null. */
  readonly posterior: readonly Float64Array[] | null;
  readonly noise: number;
  readonly levels: readonly number[];
}

/** Most posterior draws read (a fit gives 4000 by default). */
const MAX_POSTERIOR_DRAWS = 10_000_000;

/** Read a posterior's draws once, checked: names of numeric parameters, equal lengths, finite values. */
function resolvePosterior(value: unknown, base: ModelParameters, uncertain: readonly string[]): { names: string[]; draws: Float64Array[] } | null {
  if (value === undefined) return null;
  const o = plainObject('posterior', value);
  if (!Array.isArray(o.names) || o.names.length === 0) throw new ParameterError('posterior.names', o.names, 'a non-empty array of parameter names (a posterior from calibrate)');
  const draws = plainObject('posterior.draws', o.draws);
  let count = -1;
  const names = o.names.map((name: unknown, i: number) => {
    if (typeof name !== 'string') throw new InputTypeError(`posterior.names[${i}]`, name, 'a parameter name');
    if (parameterValue(base, name) === undefined) throw new ParameterError(`posterior.names[${i}]`, name, 'a numeric parameter of the scenario (as fitted)');
    if (uncertain.includes(name)) throw new ParameterError(`uncertain.${name}`, name, 'a parameter not drawn from the posterior too');
    return name;
  });
  if (new Set(names).size !== names.length) throw new ParameterError('posterior.names', o.names, 'names without repeats');
  const arrays = names.map((name: string) => {
    const list = draws[name] as ArrayLike<unknown> | undefined;
    const field = `posterior.draws.${name}`;
    if (list === undefined || typeof list !== 'object' || typeof list.length !== 'number') throw new InputTypeError(field, list, 'an array of draws');
    if (count >= 0 && list.length !== count) throw new ParameterError(field, `${list.length} draws`, `as many draws as posterior.draws.${names[0]} (${count})`);
    count = list.length;
    if (count < 1 || count > MAX_POSTERIOR_DRAWS) throw new ParameterError(field, `${count} draws`, `from 1 to ${MAX_POSTERIOR_DRAWS} draws`);
    const out = new Float64Array(count);
    for (let k = 0; k < count; k++) out[k] = finiteNumber(`${field}[${k}]`, list[k]);
    return out;
  });
  return { names, draws: arrays };
}

/** Check the options shared by the uncertain analyses. @internal */
export function resolveUncertainty(o: Record<string, unknown>, base: ModelParameters): ResolvedUncertainty {
  const runs = integerAtLeast('runs', o.runs, 1);
  if (runs > MAX_RUNS) throw new ParameterError('runs', o.runs, `a whole number from 1 to ${MAX_RUNS}`);
  const seed = o.seed;
  if (typeof seed !== 'string' && typeof seed !== 'number') throw new InputTypeError('seed', seed, 'a string or a number');
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new ParameterError('seed', seed, 'a finite number or a string');
  const uncertain = o.uncertain === undefined ? {} : plainObject('uncertain', o.uncertain);
  const drawn = Object.keys(uncertain).sort();
  const distributions = drawn.map((name) => {
    checkParameterPath(name, base);
    return validateDistribution(uncertain[name], `uncertain.${name}`);
  });
  const posterior = resolvePosterior(o.posterior, base, drawn);
  const names = [...(posterior?.names ?? []), ...drawn];
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
  return { runs, seed, names, distributions, posterior: posterior?.draws ?? null, noise, levels };
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
export function runEngine(scenario: PreparedRun, names: readonly string[], values: readonly number[], r: number): Engine {
  try {
    return new Engine(resolveChanged(scenario.parameters, scenario.input, names, values), scenario.step);
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
