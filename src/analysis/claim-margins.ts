/**
 * How far the claims table stands from breaking: for each claim and each
 * parameter, the smallest move up and down (relative to the parameter's value)
 * at which the claim stops holding. A claim that breaks within 5% of some
 * parameter is knife-edge — its headline rests on that value being right.
 *
 * The search scans moves of 1%, 2%, 5%, 10%, 20% and 50% (and `largest`) and
 * refines the first break found by bisection, so a break narrower than the
 * scan's spacing can be missed; where a move the parameter cannot take (a share
 * above 1, a negative weight) comes first, the bisection finds the edge of what
 * is allowed and the search ends there (`limit`). A parameter whose value is 0
 * cannot move by a share of itself: its margins are `{ breaksAt: null, limit: 0 }`.
 *
 * @module
 */
import { InputTypeError, ParameterError } from '../core/errors.js';
import { figure, percent, presentable } from '../core/present.js';
import { knownKeys, plainObject } from '../core/validate.js';
import { PARAMETER_RANGES } from '../model/parameter-ranges.js';
import { parameterValue, resolveParameters, withParameters, type ModelParameters, type ParameterInput } from '../model/parameters.js';
import { CLAIM_IDS, measureClaim, type ClaimId } from './claims.js';

/** Options of {@link claimMargins}. */
export interface ClaimMarginOptions {
  /** The claims to test. @defaultValue every claim ({@link CLAIM_IDS}) */
  readonly claims?: readonly ClaimId[];
  /** The parameters to move, by path. @defaultValue every parameter of {@link PARAMETER_RANGES} */
  readonly parameters?: readonly string[];
  /** The largest relative move tried, as a share (0.5: ±50%). @defaultValue 0.5 */
  readonly largest?: number;
  /** How finely a break is located, as a share of the value. @defaultValue 0.001 */
  readonly tolerance?: number;
  /** Below this margin a claim is knife-edge. @defaultValue 0.05 */
  readonly knifeEdge?: number;
  /** Parameters changed from the defaults, the point whose margins are measured. @defaultValue `{}` */
  readonly base?: ParameterInput;
}

/** How far one parameter can move, one way, before a claim breaks. */
export interface Margin {
  /** The relative move at which the claim breaks (0.031: at +3.1% or −3.1%, within `tolerance`), or `null` if it holds all the way to `limit`. */
  readonly breaksAt: number | null;
  /** The furthest move searched: `largest`, or less where the parameter's allowed values end. */
  readonly limit: number;
}

/** One parameter's margins for one claim. */
export interface ParameterMargin {
  /** The parameter's path. */
  readonly parameter: string;
  /** Its value at the base. */
  readonly value: number;
  /** Moving it down. */
  readonly down: Margin;
  /** Moving it up. */
  readonly up: Margin;
}

/** The smallest move of one parameter that breaks a claim. */
export interface NarrowestMargin {
  /** The parameter's path. */
  readonly parameter: string;
  /** Which way it moves. */
  readonly direction: 'up' | 'down';
  /** The relative move at which the claim breaks. */
  readonly breaksAt: number;
}

/** Every claim's margins, in the order asked for, with a summary. */
export interface ClaimMargins extends Array<ClaimMargin> {
  /** The headline of each claim: whether it holds, its narrowest margin, whether it is knife-edge. */
  summary(): ClaimMarginSummary[];
}

/** One claim's margins. */
export interface ClaimMargin {
  /** The claim's id. */
  readonly id: ClaimId;
  /** Whether it holds at the base (if not, every margin is 0). */
  readonly holds: boolean;
  /** Per parameter, its margins. */
  readonly margins: readonly ParameterMargin[];
  /** The smallest move that breaks the claim: which parameter, which way, how far; `null` if none does within the search (or the claim does not hold at all). */
  readonly narrowest: NarrowestMargin | null;
  /** Whether the claim holds but its narrowest margin is under `knifeEdge`. */
  readonly knifeEdge: boolean;
}

const SCAN = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5];

/** Whether the claim holds with the parameter moved by `move` (relative); `null` where the parameter cannot take that value. */
function holdsAt(id: ClaimId, base: ParameterInput, resolved: ModelParameters, parameter: string, value: number, move: number): boolean | null {
  let input: ParameterInput;
  try {
    input = withParameters(base, [parameter], [value * (1 + move)], resolved).input;
  } catch (error) {
    if (error instanceof ParameterError) return null;
    throw error;
  }
  return measureClaim(id, { parameters: input }).holds;
}

/**
 * The margin one way: scan, then bisect between the last move that held and the
 * first that did not — to the break, or, where the parameter's allowed values end
 * first, to that edge.
 */
function marginOneWay(holds: (move: number) => boolean | null, sign: 1 | -1, largest: number, tolerance: number): Margin {
  let held = 0;
  for (const step of [...SCAN.filter((m) => m < largest), largest]) {
    const verdict = holds(sign * step);
    if (verdict === true) {
      held = step;
      continue;
    }
    // `beyond` does not hold: it breaks the claim (broke) or is not an allowed value.
    let beyond = step;
    let broke = verdict === false;
    while (beyond - held > tolerance) {
      const middle = (held + beyond) / 2;
      const v = holds(sign * middle);
      if (v === true) held = middle;
      else [beyond, broke] = [middle, v === false];
    }
    return broke ? { breaksAt: beyond, limit: largest } : { breaksAt: null, limit: held };
  }
  return { breaksAt: null, limit: largest };
}

