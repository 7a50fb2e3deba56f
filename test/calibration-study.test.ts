/**
 * Calibration held to its targets on synthetic histories it was not tuned to
 * (seeds `study-…`): three years of weekly views at three cadences with one
 * 90–200-day absence, true neglectDecay ~ U(0.0008, 0.003) and halfSaturation
 * ~ U(0.35, 0.9), lognormal noise σ = 0.25.
 *
 * - the 95% intervals cover the truth in 92–98% of fits, every fit counted;
 * - the diagnostics pass correct-model histories in ≥ 90% of fits and flag a
 *   trend the model cannot make (×e^{0.35} a year) in ≥ 90%;
 * - with a lag of the wrong shape (gamma, shape 1.5), comparing Erlang stages
 *   finds the neighbouring shapes and brings the lag's mean closer than the
 *   default four stages do.
 *
 * Sizes: CALIBRATION_FITS (default 200) fits for coverage, a quarter of that for the trend.
 */
import { describe, expect, it } from 'vitest';
import { calibrationStudy } from './generators/calibration-study.js';
import { WRONG_SHAPE_LAG } from './generators/histories.js';

const FITS = Number(process.env.CALIBRATION_FITS ?? 200);
const names = ['neglectDecay', 'response.halfSaturation'];

describe('calibration on synthetic histories', () => {
  const study = calibrationStudy('study', FITS, names);

  it.each(names)('the 95%% interval of %s covers the truth in 92–98%% of fits', (name) => {
    const coverage = study.covered[name]! / FITS;
    expect(coverage).toBeGreaterThanOrEqual(0.92);
    expect(coverage).toBeLessThanOrEqual(0.98);
  });

  it('every fit converges, and the diagnostics pass at least 90% of correct-model histories', () => {
    expect(study.converged).toBe(FITS);
    expect(study.adequate / FITS).toBeGreaterThanOrEqual(0.9);
  });

  it('an unidentified parameter never reaches parameterInput: it keeps its default', () => {
    for (const { result } of study.results) {
      for (const name of result.kept) expect(result.parameters[name]!.identified).toBe(false);
      if (result.kept.includes('neglectDecay')) expect((result.parameterInput as { neglectDecay?: number }).neglectDecay).toBeUndefined();
    }
    expect(study.results.some(({ result }) => result.kept.length > 0)).toBe(true);
  });

  it('flags a trend the model cannot make in at least 90% of fits', () => {
    const trend = calibrationStudy('study-trend', Math.ceil(FITS / 4), names, { trendPerYear: 0.35 });
    expect(trend.adequate / trend.fits).toBeLessThanOrEqual(0.1);
    for (const { result } of trend.results.filter((r) => !r.result.diagnostics.adequate)) expect(result.diagnostics.warnings.length).toBeGreaterThan(0);
  });

  it('with a lag of the wrong shape, comparing stages picks neighbouring shapes and brings the mean closer than four stages', () => {
    const recipe = WRONG_SHAPE_LAG;
    const fits = 8;
    const fixed = calibrationStudy('study-lag', fits, ['lag.mean'], recipe);
    const chosen = calibrationStudy('study-lag', fits, ['lag.mean', 'lag.stages'], recipe, { candidates: { 'lag.stages': [1, 2, 3, 4, 6] } });
    const error = (s: typeof fixed) => s.results.map(({ truth, result }) => Math.abs(Math.log(result.parameters['lag.mean']!.value / truth['lag.mean']!)));
    const before = error(fixed);
    const after = error(chosen);
    expect(after.filter((e, i) => e < before[i]!).length).toBeGreaterThanOrEqual(fits - 1);
    for (const { result } of chosen.results) {
      expect([1, 2]).toContain(result.choices['lag.stages']!.value);
      expect(result.choices['lag.stages']!.supported).toContain(result.choices['lag.stages']!.value);
    }
  });
});
