/**
 * Synthetic account histories with known parameters, for calibration tests and
 * measurements: three years of logged posts at three cadences with one long
 * absence, the model's weekly (or monthly) series from true parameters drawn
 * at random, and seeded measurement noise. Nothing here is tuned to a fit: the
 * ranges are the ones a strategist's accounts span.
 */
import { randomStream, schedule, simulate, type ParameterInput, type Schedule } from 'relationship-equity';

export interface SyntheticHistory {
  readonly history: Schedule;
  readonly values: (number | null)[];
  readonly truth: Record<string, number>;
  readonly parameters: ParameterInput;
  readonly absence: { readonly from: number; readonly days: number };
}

export interface HistoryRecipe {
  /** Periods observed. @defaultValue 156 (three years of weeks) */
  readonly periods?: number;
  /** Days per period. @defaultValue 7 */
  readonly period?: number;
  /** Noise: lognormal σ, or 'poisson-gamma' counts with this size. @defaultValue { lognormal: 0.25 } */
  readonly noise?: { readonly lognormal: number } | { readonly negativeBinomialSize: number };
  /** Which series is observed. @defaultValue 'reach' */
  readonly series?: 'reach' | 'interest';
  /** Multiply the observations by e^{trend · years}: a trend the model cannot make. @defaultValue 0 */
  readonly trendPerYear?: number;
  /** Draw the true parameters (given the stream). */
  readonly truth?: (random: () => number) => { readonly truth: Record<string, number>; readonly parameters: ParameterInput };
  /** Measured units per model unit. @defaultValue 500 to 5000, log-uniform */
  readonly scale?: number;
  /** Where the absence may start, as shares of the span. @defaultValue [0.25, 0.75] */
  readonly absenceAt?: readonly [number, number];
  /** How long the absence may last, in days. @defaultValue [90, 200] */
  readonly absenceDays?: readonly [number, number];
}

/** The truth: neglectDecay ~ U(0.0008, 0.003), halfSaturation ~ U(0.35, 0.9). */
export function neglectAndSaturation(random: () => number) {
  const neglectDecay = 0.0008 + 0.0022 * random();
  const halfSaturation = 0.35 + 0.55 * random();
  return {
    truth: { neglectDecay, 'response.halfSaturation': halfSaturation },
    parameters: { neglectDecay, response: { kind: 'hill' as const, halfSaturation, shape: 1.6 } },
  };
}

/** A standard normal from two uniforms (Box–Muller). */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A gamma(shape) draw (Marsaglia–Tsang; shape ≥ 1 boosted). */
function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * Math.pow(Math.max(random(), 1e-300), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(Math.max(random(), 1e-300)) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function poisson(mean: number, random: () => number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/** One synthetic history, the same for the same seed. */
export function syntheticHistory(seed: string, recipe: HistoryRecipe = {}): SyntheticHistory {
  const random = randomStream(seed, 0);
  const period = recipe.period ?? 7;
  const periods = recipe.periods ?? 156;
  const span = period * periods;
  const { truth, parameters } = (recipe.truth ?? neglectAndSaturation)(random);
  // Three cadences over the span, each from 1 post a fortnight to 1.5 a day.
  const cuts = [0, Math.floor(span * (0.2 + 0.2 * random())), Math.floor(span * (0.55 + 0.2 * random())), span];
  const rates = [0, 1, 2].map(() => Math.exp(Math.log(1 / 14) + (Math.log(1.5) - Math.log(1 / 14)) * random()));
  const [lo, hi] = recipe.absenceAt ?? [0.25, 0.75];
  const [shortest, longest] = recipe.absenceDays ?? [90, 200];
  const days = shortest + Math.floor((longest - shortest + 1) * random());
  const from = Math.floor(span * (lo + (hi - lo) * random()));
  const entries: { day: number; posts: number; events: number }[] = [];
  for (let day = 0; day < span; day++) {
    const quiet = day >= from && day < from + days;
    const rate = rates[day < cuts[1]! ? 0 : day < cuts[2]! ? 1 : 2]!;
    const posts = quiet ? 0 : Math.max(day === 0 ? 1 : 0, poisson(rate, random)); // the account opens with a post
    const events = !quiet && day % 30 === 12 && random() < 0.5 ? 1 : 0;
    if (posts + events > 0) entries.push({ day, posts, events });
  }
  const history = schedule.fromLog(entries, { end: span });
  const run = simulate({ horizon: span, activity: history, parameters });
  const series = run[recipe.series ?? 'reach'];
  const scale = recipe.scale ?? Math.exp(Math.log(500) + Math.log(10) * random());
  const noise = recipe.noise ?? { lognormal: 0.25 };
  const values = Array.from({ length: periods }, (_, k) => {
    let sum = 0;
    for (let d = k * period; d < (k + 1) * period; d++) sum += series[d]!;
    const mean = scale * sum * Math.exp(((recipe.trendPerYear ?? 0) * (k + 0.5) * period) / 365);
    if ('lognormal' in noise) return mean * Math.exp(noise.lognormal * normal(random));
    const size = noise.negativeBinomialSize;
    return poisson(mean * gamma(size, random) / size, random);
  });
  return { history, values, truth, parameters, absence: { from, days } };
}

/** Weekly lead counts made with a lag of a shape the Erlang default cannot take (gamma, shape 1.5; mean 200–450 days), negative-binomial noise of size 20. */
export const WRONG_SHAPE_LAG: HistoryRecipe = {
  series: 'interest',
  noise: { negativeBinomialSize: 20 },
  scale: 0.05,
  truth: (random) => {
    const mean = 200 + 250 * random();
    return { truth: { 'lag.mean': mean }, parameters: { lag: { kind: 'gamma', mean, shape: 1.5, maxLag: 2000 } } };
  },
};
