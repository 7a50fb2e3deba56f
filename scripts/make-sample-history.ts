/**
 * Writes examples/data/tiktok-weekly.csv: a made-up account's weekly export
 * (posts, events, views, leads) made by the model from known parameters, so
 * that the worked example in docs/history-and-planning.md can say how close
 * the fit came. Three years of weeks at three cadences, a five-month absence
 * in the second year, and the last six weeks quiet; views vary ±25% week to
 * week (lognormal), leads are counts (negative binomial, size 10).
 *
 *   npx tsx scripts/make-sample-history.ts
 *
 * The truth: neglectDecay 0.0021 a day, response.halfSaturation 0.5 posts a
 * day; 12 views per unit of reach and 0.006 leads per unit of interest.
 */
import { randomStream, schedule, simulate } from '../src/index.js';
import { writeFile } from '../examples/lib/render.js';

const TRUTH = { neglectDecay: 0.0021, response: { kind: 'hill' as const, halfSaturation: 0.5, shape: 1.6 } };
const random = randomStream('sample-history', 0);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const poisson = (mean: number) => {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  let k = 0;
  for (let p = random(), limit = Math.exp(-mean); p > limit; p *= random()) k++;
  return k;
};
const gamma = (shape: number) => {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal();
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
};

const weeks = 156;
const postsPerWeek = (week: number): number => (week >= 150 ? 0 : week >= 70 && week < 92 ? 0 : week < 30 ? 1.5 : week < 70 ? 4 : 2.5);
const entries: { day: number; posts: number; events: number }[] = [];
const weekly: { posts: number; events: number }[] = [];
for (let w = 0; w < weeks; w++) {
  const posts = w === 0 ? 2 : poisson(postsPerWeek(w));
  const events = postsPerWeek(w) > 0 && w % 4 === 1 && random() < 0.6 ? 1 : 0;
  weekly.push({ posts, events });
  if (posts + events > 0) entries.push({ day: 7 * w, posts, events });
}
const history = schedule.fromLog(entries, { spread: '1 week', end: 7 * weeks });
const run = simulate({ horizon: 7 * weeks, activity: history, parameters: TRUTH });
const lines = ['date,posts,events,views,leads'];
const origin = Date.UTC(2023, 0, 2);
for (let w = 0; w < weeks; w++) {
  let reach = 0;
  let interest = 0;
  for (let d = 7 * w; d < 7 * w + 7; d++) {
    reach += run.reach[d]!;
    interest += run.interest[d]!;
  }
  const views = Math.round(12 * reach * Math.exp(0.25 * normal()));
  const mean = 0.006 * interest;
  const leads = mean > 0 ? poisson((mean * gamma(10)) / 10) : 0;
  const date = new Date(origin + 7 * w * 86_400_000).toISOString().slice(0, 10);
  const { posts, events } = weekly[w]!;
  lines.push(`${date},${posts || ''},${events || ''},${w % 29 === 17 ? '' : views},${leads}`);
}
writeFile('examples/data/tiktok-weekly.csv', lines.join('\n') + '\n');
console.log(`wrote examples/data/tiktok-weekly.csv (${weeks} weeks)`);