/** Read the options of {@link claimMargins}. */
function readOptions(options: unknown) {
  const o = plainObject('options', options ?? {});
  knownKeys('options', o, ['claims', 'parameters', 'largest', 'tolerance', 'knifeEdge', 'base']);
  const list = <T extends string>(field: string, value: unknown, allowed: readonly T[]): readonly T[] => {
    if (value === undefined) return allowed;
    if (!Array.isArray(value) || value.length === 0) throw new ParameterError(field, value, `a non-empty list of ${allowed.join(', ')}`);
    value.forEach((v, i) => {
      if (!allowed.includes(v as T)) throw new ParameterError(`${field}[${i}]`, v, `one of ${allowed.join(', ')}`);
    });
    return value as T[];
  };
  const share = (field: string, value: unknown, fallback: number, most: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !(value > 0 && value <= most)) throw new ParameterError(field, value, `a share above 0 and at most ${most}`);
    return value;
  };
  return {
    claims: list('claims', o.claims, CLAIM_IDS),
    parameters: list('parameters', o.parameters, Object.keys(PARAMETER_RANGES)),
    largest: share('largest', o.largest, 0.5, 10),
    tolerance: share('tolerance', o.tolerance, 0.001, 0.1),
    knifeEdge: share('knifeEdge', o.knifeEdge, 0.05, 10),
    base: plainObject('base', o.base ?? {}) as ParameterInput,
  };
}

/**
 * For each claim, how far each parameter can move up and down before the claim
 * breaks, and which claims are knife-edge.
 *
 * @throws {@link ParameterError} for an unknown claim or parameter, or a bad share.
 * @example
 * ```ts
 * import { claimMargins } from 'relationship-equity';
 * const [c6] = claimMargins({ claims: ['C6'], parameters: ['response.shape'] });
 * c6.margins[0].up.breaksAt; // ≈ 0.03: claim C6 breaks when the response's shape is 3% higher
 * c6.knifeEdge; // true
 * ```
 */
export function claimMargins(options: ClaimMarginOptions = {}): ClaimMargins {
  const { claims, parameters, largest, tolerance, knifeEdge, base } = readOptions(options);
  const resolved = resolveParameters(base);
  const result = claims.map((id): ClaimMargin => {
    const holds = measureClaim(id, { parameters: base }).holds;
    const margins = parameters.map((parameter): ParameterMargin => {
      const value = parameterValue(resolved, parameter)!;
      const at = (move: number) => holdsAt(id, base, resolved, parameter, value, move);
      // A claim that does not hold has no margin; a parameter at 0 cannot move by a share of itself.
      const none: Margin = { breaksAt: holds ? null : 0, limit: 0 };
      const moves = holds && value !== 0;
      return { parameter, value, down: moves ? marginOneWay(at, -1, largest, tolerance) : none, up: moves ? marginOneWay(at, 1, largest, tolerance) : none };
    });
    const narrowest = (holds ? margins : [])
      .flatMap((m) => (['down', 'up'] as const).map((direction) => ({ parameter: m.parameter, direction, breaksAt: m[direction].breaksAt })))
      .filter((m): m is NarrowestMargin => m.breaksAt !== null)
      .sort((a, b) => a.breaksAt - b.breaksAt)[0];
    return { id, holds, margins, narrowest: narrowest ?? null, knifeEdge: narrowest !== undefined && narrowest.breaksAt < knifeEdge };
  });
  return presentable(result, {
    summary: (r): ClaimMarginSummary[] => r.map((c) => ({ id: c.id, holds: c.holds, narrowest: c.narrowest, knifeEdge: c.knifeEdge })),
    lines: (r) => ['Claim margins (the smallest move of one parameter that breaks each claim)', ...r.map(marginLine)],
  });
}

/** The headline of one claim's margins. */
export interface ClaimMarginSummary {
  /** The claim's id. */
  readonly id: ClaimId;
  /** Whether it holds at the base. */
  readonly holds: boolean;
  /** Its narrowest margin, or `null`. */
  readonly narrowest: NarrowestMargin | null;
  /** Whether it is knife-edge. */
  readonly knifeEdge: boolean;
}

/**
 * One claim's margin in a line: "C6  knife-edge: breaks at response.shape +3.1%".
 *
 * @example
 * ```ts
 * import { claimMargins, marginLine } from 'relationship-equity';
 * marginLine(claimMargins({ claims: ['C7'], parameters: ['eventWeight'] })[0]); // 'C7   holds for every move of up to 50% …'
 * ```
 */
export function marginLine(claim: ClaimMargin): string {
  const o = plainObject('claim', claim);
  if (typeof o.id !== 'string' || typeof o.holds !== 'boolean' || !Array.isArray(o.margins)) throw new InputTypeError('claim', claim, 'one claim of what claimMargins returns');
  const id = claim.id.padEnd(4);
  if (!claim.holds) return `${id} does not hold at the base parameters`;
  if (claim.narrowest === null) return `${id} holds for every move of up to ${percent(Math.max(...claim.margins.flatMap((m) => [m.up.limit, m.down.limit])))} of each parameter tried`;
  const { parameter, direction, breaksAt } = claim.narrowest;
  const sign = direction === 'up' ? '+' : '−';
  return `${id} ${claim.knifeEdge ? 'knife-edge: ' : ''}breaks first at ${parameter} ${sign}${figure(breaksAt * 100)}%`;
}
