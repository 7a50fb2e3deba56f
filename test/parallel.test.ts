import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, account, monteCarlo, schedule } from 'relationship-equity';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idleWorkers, monteCarloInWorkers } from '../src/node.js';

const options = {
  runs: 120,
  seed: 'parallel',
  scenario: { horizon: '2 years', activity: schedule.reference().pause({ from: '1 year', for: '6 months' }) },
  uncertain: { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 }, 'lag.mean': { kind: 'uniform', min: 200, max: 500 } },
  noise: { reach: 0.2 },
  keepPaths: true,
} as const;

describe('monteCarloInWorkers', () => {
  it('is bit-identical to the single-threaded monteCarlo (workers: 1 and 3)', async () => {
    const single = monteCarlo(options);
    for (const workers of [1, 3]) {
      const parallel = await monteCarloInWorkers({ ...options, workers });
      expect(Array.from(parallel.days)).toEqual(Array.from(single.days));
      for (const name of ['equity', 'reach', 'interest'] as const) {
        expect(Array.from(parallel.bands[name]!.mean)).toEqual(Array.from(single.bands[name]!.mean));
        parallel.bands[name]!.quantiles.forEach((q, i) => expect(Array.from(q.values)).toEqual(Array.from(single.bands[name]!.quantiles[i]!.values)));
        expect(Array.from(parallel.final[name]!)).toEqual(Array.from(single.final[name]!));
      }
      expect(Array.from(parallel.draws.neglectDecay!)).toEqual(Array.from(single.draws.neglectDecay!));
      expect(Array.from(parallel.paths!.interest![77]!)).toEqual(Array.from(single.paths!.interest![77]!));
    }
  });

  it('answers in the account’s units and keeps its parameters under the draws, as monteCarlo does', async () => {
    const ours = account({ name: 'ours', parameters: { lag: { kind: 'erlang', mean: 400, stages: 3 } }, scale: { reach: 12, interest: 0.25 } });
    const withAccount = { runs: 60, seed: 'account', uncertain: { neglectDecay: { kind: 'uniform', min: 0.001, max: 0.003 } }, scenario: { horizon: '1 year', account: ours } } as const;
    const single = monteCarlo(withAccount);
    const parallel = await monteCarloInWorkers({ ...withAccount, workers: 2 });
    expect(parallel.units.interest).toBe('leads a day');
    for (const name of ['reach', 'interest'] as const) {
      expect(Array.from(parallel.bands[name]!.mean)).toEqual(Array.from(single.bands[name]!.mean));
      expect(Array.from(parallel.final[name]!)).toEqual(Array.from(single.final[name]!));
    }
  });

  it('checks its options before starting any thread', async () => {
    await expect(monteCarloInWorkers({ ...options, workers: 0 })).rejects.toBeInstanceOf(ParameterError);
    await expect(monteCarloInWorkers(null as never)).rejects.toThrow('`options` must be an object');
    const error = await monteCarloInWorkers({ ...options, runs: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as ParameterError).field).toBe('runs');
  });

  it('gives the same result again with the workers it kept, also after a call that failed', async () => {
    const first = await monteCarloInWorkers({ ...options, workers: 2 });
    await expect(
      monteCarloInWorkers({ ...options, uncertain: { activeDecay: { kind: 'normal', mean: 0, sd: 1 } }, workers: 2 }),
    ).rejects.toThrow(/uncertain.activeDecay/);
    const again = await monteCarloInWorkers({ ...options, workers: 2 });
    for (const name of ['equity', 'reach', 'interest'] as const) {
      again.bands[name]!.quantiles.forEach((q, i) => expect(Array.from(q.values)).toEqual(Array.from(first.bands[name]!.quantiles[i]!.values)));
    }
  });

  it('passes on an error a worker meets', async () => {
    // A normal draw below zero is refused in the worker that draws it.
    await expect(
      monteCarloInWorkers({ ...options, uncertain: { activeDecay: { kind: 'normal', mean: 0, sd: 1 } }, workers: 2 }),
    ).rejects.toThrow(/uncertain.activeDecay/);
    // A seed whose run 0 draws an allowed value and run 1 does not: with 2 runs on 2 threads, run 1 is the worker's.
    const risky = { runs: 2, scenario: { horizon: 30 }, uncertain: { activeDecay: { kind: 'normal', mean: 0, sd: 1 } } } as const;
    const fails = (runs: number, seed: string) => {
      try {
        monteCarlo({ ...risky, runs, seed });
        return false;
      } catch {
        return true;
      }
    };
    const seed = Array.from({ length: 50 }, (_, i) => `worker-${i}`).find((s) => !fails(1, s) && fails(2, s))!;
    expect(seed).toBeDefined();
    await expect(monteCarloInWorkers({ ...risky, seed, workers: 2 })).rejects.toThrow(/uncertain.activeDecay.*run 1 drew/s);
    // and the error is the library's own class, as on this thread
    const error = await monteCarloInWorkers({ ...risky, seed, workers: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as ParameterError).field).toBe('uncertain.activeDecay');
  });

  it('stops when its signal aborts, before or during the run, and ends its threads', async () => {
    const before = new AbortController();
    before.abort(new Error('not now'));
    await expect(monteCarloInWorkers({ ...options, workers: 2, signal: before.signal })).rejects.toThrow('not now');
    const during = new AbortController();
    const long = monteCarloInWorkers({ ...options, runs: 4000, scenario: { ...options.scenario, horizon: '5 years' }, keepPaths: false, workers: 2, signal: during.signal });
    setTimeout(() => during.abort(), 5);
    await expect(long).rejects.toThrow(/abort/i);
    await expect(monteCarloInWorkers({ ...options, signal: 'stop' as never })).rejects.toBeInstanceOf(InputTypeError);
  });

  it('works when Node runs with ordinary flags (the threads do not inherit them)', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'flags-')), 'run.mts');
    const source = new URL('../src/node.ts', import.meta.url).href;
    writeFileSync(script, `import { monteCarloInWorkers } from ${JSON.stringify(source)};
const r = await monteCarloInWorkers({ runs: 40, seed: 1, scenario: { horizon: 200 }, workers: 2 });
console.log('runs', r.runs);`);
    const out = execFileSync(process.execPath, ['--max-old-space-size=512', '--stack-size=2000', '--expose-gc', '--import', 'tsx', script], { cwd: fileURLToPath(new URL('..', import.meta.url)) }).toString();
    expect(out.trim()).toBe('runs 40');
  });

  it('uses at most one thread per core, and keeps at most as many idle', async () => {
    await monteCarloInWorkers({ ...options, workers: 1000 });
    expect(idleWorkers()).toBeLessThanOrEqual(availableParallelism() - 1);
  });
});
