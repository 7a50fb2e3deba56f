// The cases the bench's side scripts time (bench/ab-builds.mjs, bench/monte-carlo-parts.mjs), each in a given build L of the package.

/** The seed's scenario (an 8-month absence after 18 months) in build L, over `years`. */
export const seedScenario = (L, years) => ({ horizon: `${years} years`, activity: L.schedule.reference().pause({ from: '18 months', for: '8 months' }) });

/** Monte Carlo options of `runs` runs of the seed's scenario over `years`: neglectDecay uncertain (and the lag's mean with `lag`), daily noise on reach. */
export function monteCarloOptions(L, runs, years, lag) {
  const scenario = seedScenario(L, years);
  const uncertain = { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 } };
  if (lag) uncertain['lag.mean'] = { kind: 'triangular', min: 240, mode: 365, max: 540 };
  return { runs, seed: 'bench', scenario, uncertain, noise: { reach: 0.2 } };
}

/** `n` single 5-year simulates of the seed's scenario in build L, each with its own neglectDecay (no cache can answer them). */
export const singleSimulates = (L, n) => {
  const scenario = seedScenario(L, 5);
  return () => {
    for (let i = 0; i < n; i++) L.simulate({ ...scenario, parameters: { neglectDecay: 0.0015 + i * 1e-8 } });
  };
};

/** The median of some timings (sorts them). */
export const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
