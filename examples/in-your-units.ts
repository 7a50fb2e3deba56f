/**
 * The seed's question in an account's own units: fit the account from its
 * weekly export (views), then ask what an 8-month absence from now would cost
 * in views — and when posting daily after it would catch up with never
 * stopping. Every figure is read off the runs (period totals and means), and
 * every result prints itself in a few lines.
 *
 * The CSV (examples/data/tiktok-weekly.csv) is the made-up account of
 * scripts/make-sample-history.ts.
 *
 * Run: npm run units
 */
import { absenceCost, calibrate, crossover, schedule, simulate, DAYS_PER_MONTH } from '../src/index.js';
import { charts } from '../src/charts.js';
import { readHistoryCsv, renderSvg } from '../src/node.js';
import { writeFile } from './lib/render.js';

const history = readHistoryCsv('examples/data/tiktok-weekly.csv', { period: '1 week' });
const fit = calibrate({ name: 'our TikTok', history, observed: { series: 'reach', values: history.views, period: '1 week' }, fit: ['neglectDecay', 'response.halfSaturation'] });
console.log(fit, '\n');
const ours = fit.account; // the fitted parameters, and views per unit of reach

// The seed's absence, for this account: 18 months active, 8 away, 3 years after.
const cost = absenceCost({ account: ours, activeFor: '18 months', absentFor: '8 months' });
console.log(cost, '\n');
const run = cost.simulation;
const year = (k: number) => run.total(k * 365.25, (k + 1) * 365.25).reach;
console.log(`views in year 3 (the year after the return): ${Math.round(year(2)).toLocaleString('en-US')} against ${Math.round(cost.twin.total(2 * 365.25, 3 * 365.25).reach).toLocaleString('en-US')} had it never stopped`);

// After the absence, posting daily instead of 1.5 a week: when is it back level with never stopping?
const backDaily = schedule.reference().pause({ from: '18 months', for: '8 months' }).change({ at: '26 months', postsPerDay: 1 });
const daily = simulate({ account: ours, horizon: run.days.at(-1)!, activity: backDaily });
const caughtUp = crossover(daily, cost.twin, { series: 'reach' });
console.log(
  caughtUp === null
    ? 'posting daily after the return does not catch up with never stopping within the horizon'
    : `posting daily after the return catches up with never stopping on views ${(caughtUp.months - cost.absence.to / DAYS_PER_MONTH).toFixed(1)} months after the return`,
);

writeFile('docs/images/absence-in-views.svg', await renderSvg(charts.absence(cost, { title: 'An 8-month absence, in our TikTok’s views' })));
writeFile('docs/images/account-timeline.svg', await renderSvg(charts.timeline(daily, { series: ['equity', 'reach'], title: 'Back after 8 months, posting daily' })));
console.log('\nCharts written to docs/images/absence-in-views.svg and docs/images/account-timeline.svg');

