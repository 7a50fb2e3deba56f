// Issue 16's findings, each run in its own Node process against a build, with
// a time limit: what it gives (a typed error naming a field, a result, NaN, a
// crash, a hang), and how long it took.
//
//   node scripts/hardening-probe.mjs dist        # this build (npm run build first)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
const secret = join(dir, 'secret.txt');
writeFileSync(secret, 'a\nTOP-SECRET\n');
const cases = {
  'workers with --max-old-space-size': { flags: ['--max-old-space-size=512'], code: `await node.monteCarloInWorkers({ runs: 20, seed: 1, scenario: { horizon: 100 }, workers: 2 })` },
  'allocate quantile, 17 channels': { code: `lib.allocate({ channels: Array.from({ length: 17 }, (_, i) => ({ ...lib.channel('tiktok'), name: 'c' + i })), budget: 10, horizon: '1 year', objective: { kind: 'quantile', level: 0.1 } })` },
  'monteCarlo 200000 runs keepPaths 5 years': { code: `lib.monteCarlo({ runs: 200000, seed: 1, keepPaths: true, scenario: { horizon: '5 years' } })` },
  'monteCarlo 1e7 runs': { code: `lib.monteCarlo({ runs: 1e7, seed: 1, scenario: { horizon: '5 years' } })` },
  'simulatePlatform horizon 1e9 step 100': { code: `lib.simulatePlatform({ horizon: 1e9, step: 100, accounts: [{ name: 'a' }, { name: 'b' }] })` },
  'simulatePlatform 10000 accounts x 5 years': { code: `lib.simulatePlatform({ horizon: '5 years', accounts: Array.from({ length: 10000 }, (_, i) => ({ name: 'a' + i })) })` },
  'whatIf 20 alternatives x 5000 runs': { code: `lib.whatIf({ horizon: '5 years' }, Object.fromEntries(Array.from({ length: 20 }, (_, i) => ['a' + i, { horizon: '5 years' }])), { runs: 5000, seed: 1 })` },
  'loadScenario 50 MB horizon': { code: `lib.loadScenario({ format: 1, horizon: '1'.repeat(5e7) + ' days', activity: lib.schedule.none().spec })` },
  'CSV 60 MB, duplicate date on line 3': { code: `lib.parseHistoryCsv('date,posts\\n2022-01-03,1\\n2022-01-03,1\\n' + '2022-01-04,1\\n'.repeat(4.5e6))` },
  'respond(1e200)': { code: `lib.respond(1e200, { kind: 'hill', halfSaturation: 0.6, shape: 1.6 })` },
  'schedule.daily(1e200)': { code: `lib.simulate({ horizon: 100, activity: lib.schedule.daily(1e200) }).equity[100]` },
  'Hill shape 1500': { code: `lib.simulate({ horizon: 100, parameters: { response: { kind: 'hill', halfSaturation: 0.6, shape: 1500 } } }).equity[100]` },
  'eventWeight 1.7e308': { code: `lib.simulate({ horizon: 100, parameters: { eventWeight: 1.7e308 } }).equity[100]` },
  'initial.equity 1e308': { code: `lib.simulate({ horizon: 100, initial: { equity: 1e308 } }).reach[100]` },
  'initial.day -3e5': { code: `lib.simulate({ horizon: 100, initial: { day: -3e5 } }).equity[100]` },
  'Schedule with quality -3': { code: `lib.simulate({ horizon: 100, activity: new lib.Schedule({ ...lib.schedule.reference().spec, qualities: [{ from: 0, to: null, value: -3 }] }) }).reach[50]` },
  'saveScenario with a shifty getter': { code: `(() => { let n = 0; return JSON.parse(lib.saveScenario({ get horizon() { return n++ === 0 ? '1 year' : '-5 parsecs'; } })).horizon; })()` },
  'saveScenario of a 150-year horizon': { code: `lib.saveScenario({ horizon: '150 years' }).length` },
  'CSV header date,post,view': { code: `lib.parseHistoryCsv('date,post,view\\n2022-01-03,2,5400\\n').views` },
  'CSV cell 0x10': { code: `lib.parseHistoryCsv('date,posts\\n2022-01-03,0x10\\n').activity.spec.loggedPosts[0].count` },
  "date '2022-07-01T99:99:99'": { code: `lib.schedule.fromLog([{ date: '2022-07-01T99:99:99' }]).spec.origin` },
  'renderSvg data url file:// secret': { code: `(await node.renderSvg({ data: { url: 'file://' + ${JSON.stringify(secret)} }, mark: 'text', encoding: { text: { field: 'a' } } })).includes('TOP-SECRET')` },
  'renderSvg data url /secret': { code: `(await node.renderSvg({ data: { url: ${JSON.stringify(secret)} }, mark: 'text', encoding: { text: { field: 'a' } } })).includes('TOP-SECRET')` },
  'charts.timeline(undefined)': { code: `charts.charts.timeline(undefined)` },
  'error message of a 5 MB name': { code: `(() => { try { lib.simulatePlatform({ horizon: 10, accounts: [{ name: 7 + 'x'.repeat(5e6) }, { name: 7 + 'x'.repeat(5e6) }] }); } catch (e) { return e.message.length; } })()` },
  'simulate horizon 1e15 step 1e9 (field blamed)': { code: `lib.simulate({ horizon: 1e15, step: 1e9 })` },
  'loadScenario with a byte-order mark': { code: `lib.loadScenario('\\uFEFF' + lib.saveScenario({ horizon: 10 })).horizon` },
  'readHistoryCsv(42)': { code: `node.readHistoryCsv(42)` },
};
const pad = (s, n) => String(s).padEnd(n);
for (const [name, { code, flags = [] }] of Object.entries(cases)) {
  const script = join(dir, 'case.mjs');
  writeFileSync(script, `import * as lib from ${JSON.stringify(join(dist, 'index.js'))};
import * as node from ${JSON.stringify(join(dist, 'node.js'))};
import * as charts from ${JSON.stringify(join(dist, 'charts.js'))};
const t = performance.now();
try {
  const r = await (async () => ${code})();
  const text = typeof r === 'number' ? (Number.isFinite(r) ? 'result ' + r : 'NON-FINITE ' + r) : 'result ' + JSON.stringify(r)?.slice(0, 40);
  console.log(text + ' (' + (performance.now() - t).toFixed(0) + ' ms)');
} catch (e) {
  console.log((e.field !== undefined ? e.name + ' naming ' + e.field : 'raw ' + e.name + ': ' + String(e.message).slice(0, 60)) + ' (' + (performance.now() - t).toFixed(0) + ' ms)');
}
process.exit(0);`);
  let out;
  const t = Date.now();
  try {
    out = execFileSync(process.execPath, [...flags, script], { timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 }).toString().trim().split('\n').pop();
  } catch (e) {
    out = e.signal === 'SIGTERM' ? `HANG (killed after ${((Date.now() - t) / 1000).toFixed(0)} s)` : `CRASH: ${String(e.stderr ?? e.message).split('\n').find((l) => /Error|FATAL|heap/i.test(l))?.slice(0, 70) ?? e.status}`;
  }
  console.log(`${pad(name, 44)} ${out}`);
}
