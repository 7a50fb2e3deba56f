/**
 * An account: the model's parameters for one real account, and how its
 * measurements relate to the model's units — views per unit of reach, leads
 * per unit of interest. With an account, the analyses report reach and
 * interest in the account's units (views a day, leads a day; totals in views
 * and leads); without one they stay in model units, and say so.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { frozenCopy, knownKeys, plainObject, positive } from '../core/validate.js';
import { resolveParameters, type ParameterInput } from './parameters.js';

/** Options of {@link account}. */
export interface AccountOptions {
  /** The account's name (`'our TikTok'`). */
  readonly name: string;
  /** Its parameters, where they differ from the defaults (a fit's `parameterInput`). @defaultValue `{}` */
  readonly parameters?: ParameterInput;
  /** What its reach and interest are counted in. @defaultValue `{ reach: 'views', interest: 'leads' }` for the series with a scale */
  readonly units?: {
    /** The unit of reach. @defaultValue `'views'` */
    readonly reach?: string;
    /** The unit of interest. @defaultValue `'leads'` */
    readonly interest?: string;
  };
  /** Measured units per model unit: views per unit of reach, leads per unit of interest (a fit's `scale`). A series without one stays in model units. @defaultValue none */
  readonly scale?: {
    /** Views per unit of reach. */
    readonly reach?: number;
    /** Leads per unit of interest. */
    readonly interest?: number;
  };
}

/** An account, checked: its parameters and, per series, its unit and scale (`null` where it has none: model units). */
export interface Account {
  /** Its name, as given (trimmed). */
  readonly name: string;
  /** Its parameters, where they differ from the defaults. */
  readonly parameters: ParameterInput;
  /** What reach and interest are counted in (`null`: model units). */
  readonly units: {
    /** The unit of reach (`'views'`), or null. */
    readonly reach: string | null;
    /** The unit of interest (`'leads'`), or null. */
    readonly interest: string | null;
  };
  /** Measured units per model unit (`null`: model units). */
  readonly scale: {
    /** Views per unit of reach, or null. */
    readonly reach: number | null;
    /** Leads per unit of interest, or null. */
    readonly interest: number | null;
  };
}

/** What each series of a result is counted in. */
export interface SeriesUnits {
  /** Equity: always model units (it is the platform's standing, not a count). */
  readonly equity: string;
  /** Equity earned a day. */
  readonly inflow: string;
  /** Reach a day: views a day with an account's scale. */
  readonly reach: string;
  /** The recent-events agenda. */
  readonly agenda: string;
  /** Momentum: a share of recent days. */
  readonly momentum: string;
  /** Interest a day: leads a day with an account's scale. */
  readonly interest: string;
}

/**
 * The units of every series in model units (no account).
 *
 * @example
 * ```ts
 * import { MODEL_UNITS, simulate } from 'relationship-equity';
 * simulate({ horizon: '1 year' }).units.interest === MODEL_UNITS.interest; // true: no account, model units
 * ```
 */
export const MODEL_UNITS: SeriesUnits = Object.freeze({
  equity: 'equity (model units)',
  inflow: 'equity a day (model units)',
  reach: 'reach a day (model units)',
  agenda: 'recent events (model units)',
  momentum: 'share of recent days active',
  interest: 'interest a day (model units)',
});

/**
 * An account: its parameters, and its measured units per model unit.
 *
 * @throws {@link ParameterError} naming the field: no name, invalid parameters,
 * a scale that is not > 0, a unit that is not a non-empty string, a unit without a scale.
 * @example
 * ```ts
 * import { account, absenceCost } from 'relationship-equity';
 * const ours = account({ name: 'our TikTok', scale: { reach: 12, interest: 0.006 } });
 * absenceCost({ account: ours, activeFor: '18 months', absentFor: '8 months' }).units.interest; // 'leads a day'
 * ```
 */
export function account(options: AccountOptions): Account {
  return readAccount('account', options);
}

