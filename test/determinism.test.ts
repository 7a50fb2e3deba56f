/**
 * Determinism across builds and runs: the ESM and CommonJS builds (made here
 * with tsup, as `npm run build` makes them) give bit-identical numbers, and
 * the same seed gives the same numbers run after run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A script that prints exact numbers from a deterministic and a seeded analysis. */
const script = (load: string) => `
  ${load}
  const away = lib.schedule.reference().pause({ from: '18 months', for: '8 months' });
  const run = lib.simulate({ horizon: '3 years', activity: away });
  const mc = lib.monteCarlo({ runs: 50, seed: 'builds', scenario: { horizon: '2 years', activity: away },
    uncertain: { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 } }, noise: { reach: 0.2 } });
  const fingerprint = {
    equity: Array.from(run.equity.slice(-5)),
    interest: Array.from(run.interest.slice(-5)),
    band: Array.from(mc.bands.interest.quantiles[2].values.slice(-5)),
    draws: Array.from(mc.draws.neglectDecay.slice(0, 5)),
    claims: lib.checkClaims().map((c) => c.value),
  };
  console.log(JSON.stringify(fingerprint, (k, v) => (typeof v === 'number' ? v.toPrecision(17) : v)));
`;

describe('determinism', () => {
  it('the ESM and CommonJS builds give bit-identical results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relationship-equity-build-'));
    await build({
      entry: { index: join(root, 'src/index.ts') },
      format: ['esm', 'cjs'],
      outDir: join(dir, 'dist'),
      dts: false,
      silent: true,
      platform: 'neutral',
      target: 'es2022',
      noExternal: ['mathjs'],
      treeshake: true,
      config: false,
    });
    // Let the builds find their dependencies (seedrandom, valibot) in this repository.
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(join(root, 'node_modules/seedrandom'), join(dir, 'node_modules/seedrandom'));
    symlinkSync(join(root, 'node_modules/valibot'), join(dir, 'node_modules/valibot'));
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', script(`const lib = await import(${JSON.stringify(join(dir, 'dist/index.js'))});`)], { cwd: dir }).toString();
    const cjs = execFileSync(process.execPath, ['-e', `(async () => { ${script(`const lib = require(${JSON.stringify(join(dir, 'dist/index.cjs'))});`)} })()`], { cwd: dir }).toString();
    expect(JSON.parse(esm).equity.length).toBe(5);
    expect(cjs).toBe(esm);
  });

  it('the same seed gives the same numbers run after run, in fresh processes', () => {
    const once = () => execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(`const lib = await import(${JSON.stringify(join(root, 'src/index.ts'))});`)], { cwd: root }).toString();
    expect(once()).toBe(once());
  });
});
