/**
 * The resource budget: how much work and memory one call may ask for. Each
 * entry point estimates both from its options — before it allocates or
 * parses anything large — and refuses with a {@link ParameterError} naming
 * the option that drives them, past these documented limits (docs/limits.md).
 *
 * @module
 */
import { ParameterError } from './errors.js';

/**
 * The limits of one call.
 *
 * - `steps`: model steps one call may compute, over all its runs and scenarios
 *   (10⁸ ≈ 10–30 s on one core): a Monte Carlo's runs × grid points, a
 *   platform's accounts × grid points, an allocation's channels × increments
 *   × grid points.
 * - `memoryBytes`: the memory one call may plan to hold at once (1 GiB): paths
 *   kept, bands, per-run state.
 * - `textCharacters`: the longest CSV export or scenario file read (20 million
 *   characters ≈ 20 MB; ten years of daily rows take 0.3 MB).
 * - `cautiousChannels`: channels a cautious allocation (quantile, shortfall)
 *   may weigh — it enumerates the 2^C combinations of which take off.
 * - `platformAccounts`: accounts on one platform.
 *
 * @example
 * ```ts
 * import { LIMITS } from 'relationship-equity';
 * LIMITS.steps; // 100000000
 * ```
 */
export const LIMITS = Object.freeze({
  /** Model steps one call may compute (runs × grid points, …). */
  steps: 100_000_000,
  /** Bytes one call may plan to hold at once (1 GiB). */
  memoryBytes: 2 ** 30,
  /** Characters of the longest CSV export or scenario file read. */
  textCharacters: 20_000_000,
  /** Channels a cautious allocation (quantile, shortfall) may weigh. */
  cautiousChannels: 10,
  /** Accounts on one platform. */
  platformAccounts: 10_000,
});

const millions = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toPrecision(3)} million` : String(Math.round(x)));

/**
 * Refuse a call whose steps (runs × grid points, …) exceed {@link LIMITS}.steps.
 *
 * @throws {@link ParameterError} naming `field`, saying what the call would compute.
 * @internal
 */
export function checkSteps(field: string, value: unknown, steps: number, what: string): void {
  if (!(steps <= LIMITS.steps)) {
    throw new ParameterError(field, value, `small enough that ${what} stays within ${millions(LIMITS.steps)} model steps (this call would take ${millions(steps)}; see LIMITS)`);
  }
}

/**
 * Refuse a call whose planned memory exceeds {@link LIMITS}.memoryBytes.
 *
 * @throws {@link ParameterError} naming `field`.
 * @internal
 */
export function checkMemory(field: string, value: unknown, bytes: number, what: string): void {
  if (!(bytes <= LIMITS.memoryBytes)) {
    throw new ParameterError(field, value, `small enough that ${what} fits in ${LIMITS.memoryBytes / 2 ** 20} MB (this call would need ${Math.ceil(bytes / 2 ** 20)} MB; see LIMITS)`);
  }
}

/**
 * Refuse a text longer than {@link LIMITS}.textCharacters, before it is parsed.
 *
 * @throws {@link ParameterError} naming `field`.
 * @internal
 */
export function checkText(field: string, text: string, what: string): void {
  if (text.length > LIMITS.textCharacters) {
    throw new ParameterError(field, `${text.length} characters`, `${what} of at most ${millions(LIMITS.textCharacters)} characters`);
  }
}