/** Read an account (one made by {@link account}, or its plain data). @internal */
export function readAccount(field: string, value: unknown): Account {
  const o = plainObject(field, value);
  knownKeys(field, o, ['name', 'parameters', 'units', 'scale']);
  if (typeof o.name !== 'string' || o.name.trim() === '' || o.name.length > 200) throw new ParameterError(`${field}.name`, o.name, 'a non-empty name of up to 200 characters');
  const parameters = frozenCopy(`${field}.parameters`, (o.parameters === undefined ? {} : plainObject(`${field}.parameters`, o.parameters)) as ParameterInput);
  resolveParameters(parameters);
  const scaleIn = o.scale === undefined ? {} : plainObject(`${field}.scale`, o.scale);
  const unitsIn = o.units === undefined ? {} : plainObject(`${field}.units`, o.units);
  knownKeys(`${field}.scale`, scaleIn, ['reach', 'interest']);
  knownKeys(`${field}.units`, unitsIn, ['reach', 'interest']);
  const read = (series: 'reach' | 'interest', fallback: string) => {
    // null is how an account made by account() says "model units": it reads back as it was written.
    const scale = scaleIn[series] === undefined || scaleIn[series] === null ? null : positive(`${field}.scale.${series}`, scaleIn[series]);
    const unit = unitsIn[series] === null ? undefined : unitsIn[series];
    if (unit !== undefined && (typeof unit !== 'string' || unit.trim() === '' || unit.length > 100)) throw new ParameterError(`${field}.units.${series}`, unit, 'a unit such as views or leads (up to 100 characters)');
    if (unit !== undefined && scale === null) throw new ParameterError(`${field}.units.${series}`, unit, `given with scale.${series} (the ${unit} per model unit)`);
    return { scale, unit: scale === null ? null : ((unit as string | undefined) ?? fallback).trim() };
  };
  const reach = read('reach', 'views');
  const interest = read('interest', 'leads');
  return Object.freeze({
    name: o.name.trim(),
    parameters,
    units: Object.freeze({ reach: reach.unit, interest: interest.unit }),
    scale: Object.freeze({ reach: reach.scale, interest: interest.scale }),
  });
}

/** The units of every series under an account (or none). */
export function unitsOf(account: Account | null): SeriesUnits {
  if (account === null) return MODEL_UNITS;
  return Object.freeze({
    ...MODEL_UNITS,
    reach: account.units.reach === null ? MODEL_UNITS.reach : `${account.units.reach} a day`,
    interest: account.units.interest === null ? MODEL_UNITS.interest : `${account.units.interest} a day`,
  });
}

/** A flow's unit a day as the unit of its total: `'leads a day'` → `'leads'`, `'interest a day (model units)'` → `'interest (model units)'`. @internal */
export function totalUnit(unitPerDay: string): string {
  return unitPerDay.replace(/ a day( \(model units\))?$/, '$1');
}

/** The parameters a run uses: the account's, then those given for the run on top. @internal */
export function accountParameters(account: Account | null, parameters: ParameterInput | undefined): ParameterInput {
  if (account === null) return parameters ?? {};
  if (parameters === undefined) return account.parameters;
  const merged: Record<string, unknown> = { ...account.parameters };
  for (const [key, value] of Object.entries(parameters)) {
    const base = merged[key];
    // A nested spec (response, lag) is completed from the account's unless it names a kind of its own.
    const nested = base !== null && typeof base === 'object' && value !== null && typeof value === 'object' && !('kind' in (value as object));
    merged[key] = nested ? { ...(base as object), ...(value as object) } : value;
  }
  return merged as ParameterInput;
}

/** The factor from model units to the account's units for one series (1 where it has no scale). @internal */
export function scaleOf(account: Account | null, series: string): number {
  if (account === null || (series !== 'reach' && series !== 'interest')) return 1;
  return account.scale[series] ?? 1;
}

/** Multiply arrays by a factor, in place (a factor of 1 leaves them). @internal */
export function scaleArrays(factor: number, arrays: readonly (Float64Array | undefined)[]): void {
  if (factor === 1) return;
  for (const values of arrays) if (values !== undefined) for (let i = 0; i < values.length; i++) values[i] = values[i]! * factor;
}

/** Whether two runs are counted alike: the same account units and scales (or both in model units). @internal */
export function sameAccounting(a: Account | null, b: Account | null): boolean {
  const key = (x: Account | null) => (x === null ? 'model units' : JSON.stringify([x.units, x.scale]));
  return key(a) === key(b);
}

/** Multiply a run's reach and interest by the account's scales, in place. @internal */
export function applyScale(account: Account | null, series: { reach?: Float64Array; interest?: Float64Array }): void {
  if (account === null) return;
  for (const name of ['reach', 'interest'] as const) {
    const s = account.scale[name];
    const values = series[name];
    if (s === null || values === undefined) continue;
    for (let i = 0; i < values.length; i++) values[i] = values[i]! * s;
  }
}
