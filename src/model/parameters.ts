/**
 * The model's parameters: one frozen object of defaults, and one function that
 * merges a user's partial choice over it and validates the result.
 *
 * The defaults are calibrated so that the claims table of the seed (C1–C9, C11
 * in `docs/model.md`) holds; `npm run claims` prints the measured values.
 *
 * @module
 */
import { positiveDays, toDays, type Duration } from '../core/duration.js';
import { ParameterError } from '../core/errors.js';
import { validateKernel, type KernelSpec, type ResolvedKernel } from './kernels.js';
import { validateResponse, type ResponseSpec } from './response.js';
import { inRange, knownKeys, plainObject, upTo } from '../core/validate.js';

/**
 * Every parameter of the model, fully resolved: times in days, rates per day.
 * See {@link DEFAULT_PARAMETERS} for the defaults and what each one means.
 */
export interface ModelParameters {
  /**
   * How posting effort (posts per day) becomes inflow, with diminishing returns.
   * Any {@link ResponseSpec}; a `hill-robyn` curve needs its `range` here.
   * @defaultValue `{ kind: 'hill', halfSaturation: 0.6, shape: 1.6 }`
   */
  readonly response: ResponseSpec;
  /**
   * Equity earned by joining one platform event or challenge, in units of one
   * day of fully saturated posting. @defaultValue 2
   */
  readonly eventWeight: number;
  /**
   * Early-participation bonus β ("sweat equity"): effort on the platform's first
   * day counts (1 + β) times. @defaultValue 1
   */
  readonly earlyBonus: number;
  /**
   * Days for the early bonus to fall to 1/e of its first value, τ_early. @defaultValue 365
   */
  readonly earlyBonusTime: number;
  /**
   * Memory of momentum, in days: momentum is the exponentially weighted share of
   * recent days with activity, with this time constant. @defaultValue 60
   */
  readonly momentumMemory: number;
  /**
   * Share of inflow still earned at zero momentum (after a long break, or on a
   * new account); at full momentum all of it is earned. In [0, 1]. @defaultValue 0.5
   */
  readonly momentumFloor: number;
  /** Decay of equity per day while the account is active, δ_active. @defaultValue 0.0005 */
  readonly activeDecay: number;
  /**
   * Extra decay per day once neglect has fully set in, δ_neglect ("the resources
   * get reallocated to those still there"). @defaultValue 0.0015
   */
  readonly neglectDecay: number;
  /** Days without any post or event before neglect decay begins. @defaultValue 30 */
  readonly neglectGrace: number;
  /**
   * Days, after the grace period, for neglect to reach 63% (1 − 1/e) of its full
   * strength. @defaultValue 60
   */
  readonly neglectRamp: number;
  /**
   * Memory of platform-event participation in days: the agenda stock forgets
   * with this time constant. @defaultValue 60
   */
  readonly agendaMemory: number;
  /**
   * Reach gained per unit of the agenda stock ("giving face"): the agenda
   * factor is 1 + agendaWeight · agenda. @defaultValue 0.2
   */
  readonly agendaWeight: number;
  /**
   * Agenda stock above which an account is invited to the platform's events.
   * One event joined today counts 1. @defaultValue 1
   */
  readonly invitationThreshold: number;
  /**
   * The lag from reach to interest (inbound clients): any {@link KernelSpec},
   * read in days inside the model — lags, `maxLag`, `theta` and a geometric
   * `alpha` (the share carried from one day to the next) — and integrated over
   * each step, so it does not change with the step. Erlang and infinite geometric
   * kernels run as recursions (O(1) per step); windowed kernels as a convolution
   * over their window.
   * @defaultValue `{ kind: 'erlang', mean: 365.25, stages: 4 }` (mean 12 months, most likely delay 9 months)
   */
  readonly lag: ResolvedKernel;
  /** Interest per unit of lagged reach (sets the scale of the interest series). @defaultValue 1 */
  readonly interestPerReach: number;
}

/**
 * What a caller may pass: any subset of {@link ModelParameters}; times may be
 * {@link Duration}s such as `'60 days'` or `'1 year'`.
 */
export type ParameterInput = {
  readonly [K in keyof ModelParameters]?: K extends DurationField
    ? Duration
    : K extends 'lag'
      ? KernelSpec
      : ModelParameters[K];
};

/** The names of the parameters that are lengths of time, and so accept a {@link Duration}. */
export type DurationField =
  | 'earlyBonusTime'
  | 'momentumMemory'
  | 'neglectGrace'
  | 'neglectRamp'
  | 'agendaMemory';

