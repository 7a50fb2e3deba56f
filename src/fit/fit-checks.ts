/**
 * Whether a fit can be trusted, in words: the residual checks of
 * `diagnostics.ts` and what the fit itself reports — parameters run to a bound,
 * a solver that did not converge, a scale the data do not pin down, a posterior
 * whose walkers disagree — each failure one warning a strategist can act on.
 *
 * @internal
 * @module
 */
import { residualChecks, type ResidualChecks } from './diagnostics.js';
import type { FitModel } from './fit-model.js';
import type { FreeFit } from './maximum-likelihood.js';
import type { Observations } from './observations.js';
import type { Posterior } from './posterior.js';

/** The checks of a fit. */
export interface FitDiagnostics {
  /**
   * Whether the model describes these data as its likelihood says: the residual
   * tests pass, the fit converged (and the posterior, if drawn), and the data
   * support a scale. A parameter at a bound is warned of but does not by itself
   * make a fit inadequate (a rate of 0 is a model the data may well prefer).
   */
  readonly adequate: boolean;
  /** One sentence per failed check or parameter at a bound, saying what it means. */
  readonly warnings: readonly string[];
  /** The residual tests (each at the 1% level). */
  readonly checks: ResidualChecks;
}

/** A figure for a sentence: three significant digits, in powers of ten when very large or small. */
const fmt = (x: number): string => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : String(Number(x.toPrecision(3))));

/** What a fit needs checked. */
export interface FitToCheck {
  readonly model: FitModel;
  readonly best: FreeFit;
  readonly observations: Observations;
  readonly parameters: Readonly<Record<string, { readonly value: number; readonly atBound: boolean }>>;
  readonly scale: { readonly value: number; readonly closed: readonly [boolean, boolean] };
  readonly posterior: Posterior | undefined;
}

/** Check a fit. */
export function checkFit({ best, observations, parameters, scale, posterior }: FitToCheck): FitDiagnostics {
  const r = best.likelihood.residualsAt(best.at.m, best.at.scale);
  const fitted = Array.from(best.at.m, (v) => v * best.at.scale);
  const checks = residualChecks(r, observations.observedIndex, fitted);
  const warnings: string[] = [];
  const { autocorrelation: a, drift: d, spread: s } = checks;
  if (!a.passed) warnings.push(`The residuals are autocorrelated (Ljung–Box Q = ${fmt(a.statistic)} over ${a.lags} lags, p = ${fmt(a.pValue)}): the model misses a pattern in the data, and its intervals are too narrow.`);
  if (!d.passed) warnings.push(`The residuals drift over time (F = ${fmt(d.statistic)}, p = ${fmt(d.pValue)}): the data have a trend or a bend the model cannot make.`);
  if (!s.passed) warnings.push(`The noise changes with the level (F = ${fmt(s.statistic)}, p = ${fmt(s.pValue)}): the ${best.likelihood.name} likelihood does not describe it; try another.`);
  if (!best.converged) warnings.push(`The fit did not converge in ${best.iterations} iterations: raise maxIterations, or fit fewer parameters.`);
  if (!(scale.value > 0 && scale.closed[0] && scale.closed[1])) warnings.push('The data do not support a scale (measured units per model unit): the model is flat or zero where the values are measured.');
  if (posterior !== undefined && !posterior.converged) {
    const summaries = Object.values(posterior.summary);
    const rHat = Math.max(...summaries.map((x) => x.rHat));
    const ess = Math.min(...summaries.map((x) => x.effectiveSampleSize));
    warnings.push(`The posterior has not converged (largest R̂ ${fmt(rHat)}, smallest effective sample size ${fmt(ess)}; wanted ≤ 1.05 and ≥ 100): raise draws or burnIn.`);
  }
  const adequate = warnings.length === 0;
  for (const [name, q] of Object.entries(parameters)) {
    if (q.atBound) warnings.push(`${name} ran to its bound (${fmt(q.value)}): the data push it as far as the bounds allow — towards a model without it, or one the bounds exclude.`);
  }
  return { adequate, warnings, checks };
}
