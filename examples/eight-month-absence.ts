/**
 * The seed's story: an agency posts 1-2 times a week and joins a TikTok event
 * every month for 18 months, then goes quiet for 8 months. What did the absence
 * cost, and when will the business feel it?
 *
 * Run: npm run demo
 */
import { absenceCost, DAYS_PER_MONTH } from '../src/index.js';
import { charts } from '../src/charts.js';
import { renderSvg } from '../src/node.js';
import { terminalChart, writeFile } from './lib/render.js';

const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months', followFor: '3 years' });
const { simulation: account, twin } = cost;
const lastMonth = Math.floor(account.days[account.days.length - 1]! / DAYS_PER_MONTH);
const absenceFrom = cost.absence.from / DAYS_PER_MONTH;
const absenceTo = cost.absence.to / DAYS_PER_MONTH;

// A month-by-month table: the account against a twin that never stopped.
const pad = (text: string | number, width: number): string => String(text).padStart(width);
const fixed = (x: number): string => x.toFixed(1);
const header = [
  pad('month', 5),
  pad('phase', 7),
  pad('equity', 7),
  pad('twin', 7),
  pad('reach', 7),
  pad('twin', 7),
  pad('interest', 8),
  pad('twin', 7),
  pad('interest gap', 12),
].join('  ');
console.log('\nAn 8-month absence after 18 months, against a twin that never stopped\n');
console.log(header);
console.log('─'.repeat(header.length));
for (let month = 0; month <= lastMonth; month++) {
  const when = month * DAYS_PER_MONTH;
  const a = account.at(when);
  const b = twin.at(when);
  const phase = month < absenceFrom ? 'active' : month < absenceTo ? 'ABSENT' : 'back';
  const gap = b.interest > 0 ? `${((1 - a.interest / b.interest) * 100).toFixed(1)}%` : '–';
  console.log(
    [
      pad(month, 5),
      pad(phase, 7),
      pad(fixed(a.equity), 7),
      pad(fixed(b.equity), 7),
      pad(fixed(a.reach), 7),
      pad(fixed(b.reach), 7),
      pad(fixed(a.interest), 8),
      pad(fixed(b.interest), 7),
      pad(gap, 12),
    ].join('  '),
  );
}

// The headline, every number measured.
const percent = (x: number): string => `${Math.round(x * 100)}%`;
console.log(
  `\nAn 8-month absence after 18 months cost ${percent(cost.fractionLost)} of equity: ` +
    `${cost.monthsBefore.toFixed(0)} equivalent months of work became ${cost.monthsAfter.toFixed(0)}.`,
);
console.log(
  `When the account came back, equity trailed the twin by ${percent(cost.equityGapAtReturn)} ` +
    `but interest only by ${percent(cost.interestGapAtReturn)}: the business had not felt it yet.`,
);
console.log(
  `The gap in interest to the twin is largest (${percent(cost.interestGapPeak.gap)}) ` +
    `${cost.interestGapPeak.monthsAfterAbsenceBegan.toFixed(0)} months after the absence began.\n`,
);

// The same story as a chart: in the terminal, and as an SVG file.
const months = Array.from({ length: lastMonth + 1 }, (_, m) => m);
const sample = (series: Float64Array, run: typeof account): number[] =>
  months.map((m) => series[run.days.indexOf(run.at(m * DAYS_PER_MONTH).day)]!);
console.log('Interest (inbound clients), account vs twin, by month:');
console.log(
  terminalChart(
    [
      { label: 'twin that never stopped', symbol: '·', values: sample(twin.interest, twin) },
      { label: 'account with the absence', symbol: '●', values: sample(account.interest, account) },
    ],
    { shade: (m) => m >= absenceFrom && m < absenceTo, axis: `months 0 … ${lastMonth}` },
  ),
);

const svgPath = new URL('./out/eight-month-absence.svg', import.meta.url);
writeFile(svgPath.pathname, await renderSvg(charts.absence(cost)));
console.log(`\nChart written to examples/out/eight-month-absence.svg`);
