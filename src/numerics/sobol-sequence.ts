/**
 * The Sobol low-discrepancy sequence, with a seeded random digital shift.
 *
 * Points are made by Gray-code order (Antonov & Saleev 1979) from the
 * direction numbers of Joe & Kuo (2008, "Constructing Sobol sequences with
 * better two-dimensional projections", SIAM J. Sci. Comput. 30, 2635–2654;
 * the file new-joe-kuo-6.21201), 32 bits per coordinate. A digital shift —
 * every coordinate XOR-ed with one seeded random 32-bit word per dimension —
 * keeps the sequence's equidistribution and makes its estimates unbiased, and
 * the same seed gives the same points bit for bit.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { randomStream } from './random.js';

/** Joe & Kuo's primitive polynomials and initial direction numbers for dimensions 2, 3, …: [a, m₁, …, m_s]. */
const DIRECTIONS: readonly (readonly number[])[] = [
  [0, 1], [1, 1, 3], [1, 1, 3, 1], [2, 1, 1, 1], [1, 1, 1, 3, 3], [4, 1, 3, 5, 13], [2, 1, 1, 5, 5, 17], [4, 1, 1, 5, 5, 5],
  [7, 1, 1, 7, 11, 19], [11, 1, 1, 5, 1, 1], [13, 1, 1, 1, 3, 11], [14, 1, 3, 5, 5, 31], [1, 1, 3, 3, 9, 7, 49], [13, 1, 1, 1, 15, 21, 21],
  [16, 1, 3, 1, 13, 27, 49], [19, 1, 1, 1, 15, 7, 5], [22, 1, 3, 1, 15, 13, 25], [25, 1, 1, 5, 5, 19, 61], [1, 1, 3, 7, 11, 23, 15, 103],
  [4, 1, 3, 7, 13, 13, 15, 69], [7, 1, 1, 3, 13, 7, 35, 63], [8, 1, 3, 5, 9, 1, 25, 53], [14, 1, 3, 1, 13, 9, 35, 107], [19, 1, 3, 1, 5, 27, 61, 31],
  [21, 1, 1, 5, 11, 19, 41, 61], [28, 1, 3, 5, 3, 3, 13, 69], [31, 1, 1, 7, 13, 1, 19, 1], [32, 1, 3, 7, 5, 13, 19, 59], [37, 1, 1, 3, 9, 25, 29, 41],
  [41, 1, 3, 5, 13, 23, 1, 55], [42, 1, 3, 7, 3, 13, 59, 17], [50, 1, 3, 1, 3, 5, 53, 69], [55, 1, 1, 5, 5, 23, 33, 13], [56, 1, 1, 7, 7, 1, 61, 123],
  [59, 1, 1, 7, 9, 13, 61, 49], [62, 1, 3, 3, 5, 3, 55, 33], [14, 1, 3, 1, 15, 31, 13, 49, 245], [21, 1, 3, 5, 15, 31, 59, 63, 97],
  [22, 1, 3, 1, 11, 11, 11, 77, 249], [38, 1, 3, 1, 11, 27, 43, 71, 9], [47, 1, 1, 7, 15, 21, 11, 81, 45], [49, 1, 3, 7, 3, 25, 31, 65, 79],
  [50, 1, 3, 1, 1, 19, 11, 3, 205], [52, 1, 1, 5, 9, 19, 21, 29, 157], [56, 1, 3, 7, 11, 1, 33, 89, 185], [67, 1, 3, 3, 3, 15, 9, 79, 71],
  [70, 1, 3, 7, 11, 15, 39, 119, 27], [84, 1, 1, 3, 1, 11, 31, 97, 225], [97, 1, 1, 1, 3, 23, 43, 57, 177], [103, 1, 3, 7, 7, 17, 17, 37, 71],
  [115, 1, 3, 1, 5, 27, 63, 123, 213], [122, 1, 1, 3, 5, 11, 43, 53, 133], [8, 1, 3, 5, 5, 29, 17, 47, 173, 479], [13, 1, 3, 3, 11, 3, 1, 109, 9, 69],
  [16, 1, 1, 1, 5, 17, 39, 23, 5, 343], [22, 1, 3, 1, 5, 25, 15, 31, 103, 499], [25, 1, 1, 1, 11, 11, 17, 63, 105, 183], [44, 1, 1, 5, 11, 9, 29, 97, 231, 363],
  [47, 1, 1, 5, 15, 19, 45, 41, 7, 383], [52, 1, 3, 7, 7, 31, 19, 83, 137, 221], [55, 1, 1, 1, 3, 23, 15, 111, 223, 83], [59, 1, 1, 5, 13, 31, 15, 55, 25, 161],
  [62, 1, 1, 3, 13, 25, 47, 39, 87, 257],
];

/** The most dimensions a sequence can have. */
export const SOBOL_DIMENSIONS = DIRECTIONS.length + 1;

/** Bits per coordinate. */
const BITS = 32;

/** The direction numbers V[k] (k = 0 … 31, scaled to 32 bits) of one dimension (0-based). */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [a, ...m] = DIRECTIONS[dimension - 1]!;
  const s = m.length;
  for (let k = 0; k < s; k++) v[k] = m[k]! * 2 ** (BITS - 1 - k);
  for (let k = s; k < BITS; k++) {
    let x = (v[k - s]! ^ (v[k - s]! >>> s)) >>> 0;
    for (let j = 1; j < s; j++) if ((a! >>> (s - 1 - j)) & 1) x = (x ^ v[k - j]!) >>> 0;
    v[k] = x;
  }
  return v;
}

/**
 * The first `count` points of a `dimensions`-dimensional Sobol sequence in
 * [0, 1), row by row (`points[i * dimensions + j]`), skipping the first point
 * (all zeros before the shift), with a digital shift drawn from `seed` (no
 * shift when `seed` is null).
 *
 * @throws {@link ParameterError} for more dimensions than {@link SOBOL_DIMENSIONS} or more than 2³⁰ points.
 * @internal
 */
export function sobolPoints(count: number, dimensions: number, seed: string | number | null): Float64Array {
  if (!(Number.isInteger(dimensions) && dimensions >= 1 && dimensions <= SOBOL_DIMENSIONS)) {
    throw new ParameterError('dimensions', dimensions, `a whole number from 1 to ${SOBOL_DIMENSIONS} (the direction numbers held)`);
  }
  if (!(Number.isInteger(count) && count >= 1 && count <= 2 ** 30)) throw new ParameterError('count', count, 'a whole number from 1 to 2^30');
  const directions = Array.from({ length: dimensions }, (_, j) => directionNumbers(j));
  const shift = new Uint32Array(dimensions);
  if (seed !== null) {
    const random = randomStream(seed, 0);
    for (let j = 0; j < dimensions; j++) shift[j] = Math.floor(random() * 2 ** BITS) >>> 0;
  }
  const x = new Uint32Array(dimensions);
  const out = new Float64Array(count * dimensions);
  for (let i = 1; i <= count; i++) {
    // Gray code: point i differs from point i − 1 in the direction of the lowest zero bit of i − 1.
    let c = 0;
    for (let n = i - 1; n & 1; n >>>= 1) c++;
    for (let j = 0; j < dimensions; j++) {
      x[j] = (x[j]! ^ directions[j]![c]!) >>> 0;
      out[(i - 1) * dimensions + j] = ((x[j]! ^ shift[j]!) >>> 0) / 2 ** BITS;
    }
  }
  return out;
}
