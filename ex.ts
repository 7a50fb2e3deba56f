import { calibrate, schedule, simulate, randomStream } from './src/index.ts';
// history: 3 years daily log: varying posting, a 5-month absence
const entries: { day: number; posts?: number; events?: number }[] = [];
const rnd = randomStream('hist', 0);
for (let d = 0; d < 1096; d++) {
  const rate = d < 300 ? 0.25 : d < 500 ? 0.9 : d < 650 ? 0 : 0.5;
  if (rnd() < rate) entries.push({ day: d, posts: 1 });
  if (d % 30 === 5 && !(d >= 500 && d < 650)) entries.push({ day: d, events: 1 });
}
entries.sort((a, b) => a.day - b.day);
const merged: typeof entries = [];
for (const e of entries) { const last = merged[merged.length - 1]; if (last && last.day === e.day) { last.posts = (last.posts ?? 0) + (e.posts ?? 0); last.events = (last.events ?? 0) + (e.events ?? 0); } else merged.push({ day: e.day, posts: e.posts ?? 0, events: e.events ?? 0 }); }
const history = schedule.fromLog(merged);
const truth = { neglectDecay: 0.0022, response: { kind: 'hill', halfSaturation: 0.45, shape: 1.6 } } as const;
const run = simulate({ horizon: 1092, activity: history, parameters: truth });
const noise = randomStream('noise', 0);
const weekly: (number | null)[] = [];
for (let w = 0; w < 156; w++) { let s = 0; for (let d = w * 7; d < w * 7 + 7; d++) s += run.reach[d]!; weekly.push(w % 17 === 3 ? null : 1000 * s * (1 + 0.03 * (noise() * 2 - 1))); }
const t = performance.now();
const fit = calibrate({ history, observed: { series: 'reach', values: weekly, period: '1 week' }, fit: ['neglectDecay', 'response.halfSaturation'] });
console.log(performance.now() - t, JSON.stringify(fit.parameters), fit.scale.value, fit.goodness, fit.iterations, fit.converged);
const fit2 = calibrate({ history: schedule.fromLog(merged.filter(e => e.day < 500)), observed: { series: 'reach', values: weekly.slice(0, 71), period: '1 week' }, fit: ['neglectDecay', 'response.halfSaturation'] });
console.log(JSON.stringify(fit2.parameters));
