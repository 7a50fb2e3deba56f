// Where a Monte Carlo's time goes beyond the lanes: the same 10,000 runs × 5 years with and without the
// day-to-day noise, and with one summarised series instead of three, beside 10,000 single simulates, one process.
// Usage: npm run build && node bench/monte-carlo-parts.mjs
import { median, monteCarloOptions, singleSimulates } from './seed-cases.mjs';
const L = await import(new URL('../dist/index.js', import.meta.url).href);
const withNoise = monteCarloOptions(L, 10000, 5, true);
const { noise, ...withoutNoise } = withNoise;
const cases = {
  'noise 0.2, 3 series': withNoise,
  'no noise, 3 series': withoutNoise,
  'noise 0.2, equity only': { ...withNoise, series: ['equity'] },
};
const timed = (f) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};
const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (const options of Object.values(cases)) L.monteCarlo(options);
for (let round = 0; round < 3; round++) for (const [name, options] of Object.entries(cases)) times[name].push(timed(() => L.monteCarlo(options)));
const singles = singleSimulates(L, 10000);
singles();
const baseline = median([timed(singles), timed(singles), timed(singles)]);
console.log(`10,000 single simulates: ${baseline.toFixed(0)} ms`);
for (const [name, ms] of Object.entries(times)) console.log(`${name}: ${median(ms).toFixed(0)} ms, ${(median(ms) / baseline).toFixed(2)}× the singles`);
