import { describe, expect, it } from 'vitest';
import { lagDensity, ParameterError, simulate, schedule } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

describe('lagDensity', () => {
  const lag = { kind: 'erlang', mean: 365.25, stages: 4 } as const;

  it('integrates to 1 and has the stated mean', () => {
    let mass = 0;
    let mean = 0;
    const dt = 0.25;
    for (let t = dt / 2; t < 6000; t += dt) {
      const w = lagDensity(lag, t) * dt;
      mass += w;
      mean += w * t;
    }
    expectClose(mass, 1, 1e-6);
    expectClose(mean, 365.25, 1e-4);
  });

  it('peaks at mean · (n − 1) / n', () => {
    const mode = (365.25 * 3) / 4;
    expect(lagDensity(lag, mode)).toBeGreaterThan(lagDensity(lag, mode - 5));
    expect(lagDensity(lag, mode)).toBeGreaterThan(lagDensity(lag, mode + 5));
  });

  it('is the exponential density for one stage', () => {
    expectClose(lagDensity({ kind: 'erlang', mean: 100, stages: 1 }, 50), Math.exp(-0.5) / 100, 1e-14);
    expect(lagDensity({ kind: 'erlang', mean: 100, stages: 1 }, -1)).toBe(0);
  });

  it('rejects a fractional number of stages', () => {
    expect(caught(() => lagDensity({ kind: 'erlang', mean: 10, stages: 1.5 }, 1), ParameterError).field).toBe(
      'lag.stages',
    );
  });
});

describe('the lag inside the model', () => {
  it('turns a pulse of reach into interest shaped like the Erlang density', () => {
    // A constant equity with no inflow and no decay gives a constant reach from
    // day 0: interest is then reach × the lag's cumulative distribution.
    const mean = 200;
    const run = simulate({
      horizon: 1000,
      activity: schedule.none(),
      initial: { equity: 10 },
      parameters: { activeDecay: 0, neglectDecay: 0, agendaWeight: 0, lag: { kind: 'erlang', mean, stages: 2 } },
    });
    // Erlang(2) CDF: 1 − e^{−x}(1 + x) with x = t / θ, θ = mean / 2.
    for (const t of [50, 100, 200, 400, 800]) {
      const x = t / (mean / 2);
      expectClose(run.interest[t]!, 10 * (1 - Math.exp(-x) * (1 + x)), 1e-12);
    }
  });
});