/** The largest weight, bonus or scale a parameter takes (the defaults are near 1). */
const MAX_WEIGHT = 1e6;
/** The largest decay rate, per day (e^−10 a day: gone at once). */
const MAX_DECAY = 10;
/** The largest stock a threshold or an initial state takes. */
export const MAX_STOCK = 1e15;

/**
 * The default parameters, calibrated to the seed's claims table. Frozen.
 *
 * | field | meaning | unit | default |
 * |---|---|---|---|
 * | `response` | effort → inflow, Hill curve | posts/day | K = 0.6, s = 1.6 |
 * | `eventWeight` | equity per event joined | days of saturated posting | 2 |
 * | `earlyBonus` | β, extra weight of effort at launch | – | 1 |
 * | `earlyBonusTime` | τ_early, fall of the bonus | days | 365 |
 * | `momentumMemory` | τ_m, memory of consistency | days | 60 |
 * | `momentumFloor` | inflow kept at zero momentum | share | 0.5 |
 * | `activeDecay` | δ_active | per day | 0.0005 |
 * | `neglectDecay` | δ_neglect, extra decay when neglected | per day | 0.0015 |
 * | `neglectGrace` | quiet days before neglect decay | days | 30 |
 * | `neglectRamp` | time for neglect to set in | days | 60 |
 * | `agendaMemory` | τ_P, memory of event participation | days | 60 |
 * | `agendaWeight` | α, reach per unit of agenda | per event | 0.2 |
 * | `invitationThreshold` | agenda needed for an invitation | events | 1 |
 * | `lag` | reach → interest | Erlang | mean 365.25 d, 4 stages |
 * | `interestPerReach` | scale of interest | – | 1 |
 *
 * @example
 * ```ts
 * import { DEFAULT_PARAMETERS } from 'relationship-equity';
 * DEFAULT_PARAMETERS.activeDecay; // 0.0005
 * Object.isFrozen(DEFAULT_PARAMETERS); // true
 * ```
 */
export const DEFAULT_PARAMETERS: ModelParameters = Object.freeze({
  response: Object.freeze({ kind: 'hill', halfSaturation: 0.6, shape: 1.6 }),
  eventWeight: 2,
  earlyBonus: 1,
  earlyBonusTime: 365,
  momentumMemory: 60,
  momentumFloor: 0.5,
  activeDecay: 0.0005,
  neglectDecay: 0.0015,
  neglectGrace: 30,
  neglectRamp: 60,
  agendaMemory: 60,
  agendaWeight: 0.2,
  invitationThreshold: 1,
  lag: Object.freeze({ kind: 'erlang', mean: 365.25, stages: 4, maxLag: null, normalize: false }),
  interestPerReach: 1,
} as const);

const FIELDS = Object.keys(DEFAULT_PARAMETERS) as (keyof ModelParameters)[];

/**
 * Merge a partial set of parameters over {@link DEFAULT_PARAMETERS} and check
 * every field. Durations become days.
 *
 * @param partial - the fields to change; omitted fields keep their defaults.
 * @returns a frozen, fully resolved {@link ModelParameters}.
 * @throws {@link ParameterError} for an unknown field, NaN, an infinite or negative
 * rate, a share outside [0, 1], or an invalid response or lag spec.
 *
 * @example
 * ```ts
 * import { resolveParameters } from 'relationship-equity';
 * const p = resolveParameters({ earlyBonus: 2, neglectGrace: '6 weeks' });
 * p.earlyBonus; // 2
 * p.neglectGrace; // 42
 * p.activeDecay; // 0.0005 (the default)
 * ```
 */
export function resolveParameters(partial: ParameterInput = {}): ModelParameters {
  const input = plainObject('parameters', partial);
  knownKeys('parameters', input, FIELDS);
  const resolved: Record<string, unknown> = {};
  for (const key of FIELDS) resolved[key] = CHECKS[key](input[key] === undefined ? DEFAULT_PARAMETERS[key] : input[key]);
  return Object.freeze(resolved as unknown as ModelParameters);
}

/** A duration field in days, checked. */
function days(key: DurationField, value: unknown, mustBePositive: boolean): number {
  return mustBePositive ? positiveDays(`parameters.${key}`, value) : toDays(value as Duration, `parameters.${key}`);
}

