/**
 * The calibration study: fits to synthetic histories with known parameters
 * (`histories.ts`), counted — interval coverage, identification, diagnostics —
 * for the tests (test/calibration-study.test.ts) and the measurement script
 * (scripts/calibration-study.ts) alike.
 */
import { calibrate, resolveParameters, type CalibrationResult } from 'relationship-equity';
import { syntheticHistory, type HistoryRecipe } from './histories.js';

export interface StudyCounts {
  readonly fits: number;
  readonly covered: Record<string, number>;
  readonly identified: Record<string, number>;
  readonly adequate: number;
  readonly converged: number;
  readonly results: readonly { readonly truth: Record<string, number>; readonly result: CalibrationResult }[];
}

/** The true value of a parameter the recipe did not draw: the default (or the one its parameters give). */
function trueValue(parameters: Parameters<typeof resolveParameters>[0], name: string): number {
  const [head, field] = name.split('.') as [string, string | undefined];
  const resolved = resolveParameters(parameters) as unknown as Record<string, unknown>;
  return (field === undefined ? resolved[head] : (resolved[head] as Record<string, unknown>)[field]) as number;
}

/** Fit `fits` histories made from `prefix`-0, `prefix`-1, … and count what the fits say. */
export function calibrationStudy(prefix: string, fits: number, names: readonly string[], recipe: HistoryRecipe = {}, options: Record<string, unknown> = {}): StudyCounts {
  const covered: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const identified: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  let adequate = 0;
  let converged = 0;
  const results: { truth: Record<string, number>; result: CalibrationResult }[] = [];
  for (let i = 0; i < fits; i++) {
    const h = syntheticHistory(`${prefix}-${i}`, recipe);
    const result = calibrate({ history: h.history, observed: { series: recipe.series ?? 'reach', values: h.values, period: recipe.period ?? 7 }, fit: names, ...options });
    for (const name of names) {
      const p = result.parameters[name];
      if (p === undefined) continue;
      const truth = h.truth[name] ?? trueValue(h.parameters, name);
      if (truth >= p.interval[0] && truth <= p.interval[1]) covered[name]!++;
      if (p.identified) identified[name]!++;
    }
    if (result.diagnostics.adequate) adequate++;
    if (result.converged) converged++;
    results.push({ truth: h.truth, result });
  }
  return { fits, covered, identified, adequate, converged, results };
}
