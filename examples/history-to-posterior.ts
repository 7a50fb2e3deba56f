/**
 * From an export to "what would an 8-month absence cost us?": read a weekly
 * CSV, fit the account's own neglect decay and response by maximum likelihood,
 * check the fit, draw its posterior, and carry the posterior into a what-if —
 * keep posting, or stop for 8 months from now — with bands.
 *
 * The CSV (examples/data/tiktok-weekly.csv) is a made-up account from
 * scripts/make-sample-history.ts, so we know the truth: neglectDecay 0.0021,
 * halfSaturation 0.5 posts a day.
 *
 * Run: npm run history
 */
import { calibrate, calibrateFromClaims, priorsFromBeliefs, simulate, whatIf, type WhatIfResult } from '../src/index.js';
import { charts } from '../src/charts.js';
import { readHistoryCsv, renderSvg } from '../src/node.js';
import { writeFile } from './lib/render.js';

const history = readHistoryCsv('examples/data/tiktok-weekly.csv', { period: '1 week' });
const observed = { series: 'reach' as const, values: history.views, period: '1 week' };
const fitNames = ['neglectDecay', 'response.halfSaturation'];

// 1. The most likely parameters, with profile intervals and checks.
const fit = calibrate({ history, observed, fit: fitNames });
const show = (x: number) => (Math.abs(x) < 0.01 ? x.toExponential(2) : x.toPrecision(3));
const lastPost = Math.max(...history.activity.spec.loggedPosts.map((p) => p.day));
console.log(`\n${history.periods} weeks from ${history.origin} (the last ${history.periods - 1 - lastPost / 7} without posts), ${fit.goodness.n} measured; likelihood ${fit.likelihood.name} (${fit.likelihood.reason}), noise ±${(100 * fit.likelihood.noise).toFixed(0)}% a week\n`);
console.log('parameter                  estimate   95% interval            identified');
for (const name of fitNames) {
  const p = fit.parameters[name]!;
  console.log(`${name.padEnd(26)} ${show(p.value).padStart(8)}   [${show(p.interval[0])}, ${show(p.interval[1])}]`.padEnd(63) + (p.identified ? 'yes' : 'no'));
}
console.log(`scale (views per unit of reach) ${show(fit.scale.value)}; adequate: ${fit.diagnostics.adequate}${fit.diagnostics.warnings.map((w) => `\n  ! ${w}`).join('')}`);

// 2. The posterior: correlated draws of both parameters.
const posterior = calibrate({ history, observed, fit: fitNames, method: 'posterior', seed: 'tiktok' }).posterior!;
console.log(`\nposterior: ${posterior.count} draws, acceptance ${posterior.acceptance.toFixed(2)}, converged ${posterior.converged}`);
for (const name of fitNames) {
  const s = posterior.summary[name]!;
  console.log(`  ${name.padEnd(26)} median ${show(s.median)}, 95% [${show(s.interval[0])}, ${show(s.interval[1])}], R̂ ${s.rHat.toFixed(3)}, ESS ${s.effectiveSampleSize.toFixed(0)}`);
}

// 2b. With a belief as the prior — "we think 8 months away cost an account 30%" — the data sharpen it.
const beliefs = calibrateFromClaims([{ kind: 'absence-loss', activeFor: '18 months', absentFor: '8 months', lost: 0.3 }]);
const informed = calibrate({ history, observed, fit: fitNames, method: 'posterior', seed: 'tiktok', priors: priorsFromBeliefs(beliefs, { spread: 0.5 }) }).posterior!;
const s0 = informed.summary.neglectDecay!;
console.log(`  with the belief as prior: neglectDecay median ${show(s0.median)}, 95% [${show(s0.interval[0])}, ${show(s0.interval[1])}] (the belief alone: ${show(beliefs.fits[0]!.value)})`);

// 3. Two years from now: keep posting 2.5 a week, or stop for 8 months — every run one posterior draw.
const end = history.end;
const keepPosting = history.activity.change({ at: end, postsPerWeek: 2.5 });
const scenario = { horizon: end + 730, parameters: fit.parameterInput };
const result = whatIf(
  { ...scenario, activity: keepPosting },
  { 'stop for 8 months': { ...scenario, activity: keepPosting.pause({ from: end, for: '8 months' }) } },
  { runs: 1000, seed: 'tiktok', posterior, levels: [0.05, 0.5, 0.95] },
);

// In the account's views: the model's reach times the fitted scale, from now on.
const scale = fit.scale.value;
const from = result.days.findIndex((d) => d >= end);
const outcome = result.alternatives[0]!;
const band = outcome.bands!.reach;
const viewsAfterNow = (values: Float64Array) => scale * values.subarray(from).reduce((s, v) => s + v, 0);
const baselineViews = viewsAfterNow(simulate({ ...scenario, activity: keepPosting }).reach);
const lost = -viewsAfterNow(outcome.difference.reach);
console.log(`\nStopping for 8 months from now costs, over the next two years (${baselineViews.toFixed(0)} views if posting goes on):`);
console.log(`  ${lost.toFixed(0)} views on average over the posterior, ${((100 * lost) / baselineViews).toFixed(0)}% of them`);
console.log(`  ${(-viewsAfterNow(band.quantiles[2]!.values)).toFixed(0)} to ${(-viewsAfterNow(band.quantiles[0]!.values)).toFixed(0)} between the 5% and 95% bands of the daily gap, summed`);

// 4. The chart, in views a week from now on: the gap with its 90% band.
const scaled = (values: Float64Array) => values.slice(from).map((v) => 7 * scale * v);
const inViews: WhatIfResult = {
  ...result,
  days: result.days.slice(from).map((d) => d - end),
  alternatives: result.alternatives.map((a) => ({
    ...a,
    difference: { ...a.difference, reach: scaled(a.difference.reach) },
    bands: { ...a.bands!, reach: { ...a.bands!.reach, mean: scaled(a.bands!.reach.mean), quantiles: a.bands!.reach.quantiles.map((q) => ({ ...q, values: scaled(q.values) })) } },
  })),
};
const spec = charts.compare(inViews, { series: 'reach', title: 'Views a week lost to an 8-month absence starting now (months from now; posterior, 90% band)' });
writeFile('docs/images/history-to-posterior.svg', await renderSvg(spec));
console.log('\nchart: docs/images/history-to-posterior.svg');
