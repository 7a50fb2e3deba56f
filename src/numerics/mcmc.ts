/**
 * Convergence figures for Markov chains: the rank-normalised split R̂ and the
 * effective sample size, as Stan and ArviZ compute them, over chains given side
 * by side (the walkers of an ensemble sampler, each taken as a chain).
 *
 * R̂ compares the variance within chain halves with the variance between them
 * (1 when they agree); the bulk figure ranks all draws and maps the ranks to
 * normal scores, the tail figure does the same for the draws' distance from the
 * median, and the larger is reported. The effective sample size sums the
 * chains' autocorrelations up to Geyer's initial monotone sequence.
 *
 * References: A. Vehtari, A. Gelman, D. Simpson, B. Carpenter and P.-C. Bürkner,
 * "Rank-normalization, folding, and localization: an improved R̂ for assessing
 * convergence of MCMC", *Bayesian Analysis* 16(2), 2021; C. J. Geyer, "Practical
 * Markov chain Monte Carlo", *Statistical Science* 7(4), 1992.
 *
 * @internal
 * @module
 */
import { normalQuantile } from './normal.js';

/** Chains as rows: chains[c][t]. */
type Chains = readonly Float64Array[];

/** Each chain cut in two halves: 2m chains of ⌊n/2⌋ draws. */
function split(chains: Chains): Float64Array[] {
  const n = Math.floor(chains[0]!.length / 2);
  return chains.flatMap((c) => [c.subarray(0, n), c.subarray(c.length - n)]);
}

/** The draws replaced by the normal scores of their ranks over all chains (ties get their average rank). */
function rankNormalize(chains: Chains): Float64Array[] {
  const all = chains.flatMap((c, i) => Array.from(c, (v, t) => ({ v, i, t })));
  all.sort((a, b) => a.v - b.v);
  const S = all.length;
  const out = chains.map((c) => new Float64Array(c.length));
  for (let r = 0; r < S; ) {
    let e = r;
    while (e + 1 < S && all[e + 1]!.v === all[r]!.v) e++;
    const rank = (r + e) / 2 + 1;
    const z = normalQuantile((rank - 0.375) / (S + 0.25));
    for (let k = r; k <= e; k++) out[all[k]!.i]![all[k]!.t] = z;
    r = e + 1;
  }
  return out;
}

function mean(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** R̂ of chains already split: √(((n − 1)/n · W + B/n) / W). */
function rHatOf(chains: Chains): number {
  const m = chains.length;
  const n = chains[0]!.length;
  if (n < 2) return NaN;
  const means = chains.map(mean);
  const grand = means.reduce((s, v) => s + v, 0) / m;
  const B = (n / (m - 1)) * means.reduce((s, v) => s + (v - grand) ** 2, 0);
  const W = chains.reduce((s, c, i) => s + c.reduce((t, v) => t + (v - means[i]!) ** 2, 0) / (n - 1), 0) / m;
  if (!(W > 0)) return B > 0 ? Infinity : 1;
  return Math.sqrt(((n - 1) / n) * W + B / n) / Math.sqrt(W);
}

/** The rank-normalised split R̂: the larger of the bulk figure and the tail (folded) figure. */
export function splitRHat(chains: Chains): number {
  const halves = split(chains);
  const bulk = rHatOf(rankNormalize(halves));
  const all = halves.flatMap((c) => Array.from(c)).sort((a, b) => a - b);
  const median = all[Math.floor(all.length / 2)]!;
  const folded = halves.map((c) => c.map((v) => Math.abs(v - median)));
  const tail = rHatOf(rankNormalize(folded));
  return Math.max(bulk, tail);
}

/** The autocovariance of x at lags 0 … n − 1 (direct sums; chains here are a few hundred long). */
function autocovariance(x: Float64Array): Float64Array {
  const n = x.length;
  const mu = mean(x);
  const out = new Float64Array(n);
  for (let lag = 0; lag < n; lag++) {
    let s = 0;
    for (let t = 0; t + lag < n; t++) s += (x[t]! - mu) * (x[t + lag]! - mu);
    out[lag] = s / n;
  }
  return out;
}

/** The bulk effective sample size of chains (rank-normalised and split), after Stan's multi-chain estimator. */
export function effectiveSampleSize(chains: Chains): number {
  const c = rankNormalize(split(chains));
  const m = c.length;
  const n = c[0]!.length;
  if (n < 4) return m * n;
  const acov = c.map(autocovariance);
  const means = c.map(mean);
  const grand = means.reduce((s, v) => s + v, 0) / m;
  const W = acov.reduce((s, a) => s + a[0]!, 0) / m * (n / (n - 1));
  const B = m > 1 ? (n / (m - 1)) * means.reduce((s, v) => s + (v - grand) ** 2, 0) : 0;
  const varPlus = ((n - 1) / n) * W + B / n;
  const rho = (lag: number): number => 1 - (W - acov.reduce((s, a) => s + a[lag]!, 0) / m) / varPlus;
  // Geyer: sum pairs Γ_k = ρ_{2k} + ρ_{2k+1} while positive, kept monotone.
  let tau = -1;
  let previous = Infinity;
  for (let k = 0; 2 * k + 1 < n; k++) {
    let gamma = rho(2 * k) + rho(2 * k + 1);
    if (!(gamma > 0)) break;
    gamma = Math.min(gamma, previous);
    previous = gamma;
    tau += 2 * gamma;
  }
  return (m * n) / Math.max(tau, 1 / Math.log10(m * n));
}
