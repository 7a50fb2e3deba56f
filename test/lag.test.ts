/**
 * Stepping a lag (model/lag.ts): the recursions against the direct convolution
 * of their own weights, state carried across calls, a count of inputs, and
 * push against run.
 */
import { describe, expect, it } from 'vitest';
import { applyKernel, type KernelSpec } from 'relationship-equity';
import { createKernelRunner, stepAverage } from '../src/model/lag.js';
import { validateKernel } from '../src/model/kernels.js';
import { expectClose } from './helpers.js';

/** A seeded-free deterministic positive series: a 5-year daily pattern of posts and campaigns. */
function fiveYears(): Float64Array {
  const n = Math.ceil(5 * 365.25);
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = 1 + Math.sin(t / 17) ** 2 + (t % 30 === 0 ? 5 : 0) + ((t * 7919) % 13) / 13;
  return x;
}

describe('recursion and convolution agree', () => {
  const x = fiveYears();
  it.each([
    ['geometric, infinite', { kind: 'geometric', alpha: 0.97 }],
    ['geometric, window 365', { kind: 'geometric', alpha: 0.99, maxLag: 365 }],
    ['geometric, window 365, normalised', { kind: 'geometric', halfLife: '2 months', maxLag: 365, normalize: true }],
    ['Erlang, 4 stages, mean 12 months', { kind: 'erlang', mean: '12 months', stages: 4 }],
    ['Erlang, 1 stage, mean 30 days', { kind: 'erlang', mean: 30, stages: 1 }],
    ['Erlang, 6 stages (beyond the unrolled 4), mean 200 days', { kind: 'erlang', mean: 200, stages: 6 }],
  ] as [string, KernelSpec][])('%s: to 1e-12 relative over 5 daily years', (_name, spec) => {
    const recursive = applyKernel(x, spec, { method: 'recursion' });
    const direct = applyKernel(x, spec, { method: 'convolution' });
    for (let t = 0; t < x.length; t++) {
      expect(Math.abs(recursive[t]! / direct[t]! - 1), `t = ${t}`).toBeLessThan(1e-12);
    }
  });
});

describe('carrying state across calls', () => {
  const x = Array.from(fiveYears().subarray(0, 400));
  it.each([
    { kind: 'geometric', alpha: 0.9 },
    { kind: 'geometric', alpha: 0.9, maxLag: 30 },
    { kind: 'erlang', mean: 60, stages: 3 },
    { kind: 'delayed', alpha: 0.6, theta: 4, maxLag: 20 },
    { kind: 'weibull-pdf', shape: 2, scale: 10, maxLag: 40 },
    { kind: 'binomial', alpha: 0.4, maxLag: 12 },
    { kind: 'gamma', mean: 25, shape: 1.5, maxLag: 120 },
  ] as KernelSpec[])('$kind: two calls over halves equal one call over the whole', (spec) => {
    const whole = applyKernel(x, spec);
    const first = applyKernel(x.slice(0, 173), spec, { returnState: true });
    const second = applyKernel(x.slice(173), spec, { carry: first.state, returnState: true });
    const joined = [...first.series, ...second.series];
    for (let t = 0; t < x.length; t++) expectClose(joined[t]!, whole[t]!, 1e-12);
    expect(JSON.parse(JSON.stringify(second.state))).toEqual(second.state);
  });

  it('a windowed state is the last maxLag + 1 inputs, oldest first, whichever method made it', () => {
    const spec: KernelSpec = { kind: 'geometric', alpha: 0.5, maxLag: 2 };
    const byRecursion = applyKernel([1, 2, 3, 4], spec, { returnState: true });
    const byConvolution = applyKernel([1, 2, 3, 4], spec, { returnState: true, method: 'convolution' });
    expect(byRecursion.state).toEqual({ kind: 'geometric', values: [2, 3, 4] });
    expect(byConvolution.state).toEqual(byRecursion.state);
  });

  it('does not mutate its input or the carried state', () => {
    const input = [1, 2, 3];
    const first = applyKernel(input, { kind: 'erlang', mean: 5, stages: 2 }, { returnState: true });
    const snapshot = JSON.stringify(first.state);
    applyKernel([4], { kind: 'erlang', mean: 5, stages: 2 }, { carry: first.state });
    expect(input).toEqual([1, 2, 3]);
    expect(JSON.stringify(first.state)).toBe(snapshot);
  });
});

describe('runners', () => {
  const x = fiveYears().subarray(0, 300);
  it.each([
    { kind: 'geometric', alpha: 0.9 },
    { kind: 'geometric', halfLife: 20, maxLag: 30, normalize: true },
    { kind: 'erlang', mean: 60, stages: 3 },
    { kind: 'erlang', mean: 90, stages: 7 },
    { kind: 'delayed', alpha: 0.6, theta: 4, maxLag: 20 },
    { kind: 'gamma', mean: 25, shape: 1.5, maxLag: 120 },
  ] as KernelSpec[])('$kind: push one at a time gives bit for bit what run gives, and run stops after count inputs', (spec) => {
    const k = validateKernel(spec);
    const pushed = createKernelRunner(k, 1, undefined);
    const byPush = Array.from(x, (v) => pushed.push(v));
    const run = createKernelRunner(k, 1, undefined);
    const out = new Float64Array(x.length);
    run.run(x, out, 120);
    run.run(x.subarray(120), out.subarray(120));
    for (let t = 0; t < x.length; t++) if (!Object.is(out[t], byPush[t])) expect.fail(`t = ${t}: ${out[t]} vs ${byPush[t]}`);
    expect(run.output()).toBe(byPush[x.length - 1]);
    expect(run.state()).toEqual(pushed.state());
  });

  it('averages a step by the trapezoid rule', () => {
    expect(stepAverage(2, 5)).toBe(3.5);
    expect(stepAverage(0, 0)).toBe(0);
  });
});
