/**
 * The page's worker: the Monte Carlo bands and the fit of an uploaded history,
 * off the main thread so the page never freezes. Messages in and out are plain
 * data; a plan is rebuilt into schedules here.
 */
import { calibrate, monteCarlo, parseHistoryCsv, type Account } from 'relationship-equity';
import { BAND_RUNS, type FitReply, type Request } from './messages.js';
import { activityOf, horizonOf, type Plan } from './plan.js';

function bands(plan: Plan, account: Account | null) {
  const neglect = account?.parameters.neglectDecay ?? 0.0015;
  const mean = typeof neglect === 'number' ? neglect : 0.0015;
  return monteCarlo({
    runs: BAND_RUNS,
    seed: 'page',
    scenario: { horizon: horizonOf(plan), activity: activityOf(plan), ...(account ? { account } : {}) },
    uncertain: { neglectDecay: { kind: 'normal', mean, sd: 0.25 * mean, min: 0 }, 'lag.mean': { kind: 'triangular', min: 243, mode: 365, max: 548 } },
    noise: { reach: 0.2 },
    series: ['equity', 'interest'],
  });
}

function fit(name: string, csv: string): FitReply {
  const history = parseHistoryCsv(csv, { period: '1 week' });
  const result = calibrate({ name, history, observed: { series: 'reach', values: history.views, period: '1 week' }, fit: ['neglectDecay', 'response.halfSaturation'] });
  return {
    account: result.account,
    weeks: history.periods,
    origin: history.origin,
    parameters: Object.entries(result.parameters).map(([parameter, p]) => ({ parameter, value: p.value, interval: p.interval, identified: p.identified })),
    kept: result.kept,
    adequate: result.diagnostics.adequate,
    warnings: result.diagnostics.warnings,
    likelihood: `${result.likelihood.name}: ${result.likelihood.reason}`,
  };
}

self.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  try {
    const result = request.kind === 'bands' ? bands(request.plan, request.account) : fit(request.name, request.csv);
    self.postMessage({ kind: request.kind, id: request.id, result });
  } catch (error) {
    self.postMessage({ kind: 'error', id: request.id, of: request.kind, message: error instanceof Error ? error.message : String(error) });
  }
};