/** How each field is checked and resolved from its input (or default) value. */
const CHECKS: { readonly [K in keyof ModelParameters]: (value: unknown) => ModelParameters[K] } = {
  response: (value) => {
    const response = validateResponse(value, 'parameters.response');
    if (response.kind === 'hill-robyn' && response.range === undefined) {
      // Inside the model effort is evaluated one step at a time: there is no series to take a range from.
      throw new ParameterError('parameters.response.range', undefined, '[min, max] of posts per day, needed by a hill-robyn curve inside the model');
    }
    return response;
  },
  eventWeight: (value) => upTo('parameters.eventWeight', value, MAX_WEIGHT),
  earlyBonus: (value) => upTo('parameters.earlyBonus', value, MAX_WEIGHT),
  earlyBonusTime: (value) => days('earlyBonusTime', value, true),
  momentumMemory: (value) => days('momentumMemory', value, true),
  momentumFloor: (value) => inRange('parameters.momentumFloor', value, 0, 1),
  activeDecay: (value) => upTo('parameters.activeDecay', value, MAX_DECAY, 'a rate per day'),
  neglectDecay: (value) => upTo('parameters.neglectDecay', value, MAX_DECAY, 'a rate per day'),
  neglectGrace: (value) => days('neglectGrace', value, false),
  neglectRamp: (value) => days('neglectRamp', value, true),
  agendaMemory: (value) => days('agendaMemory', value, true),
  agendaWeight: (value) => upTo('parameters.agendaWeight', value, MAX_WEIGHT),
  invitationThreshold: (value) => upTo('parameters.invitationThreshold', value, MAX_STOCK),
  lag: (value) => validateKernel(value, 'parameters.lag'),
  interestPerReach: (value) => upTo('parameters.interestPerReach', value, MAX_WEIGHT),
};

/**
 * `resolveParameters(input with the parameters at names set to values)`, given
 * `resolved = resolveParameters(input)`, checking only the fields that change:
 * the same result for a fraction of the work (a Monte Carlo does it per run).
 *
 * @internal
 */
export function resolveChanged(resolved: ModelParameters, input: ParameterInput, names: readonly string[], values: readonly number[]): ModelParameters {
  const changed = names.reduce((partial, name, i) => withParameter(partial, resolved, name, values[i]!), input) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...resolved };
  for (const name of names) {
    const head = name.split('.')[0] as keyof ModelParameters;
    out[head] = CHECKS[head](changed[head]);
  }
  return Object.freeze(out as unknown as ModelParameters);
}

/**
 * The value of the numeric parameter at `name` (`'neglectDecay'`, `'lag.mean'`)
 * in resolved parameters, or undefined if `name` is not such a path.
 *
 * @internal
 */
export function parameterValue(resolved: ModelParameters, name: string): number | undefined {
  const [head, field, ...rest] = name.split('.');
  if (rest.length > 0) return undefined;
  const fields = resolved as unknown as Record<string, unknown>;
  const value = field === undefined ? fields[head!] : ((fields[head!] ?? {}) as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : undefined;
}

/**
 * `base` with the parameters at `names` set to `values`, one after another
 * (a nested field keeping those set before it in the same spec), and the
 * resolved parameters of the result. `resolved` is `resolveParameters(base)`
 * when the caller already has it.
 *
 * @throws {@link ParameterError} when a value is not allowed.
 * @internal
 */
export function withParameters(
  base: ParameterInput,
  names: readonly string[],
  values: readonly number[],
  resolved: ModelParameters = resolveParameters(base),
): { readonly input: ParameterInput; readonly resolved: ModelParameters } {
  let input = base;
  // Each nested field keeps the fields set before it (they are in `input`), so one resolve at the end suffices.
  names.forEach((name, i) => {
    input = withParameter(input, resolved, name, values[i]!);
  });
  return { input, resolved: names.length === 0 ? resolved : resolveParameters(input) };
}

/**
 * A parameter input with the parameter at `name` (`'neglectDecay'`, `'lag.mean'`) set
 * to `value`; a nested field starts from the resolved spec without its empty (null)
 * fields, so the result validates as a spec again.
 *
 * @internal
 */
export function withParameter(base: ParameterInput, resolved: ModelParameters, name: string, value: number): ParameterInput {
  const [head, field] = name.split('.') as [keyof ModelParameters, string | undefined];
  const out: Record<string, unknown> = { ...base };
  if (field === undefined) out[head] = value;
  else {
    const spec = Object.fromEntries(Object.entries(resolved[head] as object).filter(([, v]) => v !== null));
    out[head] = { ...spec, ...((out[head] as object | undefined) ?? {}), [field]: value };
  }
  return out as ParameterInput;
}
