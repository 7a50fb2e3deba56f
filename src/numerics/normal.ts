/**
 * The standard normal distribution: its CDF Φ (through erfc), its quantile
 * Φ⁻¹ (Acklam's rational approximation, refined), and a fast normal from one
 * uniform for noise. Evaluated at the boundary or once per draw.
 *
 * References: P. J. Acklam, "An algorithm for computing the inverse normal
 * cumulative distribution function" (2003); W. H. Press et al., *Numerical
 * Recipes*, 3rd ed., §6.2 (erfc by its continued fraction, modified Lentz).
 *
 * @internal
 * @module
 */
import type { Random } from './random.js';

/** Φ(x), the standard normal CDF (via erfc, accurate in the tails). */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** erfc(x): the power series of erf below |x| = 2, Laplace's continued fraction (modified Lentz) above. */
function erfc(x: number): number {
  const z = Math.abs(x);
  let result: number;
  if (z < 2) {
    // series for erf
    let sum = z;
    let term = z;
    const z2 = z * z;
    for (let n = 1; n < 200; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    result = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // continued fraction (Lentz) for erfc
    const tiny = 1e-300;
    let f = z;
    let c = z;
    let d = 0;
    for (let n = 1; n < 500; n++) {
      const a = n / 2;
      d = z + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = z + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    result = Math.exp(-z * z) / (f * Math.sqrt(Math.PI));
  }
  return x >= 0 ? result : 2 - result;
}

/**
 * Φ⁻¹(p), the standard normal quantile: Acklam's rational approximation refined
 * by one Halley step (relative error ~1e-15).
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const x = normalFromUniform(p);
  // One Halley refinement.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * A fast standard normal draw for noise: Acklam's approximation without the
 * refinement (relative error below 1.2e-9, far below any noise it models), by
 * inversion, so each draw takes exactly one uniform.
 */
export function fastNormal(random: Random): number {
  return normalFromUniform(random());
}

/** {@link fastNormal} for a uniform already drawn. @internal */
export function normalFromUniform(uniform: number): number {
  // The central region first and kept small, so that hot loops inline it.
  if (uniform >= 0.02425 && uniform <= 0.97575) {
    const q = uniform - 0.5;
    const r = q * q;
    return ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239) * q) /
      (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1);
  }
  return normalTail(uniform);
}

/** Acklam's tails: below 0.02425 and above 0.97575. */
function normalTail(uniform: number): number {
  const p = uniform === 0 ? Number.MIN_VALUE : uniform;
  const lower = p < 0.02425;
  const q = Math.sqrt(-2 * Math.log(lower ? p : 1 - p));
  const z =
    (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
    ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  return lower ? z : -z;
}

