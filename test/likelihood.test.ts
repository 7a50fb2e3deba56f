/**
 * The likelihoods of a fit: the scale each solves is the most likely one, the
 * log-likelihoods are the full densities (so fits compare), the negative
 * binomial's size is recovered from counts with a known size, and the marginal
 * likelihood of the posterior is the integral it claims to be.
 */
import { describe, expect, it } from 'vitest';
import { randomStream } from 'relationship-equity';
import { likelihoodOf, marginalLogLikelihood, negativeBinomialLogLikelihood, negativeBinomialSize } from '../src/fit/likelihood.js';
import { logGamma } from '../src/numerics/special.js';

const m = Float64Array.from({ length: 40 }, (_, j) => 2 + Math.sin(j / 3) + j / 20);

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function gamma(shape: number, random: () => number): number {
  // Marsaglia–Tsang, shape ≥ 1
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function poisson(mean: number, random: () => number): number {
  let k = 0;
  for (let p = random(), limit = Math.exp(-mean); p > limit; p *= random()) k++;
  return k;
}

describe('likelihoods', () => {
  const random = randomStream('likelihood', 0);
  const y = Array.from(m, (v) => 50 * v * Math.exp(0.2 * normal(random)));
  const counts = Array.from(m, (v) => poisson((3 * v * gamma(5, random)) / 5, random));

  it.each(['normal', 'lognormal', 'negative-binomial'] as const)('%s: the scale it solves is the most likely one', (name) => {
    const data = name === 'negative-binomial' ? counts : y;
    const like = likelihoodOf(name, data, 5);
    const at = like.evaluate(m)!;
    const logLikelihoodAt = (s: number): number => {
      if (name === 'negative-binomial') return negativeBinomialLogLikelihood(data, m, s, 5);
      const r = like.residualsAt(m, s);
      const n = r.length;
      const sigma2 = r.reduce((t, v) => t + v * v, 0) / n;
      const jacobian = name === 'lognormal' ? data.reduce((t, v) => t + Math.log(v), 0) : 0;
      return -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1) - jacobian;
    };
    expect(at.logLikelihood).toBeCloseTo(logLikelihoodAt(at.scale), 8);
    for (const f of [0.99, 1.01]) expect(logLikelihoodAt(at.scale * f)).toBeLessThan(at.logLikelihood);
  });

  it('the normal log-likelihood is the sum of the normal densities at σ̂', () => {
    const like = likelihoodOf('normal', y);
    const at = like.evaluate(m)!;
    const sigma = like.noiseAt(m, at.scale);
    const direct = y.reduce((t, v, j) => t - 0.5 * Math.log(2 * Math.PI * sigma * sigma) - (v - at.scale * m[j]!) ** 2 / (2 * sigma * sigma), 0);
    expect(at.logLikelihood).toBeCloseTo(direct, 8);
  });

  it('the negative binomial: full pmf, deviance residuals that sum to twice the distance from the saturated fit', () => {
    const like = likelihoodOf('negative-binomial', counts, 5);
    const at = like.evaluate(m)!;
    const pmf = (v: number, mu: number, k: number) => logGamma(v + k) - logGamma(k) - logGamma(v + 1) + k * Math.log(k / (k + mu)) + v * Math.log(mu / (k + mu) || 1);
    expect(at.logLikelihood).toBeCloseTo(counts.reduce((t, v, j) => t + pmf(v, at.scale * m[j]!, 5), 0), 8);
    const saturated = counts.reduce((t, v) => t + (v > 0 ? pmf(v, v, 5) : 0), 0);
    expect(at.r.reduce((t, v) => t + v * v, 0)).toBeCloseTo(2 * (saturated - at.logLikelihood), 6);
  });

  it('recovers the size of negative-binomial counts', () => {
    const r = randomStream('size', 0);
    const mean = Float64Array.from({ length: 3000 }, (_, j) => 5 + 20 * ((j % 10) / 10));
    const data = Array.from(mean, (mu) => poisson((mu * gamma(4, r)) / 4, r));
    expect(negativeBinomialSize(data, mean, 1)).toBeGreaterThan(3.3);
    expect(negativeBinomialSize(data, mean, 1)).toBeLessThan(4.8);
    // Poisson counts: the size runs to the top of its range (no overdispersion)
    const plain = Array.from(mean, (mu) => poisson(mu, r));
    expect(negativeBinomialSize(plain, mean, 1)).toBeGreaterThan(100);
  });

  it('refuses a model of 0 under a positive value (lognormal, negative binomial), not the normal', () => {
    const zero = Float64Array.from(m, (v, j) => (j === 4 ? 0 : v));
    expect(likelihoodOf('lognormal', y).evaluate(zero)).toBeNull();
    expect(likelihoodOf('negative-binomial', counts.map((v) => v + 1)).evaluate(zero)).toBeNull();
    expect(likelihoodOf('normal', y).evaluate(zero)).not.toBeNull();
  });

  it('the marginal likelihood integrates the scale and σ out: −(n − 1)/2 log RSS, by quadrature for a small case', () => {
    const small = y.slice(0, 6);
    const mm = m.slice(0, 6);
    const like = likelihoodOf('lognormal', small);
    // ∫∫ p(log y | a, σ) (1/σ) da dσ over a grid, compared at two model paths: the ratio is what matters.
    const integral = (path: Float64Array): number => {
      let total = 0;
      for (let i = 0; i < 400; i++) {
        const a = 2 + (4 * (i + 0.5)) / 400;
        for (let k = 0; k < 400; k++) {
          const sigma = 0.01 + (2 * (k + 0.5)) / 400;
          let log = -Math.log(sigma);
          small.forEach((v, j) => (log += -Math.log(sigma * Math.sqrt(2 * Math.PI)) - (Math.log(v) - a - Math.log(path[j]!)) ** 2 / (2 * sigma * sigma)));
          total += Math.exp(log);
        }
      }
      return Math.log(total);
    };
    const other = Float64Array.from(mm, (v, j) => v * (1 + 0.1 * j));
    const exact = marginalLogLikelihood(like, mm) - marginalLogLikelihood(like, other);
    expect(exact).toBeCloseTo(integral(mm) - integral(other), 2);
  });
});
