/**
 * The calibration study behind issue 15's figures and docs/history-and-planning.md:
 * coverage and identification on synthetic histories, the trend case, the
 * wrong-lag case, identification by absence length and noise, and fit times.
 *
 *   npx tsx scripts/calibration-study.ts [fits=400]
 */
import { calibrationStudy } from '../test/generators/calibration-study.js';
import { WRONG_SHAPE_LAG } from '../test/generators/histories.js';

const FITS = Number(process.argv[2] ?? 400);
const names = ['neglectDecay', 'response.halfSaturation'];
const share = (k: number, n: number) => (k / n).toFixed(3);

const t0 = performance.now();
const main = calibrationStudy('note', FITS, names);
const perFit = (performance.now() - t0) / FITS;
console.log(`correct model, ${FITS} fits (${perFit.toFixed(1)} ms a fit, profiles included):`);
for (const n of names) console.log(`  ${n}: coverage ${share(main.covered[n]!, FITS)}, identified ${share(main.identified[n]!, FITS)}`);
console.log(`  adequate ${share(main.adequate, FITS)}, converged ${main.converged}/${FITS}`);
const both = main.results.filter(({ result }) => names.every((n) => result.parameters[n]!.identified)).length;
console.log(`  both identified ${share(both, FITS)}`);

const three = calibrationStudy('note-three', Math.ceil(FITS / 4), [...names, 'agendaWeight']);
console.log(`three parameters (+ agendaWeight), ${three.fits} fits: coverage ${Object.entries(three.covered).map(([n, c]) => `${n} ${share(c, three.fits)}`).join(', ')}; all three identified ${share(three.results.filter(({ result }) => Object.values(result.parameters).every((p) => p.identified)).length, three.fits)}`);

const trend = calibrationStudy('note-trend', Math.ceil(FITS / 4), names, { trendPerYear: 0.35 });
console.log(`trend ×e^0.35/yr, ${trend.fits} fits: flagged ${share(trend.fits - trend.adequate, trend.fits)}; neglectDecay at its bound in ${trend.results.filter(({ result }) => result.parameters.neglectDecay!.atBound).length}`);

  },
};
const lagFits = Math.ceil(FITS / 10);
for (const [label, fit, options] of [
  ['Erlang-4 (default)', ['lag.mean'], {}],
  ['stages compared', ['lag.mean', 'lag.stages'], {}],
] as const) {
  const s = calibrationStudy('note-lag', lagFits, fit, WRONG_SHAPE_LAG, options);
  const errors = s.results.map(({ truth, result }) => result.parameters['lag.mean']!.value / truth['lag.mean']! - 1);
  const median = [...errors].sort((a, b) => a - b)[Math.floor(errors.length / 2)]!;
  const absMedian = errors.map(Math.abs).sort((a, b) => a - b)[Math.floor(errors.length / 2)]!;
  const runaway = s.results.filter(({ result }) => result.parameters['lag.mean']!.atBound).length;
  console.log(`wrong-shape lag, ${label}, ${lagFits} fits: lag.mean error median ${(100 * median).toFixed(0)}%, median |error| ${(100 * absMedian).toFixed(0)}%, run to a bound ${runaway}, coverage ${share(s.covered['lag.mean']!, lagFits)}, flagged ${share(lagFits - s.adequate, lagFits)}${fit.length > 1 ? `, stages ${s.results.map(({ result }) => result.choices['lag.stages']!.value).join(',')}` : ''}`);
}

console.log('identification of neglectDecay by absence length and noise (fits per cell: ' + Math.ceil(FITS / 8) + '):');
for (const noise of [0.1, 0.25, 0.4]) {
  const row: string[] = [];
  for (const days of [[60, 90], [90, 150], [150, 240], [240, 365]] as const) {
    const s = calibrationStudy(`note-id-${noise}-${days[0]}`, Math.ceil(FITS / 8), names, { noise: { lognormal: noise }, absenceDays: days });
    row.push(`${days[0]}–${days[1]} d: ${share(s.identified.neglectDecay!, s.fits)} (cov ${share(s.covered.neglectDecay!, s.fits)})`);
  }
  console.log(`  σ = ${noise}: ${row.join('; ')}`);
}
