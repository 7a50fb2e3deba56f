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
console.log('\nAn 8-month absence after 18 months, against a twin that never stopped (monthly averages, model units)\n');
console.log(header);
console.log('─'.repeat(header.length));
// Monthly averages (run.monthly()), not single days: an event day's spike is averaged into its month.
// (The run's last month is a few days long; it is left out.)
const whole = (m: { from: number; to: number }) => m.to - m.from > DAYS_PER_MONTH - 1e-9;
const ours = account.monthly().filter(whole);
const theirs = twin.monthly().filter(whole);
for (let k = 0; k < ours.length; k++) {
  const month = ours[k]!.month - 1;
  const a = ours[k]!.mean;
  const b = theirs[k]!.mean;
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

// The result prints itself in a few lines, too.
console.log(cost);
console.log();

// The same story as a chart: in the terminal, and as an SVG file.
console.log('Interest (inbound clients), account vs twin, monthly averages:');
console.log(
  terminalChart(
    [
      { label: 'twin that never stopped', symbol: '·', values: theirs.map((m) => m.mean.interest) },
      { label: 'account with the absence', symbol: '●', values: ours.map((m) => m.mean.interest) },
    ],
    { shade: (m) => m >= absenceFrom && m < absenceTo, axis: `months 0 … ${ours.length - 1}` },
  ),
);

const svgPath = new URL('./out/eight-month-absence.svg', import.meta.url);
writeFile(svgPath.pathname, await renderSvg(charts.absence(cost)));
console.log(`\nChart written to examples/out/eight-month-absence.svg`);
