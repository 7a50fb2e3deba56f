/**
 * What-ifs under uncertainty, on the seed's story:
 * 1. the range of outcomes of the 8-month absence when the model's own
 *    parameters are uncertain (Monte Carlo);
 * 2. what each month of waiting costs (costOfDelay);
 * 3. how to split a weekly budget across new channels (allocate);
 * 4. what rivals on the same platform make of our absence (simulatePlatform).
 *
 * Run: npm run what-ifs
 */
import {
  allocate,
  costOfDelay,
  DAYS_PER_MONTH,
  monteCarlo,
  schedule,
  simulatePlatform,
  whatIf,
} from '../src/index.js';

const away = schedule.reference().pause({ from: '18 months', for: '8 months' });
const month = (m: number): number => Math.round(m * DAYS_PER_MONTH);
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

// 1. The absence under uncertainty: 2,000 runs, common random numbers against a twin.
const uncertain = {
  neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 },
  'lag.mean': { kind: 'triangular', min: 240, mode: 365, max: 540 },
  'response.halfSaturation': { kind: 'uniform', min: 0.45, max: 0.75 },
} as const;
const gap = whatIf({ horizon: '5 years' }, { 'the absence': { horizon: '5 years', activity: away } }, {
  runs: 2000,
  seed: 'seed-story',
  uncertain,
  noise: { reach: 0.2 },
  levels: [0.1, 0.5, 0.9],
}).alternatives[0]!;
console.log('\n1. The 8-month absence, 2,000 runs with uncertain neglect, lag and saturation');
for (const m of [18, 26, 38, 50]) {
  const [low, mid, high] = gap.bands!.interest.quantiles.map((q) => String(Math.round(q.values[month(m)]!) + 0)); // + 0 turns −0 into 0
  console.log(`   month ${String(m).padStart(2)}: interest vs the twin ${mid!.padStart(5)} (80% of runs between ${low} and ${high})`);
}
// Total interest lost, in months of the twin's interest at the horizon.
const monthly = gap.interestAtHorizon.baseline * DAYS_PER_MONTH;
const [least, median, most] = gap.totalInterestQuantiles!.map((q) => (-q.value / monthly).toFixed(1));
console.log(`   interest lost over 5 years: ${median} months of the twin's inbound interest (80% of runs: ${most}–${least})`);

const spread = monteCarlo({ runs: 2000, seed: 'seed-story', scenario: { horizon: '5 years', activity: away }, uncertain, series: ['equity'], keepPaths: true });
const losses = spread.paths!.equity!.map((path) => 1 - path[month(26)]! / path[month(18)]!).sort((a, b) => a - b);
console.log(`   equity lost over the absence: ${pct(losses[200]!)}–${pct(losses[1800]!)} in 80% of runs (the seed said 30%)`);

// 2. What each month of waiting costs.
console.log('\n2. Resume now, or later? (the seed’s account, 8 months into its absence)');
for (const d of costOfDelay().delays) {
  console.log(
    `   wait ${d.delayMonths.toFixed(0)} month${d.delayMonths === 1 ? '' : 's'}: equity −${d.equityCost.toFixed(1)}, interest −${d.interestCost.toFixed(0)} over 3 years` +
      (d.costShowsAfter === null ? '' : `; shows in interest after ${(d.costShowsAfter / DAYS_PER_MONTH).toFixed(1)} months`),
  );
}

// 3. Ten posts a week across channels, for expected interest and for a cautious plan.
const channels = ['tiktok', 'youtube-shorts', 'instagram-reels', 'linkedin', 'likee'] as const;
for (const objective of [{ kind: 'expected' }, { kind: 'shortfall', level: 0.1 }] as const) {
  const plan = allocate({ channels: [...channels], budget: 10, horizon: '2 years', objective });
  const split = plan.shares.filter((s) => s.postsPerWeek > 0).map((s) => `${s.name} ${s.postsPerWeek.toFixed(1)}`).join(', ');
  const label = objective.kind === 'expected' ? 'expected interest' : 'the mean of the worst 1 case in 10';
  const best = Math.max(...plan.singleChannel.map((s) => s.value));
  console.log(`\n3. 10 posts a week, best for ${label}: ${split} posts/week (${plan.value.toFixed(0)} vs ${best.toFixed(0)} for the best single channel)`);
}

// 4. Rivals on the same platform.
const platform = simulatePlatform({
  horizon: '30 months',
  accounts: [{ name: 'us', activity: away }, { name: 'rival' }, { name: 'newcomer', joins: '20 months' }],
});
const at = (name: string, m: number) => platform.account(name).share[month(m)]!;
console.log(
  `\n4. Our share of the platform's traffic: ${pct(at('us', 18))} before the absence, ${pct(at('us', 26))} at its end; ` +
    `the rival's went from ${pct(at('rival', 18))} to ${pct(at('rival', 26))}.\n`,
);
