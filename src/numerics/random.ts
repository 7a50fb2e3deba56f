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
 * normal: out[m · stride + t] is stream m's t-th. The same numbers as calling
 * `Math.exp(sigma * fastNormal(random) - sigma * sigma / 2)` on each stream,
 * without a call per draw.
 *
 * @internal
 */
export function lognormalShocks(states: Float64Array, streams: number, count: number, sigma: number, out: Float64Array, stride: number): void {
  const half = (sigma * sigma) / 2;
  for (let m = 0; m < streams; m++) {
    const k = 4 * m;
    let c = states[k]!;
    let s0 = states[k + 1]!;
    let s1 = states[k + 2]!;
    let s2 = states[k + 3]!;
    for (let t = 0, o = m * stride; t < count; t++, o++) {
      // seedrandom's Alea.next, on local numbers.
      const x = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      s0 = s1;
      s1 = s2;
      c = x | 0;
      s2 = x - c;
      out[o] = Math.exp(sigma * normalFromUniform(s2) - half);
    }
    states[k] = c;
    states[k + 1] = s0;
    states[k + 2] = s1;
    states[k + 3] = s2;
  }
}
