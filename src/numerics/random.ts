/**
 * Seeded random streams. The model itself never draws a random number:
 * anything stochastic takes a seed, and run i of a Monte Carlo draws from its
 * own stream derived from (seed, i), so it gives the same numbers whatever the
 * number of runs or how they are split. The distributions drawn from these
 * streams are in `distributions.ts`.
 *
 * @module
 */
import seedrandom from 'seedrandom';
import { InputTypeError, ParameterError } from '../core/errors.js';
import { normalFromUniform } from './normal.js';

/** A uniform generator on [0, 1). */
export type Random = () => number;

/**
 * The random stream of run `index` under `seed` (seedrandom's Alea generator,
 * seeded with `"<seed>/<index>"`). Independent of how many runs there are.
 *
 * @example
 * ```ts
 * import { randomStream } from 'relationship-equity';
 * const random = randomStream('plan-2026', 0);
 * random(); // the same number on every machine, every time
 * ```
 */
export function randomStream(seed: string | number, index: number): Random {
  if (typeof seed !== 'string' && typeof seed !== 'number') {
    throw new InputTypeError('seed', seed, 'a string or a number');
  }
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new ParameterError('seed', seed, 'a finite number or a string');
  if (!(Number.isInteger(index) && index >= 0)) throw new ParameterError('index', index, 'a whole number ≥ 0 (the run)');
  return randomStreamWithState(seed, index).random;
}

/** The state of an Alea generator (seedrandom's names). @internal */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * The stream of {@link randomStream} (arguments already checked), with a way to
 * read its generator's state, so that a hot loop can continue the same stream
 * on plain numbers ({@link lognormalShocks}) instead of a call per draw.
 *
 * @internal
 */
export function randomStreamWithState(seed: string | number, index: number): { random: Random; state(): AleaState } {
  const generator = seedrandom.alea(`${seed}/${index}`, { state: true });
  return { random: () => generator(), state: () => generator.state() as AleaState };
}


/**
 * Continue `streams` Alea streams, whose states lie in `states` as
 * [c, s0, s1, s2] per stream, by `count` draws each, turning every uniform into
 * a mean-one lognormal multiplier exp(σ·z − σ²/2) with z = {@link fastNormal}'s
 * normal: `out[t · streams + m]` is stream m's t-th — point-major, so that a
 * point's multipliers for every stream lie side by side, as the ensemble reads
 * them. The same numbers as calling
 * `Math.exp(sigma * fastNormal(random) - sigma * sigma / 2)` on each stream,
 * without a call per draw.
 *
 * @internal
 */
export function lognormalShocks(states: Float64Array, streams: number, count: number, sigma: number, out: Float64Array): void {
  const half = (sigma * sigma) / 2;
  for (let t = 0, o = 0; t < count; t++) {
    for (let m = 0, k = 0; m < streams; m++, k += 4, o++) {
      // seedrandom's Alea.next, on plain numbers.
      const c = states[k]!;
      const s0 = states[k + 1]!;
      const x = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      const carry = x | 0;
      const next = x - carry;
      states[k] = carry;
      states[k + 1] = states[k + 2]!;
      states[k + 2] = states[k + 3]!;
      states[k + 3] = next;
      out[o] = Math.exp(sigma * normalFromUniform(next) - half);
    }
  }
}
