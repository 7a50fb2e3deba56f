/**
 * Which assumptions the seed's headline numbers rest on. For the 8-month
 * absence after 18 months: Sobol indices (how much of each answer's spread
 * each parameter explains, alone and with its interactions) over the plausible
 * ranges of PARAMETER_RANGES, one-at-a-time swings (a tornado) for every
 * question, Morris screening for the break-even, and the claims' margins.
 *
 * Run: npm run sensitivity     (writes docs/images/sensitivity-*.svg)
 */
import { claimMargins, marginLine, PARAMETER_RANGES, QUESTIONS, sensitivity, type QuestionName } from '../src/index.js';
import { charts } from '../src/charts.js';
import { renderSvg } from '../src/node.js';
import { writeFile } from './lib/render.js';

const seed = 'what-drives';
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const interval = (i: readonly [number, number] | null) => (i === null ? '' : ` [${i[0].toFixed(2)}, ${i[1].toFixed(2)}]`);

console.log(`Varying ${Object.keys(PARAMETER_RANGES).length} parameters over PARAMETER_RANGES.\n`);
for (const question of ['equityLost', 'interestGapPeakMonth', 'monthsToRegain'] as const) {
  const result = sensitivity({ question, samples: 256, seed });
  const indices = result.sobol!.indices;
  console.log(`${question}: ${QUESTIONS[question]}`);
  console.log(`  at the defaults ${result.baseAnswer.toFixed(3)}; Sobol indices from ${result.evaluations} runs (first-order, total, 95% intervals):`);
  for (const { parameter } of result.ranking.slice(0, 4)) {
    const i = indices[parameter]!;
    console.log(`    ${parameter.padEnd(24)} first ${i.first.toFixed(2)}${interval(i.firstInterval)}  total ${i.total.toFixed(2)}${interval(i.totalInterval)}`);
  }
  const rest = result.ranking.slice(4).reduce((sum, r) => sum + Math.max(0, r.importance), 0);
  console.log(`    the other ${result.ranking.length - 4} together: total ${rest.toFixed(2)}\n`);
  if (question === 'equityLost') writeFile('docs/images/sensitivity-equity-lost.svg', await renderSvg(charts.sensitivity(result, { title: 'What drives the share of equity an 8-month absence costs' })));
}

for (const question of Object.keys(QUESTIONS) as QuestionName[]) {
  const result = sensitivity({ question, method: 'swings' });
  const top = result.swings!.swings.slice(0, 3).map((s) => `${s.input} ${s.atLow.toFixed(2)}…${s.atHigh.toFixed(2)}`);
  console.log(`swings of ${question} (base ${result.baseAnswer.toFixed(2)}): ${top.join('; ')}`);
  if (question === 'equityLost') writeFile('docs/images/sensitivity-tornado.svg', await renderSvg(charts.tornado(result, { title: 'The share an 8-month absence costs, one parameter at a time' })));
}

const morris = sensitivity({ question: 'breakEvenMonths', method: 'morris', samples: 10, seed });
console.log(`\nMorris screening of breakEvenMonths (${morris.evaluations} runs): ${morris.ranking.slice(0, 4).map((r) => `${r.parameter} μ* ${r.importance.toFixed(1)} months`).join(', ')}`);
const unimportant = morris.ranking.filter((r) => r.importance < 0.05 * morris.ranking[0]!.importance).map((r) => r.parameter);
console.log(`  below 5% of the largest effect: ${unimportant.join(', ') || 'none'}`);

console.log('\nClaims margins (the smallest move of one parameter that breaks each claim):');
const margins = claimMargins();
for (const claim of margins) console.log(`  ${marginLine(claim)}`);
console.log(`\n${pct(margins.filter((c) => c.narrowest === null).length / margins.length)} of the claims hold for every move of up to 50% of any one parameter.`);
console.log('Charts: docs/images/sensitivity-equity-lost.svg, docs/images/sensitivity-tornado.svg');
