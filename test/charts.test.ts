import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, InputTypeError, ParameterError, absenceCost, sensitivity, swings, sobolIndices, account, compare as compareRuns, allocate, kernelWeights, monteCarlo, respond, schedule, simulate, whatIf, type ResponseSpec } from 'relationship-equity';
import { charts, type VegaLiteSpec } from '../src/charts.js';
import { renderSvg } from '../src/node.js';
import { caught } from './helpers.js';

const away = schedule.reference().pause({ from: '18 months', for: '8 months' });

/** Every number in a spec's inline data is finite (no NaN reaches a chart). */
function finiteData(spec: unknown): boolean {
  const json = JSON.stringify(spec);
  return !/NaN|Infinity|null/.test(json.replace(/"title":null/g, '').replace(/"legend":null/g, '').replace(/"stroke":null/g, ''));
}

const cases: [string, () => VegaLiteSpec, string[]][] = [
  ['timeline', () => charts.timeline(simulate({ horizon: '2 years', activity: away })), ['months since the account started', 'interest (inbound clients)']],
  ['absence', () => charts.absence(absenceCost({ activeFor: '18 months', absentFor: '8 months' })), ['account with the absence', 'twin that never stopped', 'absence shaded']],
  ['compare', () => charts.compare(whatIf({ horizon: '3 years' }, { away: { horizon: '3 years', activity: away } })), ['alternative − baseline', 'away']],
  [
    'compare with bands',
    () => charts.compare(whatIf({ horizon: '3 years' }, { away: { horizon: '3 years', activity: away } }, { runs: 20, seed: 1, noise: { reach: 0.2 }, levels: [0.1, 0.9] })),
    ['band: lowest to highest requested quantile'],
  ],
  ['bands', () => charts.bands(monteCarlo({ runs: 50, seed: 1, scenario: { horizon: '2 years' }, noise: { reach: 0.2 } })), ['over 50 runs', '5–95%']],
  ['response', () => charts.response({ kind: 'hill', halfSaturation: 0.6, shape: 1.6 }), ['posts per week', 'inflow per day']],
  ['kernel', () => charts.kernel({ kind: 'erlang', mean: '12 months', stages: 4 }), ['months of delay']],
  ['portfolio', () => charts.portfolio(allocate({ channels: ['tiktok', 'linkedin'], budget: 7, horizon: '1 year', increments: 7 })), ['posts per week', 'never takes off']],
  ['tornado', () => charts.tornado(sensitivity({ question: 'equityLost', method: 'swings' })), ['What moves the answer of equityLost', 'neglectDecay', 'low value', 'high value']],
  ['sensitivity', () => charts.sensitivity(sensitivity({ question: 'equityLost', seed: 1, samples: 32, parameters: ['neglectDecay', 'activeDecay'] })), ['first-order (alone)', 'total (with interactions)', 'Sobol index']],
];

describe('charts', () => {
  it.each(cases)('%s: a Vega-Lite spec of finite plain data that renders to a labelled SVG', async (_name, make, labels) => {
    const spec = make();
    expect(spec.$schema).toMatch(/vega-lite/);
    expect(finiteData(spec)).toBe(true);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of labels) expect(svg).toContain(label.replace(/&/g, '&amp;'));
  });

  it('bands refuses a series the Monte Carlo did not summarise', () => {
    const result = monteCarlo({ runs: 5, seed: 1, scenario: { horizon: 100 }, series: ['equity'] });
    expect(caught(() => charts.bands(result, { series: 'interest' }), ParameterError).field).toBe('options.series');
  });

  it('has a documented default size, and a portfolio grows with its channels', () => {
    const away2 = simulate({ horizon: '2 years', activity: away });
    const inner = (spec: VegaLiteSpec) => spec.spec as { width: number; height: number };
    expect(inner(charts.timeline(away2))).toMatchObject({ width: 560, height: 120 });
    expect(inner(charts.absence(absenceCost({ activeFor: 100, absentFor: 50, followFor: 50 })))).toMatchObject({ width: 560, height: 130 });
    expect(charts.response({ kind: 'linear' })).toMatchObject({ width: 420, height: 260 });
    expect(charts.kernel({ kind: 'geometric', halfLife: 3 })).toMatchObject({ width: 420, height: 260 });
    const c = charts.compare(whatIf({ horizon: 100 }, { more: { horizon: 100, activity: schedule.daily(1) } }));
    expect(c).toMatchObject({ width: 560, height: 260 });
    const portfolio = charts.portfolio(allocate({ channels: ['tiktok', 'linkedin', 'podcasts', 'likee', 'xiaohongshu'], budget: 5, horizon: 100, increments: 5 }));
    expect(portfolio).toMatchObject({ width: 420, height: 140 });
    expect(charts.timeline(away2, { width: 300, height: 90 }).spec).toMatchObject({ width: 300, height: 90 });
  });

  it('names every series in its own words on a timeline', () => {
    const run = simulate({ horizon: 60 });
    const spec = charts.timeline(run, { series: ['inflow', 'agenda', 'momentum'] });
    expect((spec.facet as { row: { sort: string[] } }).row.sort).toEqual(['inflow (per day), model units', 'agenda (recent events), model units', 'momentum, model units']);
    const ours = account({ name: 'ours', scale: { reach: 10, interest: 0.5 }, units: { interest: 'enquiries' } });
    const inUnits = charts.timeline(simulate({ horizon: 60, account: ours }));
    expect((inUnits.facet as { row: { sort: string[] } }).row.sort).toEqual(['equity, model units', 'reach: views a day', 'interest (inbound clients): enquiries a day']);
    expect(JSON.stringify(inUnits.title)).toContain('ours over time');
  });

  it('takes a title and a size', () => {
    const spec = charts.response({ kind: 'linear' }, { title: 'Ours', width: 300, height: 100 });
    expect(spec).toMatchObject({ width: 300, height: 100 });
    expect(JSON.stringify(spec.title)).toContain('Ours');
  });
});

type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Every string anywhere in a spec, with its key path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (isNode(value)) return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

/** The rows a view draws: its data (or its parent's), through the view's filter transforms (`datum.kind === 'line'`). */
function drawnRows(node: Node, rows: Node[] | undefined): Node[] | undefined {
  let own = isNode(node.data) ? (node.data.values as Node[]) : rows;
  for (const step of Array.isArray(node.transform) ? (node.transform as Node[]) : []) {
    if (typeof step.filter !== 'string') continue;
    const keep = new Function('datum', `return ${step.filter};`) as (datum: Node) => boolean;
    own = own?.filter((row) => keep(row));
  }
  return own;
}

/** Check that every `field` a view encodes (or facets by) is a column of every row of the data it draws. */
function checkFields(node: Node, rows: Node[] | undefined): number {
  const own = drawnRows(node, rows);
  let checked = 0;
  const expectColumn = (field: unknown, where: string): void => {
    expect(own, `${where}: no data`).toBeDefined();
    for (const row of own!) expect(Object.keys(row), `${where}: ${String(field)}`).toContain(field);
    checked++;
  };
  if (isNode(node.facet)) for (const [channel, f] of Object.entries(node.facet)) expectColumn((f as Node).field, `facet.${channel}`);
  if (isNode(node.encoding)) {
    for (const [channel, encoding] of Object.entries(node.encoding)) {
      for (const e of Array.isArray(encoding) ? encoding : [encoding]) {
        if (isNode(e) && e.field !== undefined) expectColumn(e.field, `encoding.${channel}`);
      }
    }
  }
  if (Array.isArray(node.layer)) for (const layer of node.layer) checked += checkFields(layer as Node, own);
  if (isNode(node.spec)) checked += checkFields(node.spec, own);
  return checked;
}

describe('chart specs', () => {
  it.each(cases)('%s: no empty string anywhere — every title, label, colour and field says something', (_name, make) => {
    for (const [path, text] of strings(make())) expect(text.trim(), path).not.toBe('');
  });

  it.each(cases)('%s: every colour is a hex colour', (_name, make) => {
    const colours = strings(make()).filter(([path]) => /\.color$|\.range\[\d+\]$/.test(path));
    for (const [path, text] of colours) expect(text, path).toMatch(/^#([0-9a-f]{3}){1,2}$/i);
  });

  it.each(cases)('%s: every encoded field is a column of the data it draws', (_name, make) => {
    expect(checkFields(make(), undefined)).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)('%s: vega-lite compiles it without a warning', async (_name, make) => {
    const { compile } = await import('vega-lite');
    const said: unknown[][] = [];
    const logger = {
      level: () => logger,
      error: (...a: unknown[]) => (said.push(['error', ...a]), logger),
      warn: (...a: unknown[]) => (said.push(['warn', ...a]), logger),
      info: () => logger,
      debug: () => logger,
    };
    compile(make() as never, { logger: logger as never });
    expect(said).toEqual([]);
  });
});

describe('chart data', () => {
  const rows = (spec: VegaLiteSpec): Node[] => (spec.data as { values: Node[] }).values;

  it('timeline: a row per series per month, each the mean of the month\'s grid points, drawn at the middle of the month', () => {
    const run = simulate({ horizon: '2 years', activity: away });
    const spec = charts.timeline(run, { series: ['equity', 'interest'] });
    const values = rows(spec);
    const months = run.monthly().filter((m) => m.to - m.from >= DAYS_PER_MONTH / 2);
    expect(values.length).toBe(2 * months.length);
    months.forEach((m, k) => {
      expect(values[2 * k]!.month).toBeCloseTo((k + 0.5), 3);
      expect(values[2 * k]!.value).toBeCloseTo(m.mean.equity, 5);
      expect(values[2 * k + 1]!.value).toBeCloseTo(m.mean.interest, 5);
    });
    expect((spec.facet as { row: { sort: string[] } }).row.sort).toEqual(['equity, model units', 'interest (inbound clients), model units']);
  });

  it('draws no false drop at the end: a steady plan with events has a last monthly point at or above the one before', () => {
    for (const horizon of ['1 year', '2 years', '3 years', 400, 500, 1000]) {
      const run = simulate({ horizon, activity: schedule.weekly(2).withEvents({ every: '1 month' }) });
      const interest = rows(charts.timeline(run, { series: ['interest'] })).map((r) => r.value as number);
      expect(interest.at(-1)!, String(horizon)).toBeGreaterThanOrEqual(interest.at(-2)! * 0.999);
    }
  });

  it('a run shorter than a month is one point: the mean of its days', () => {
    const run = simulate({ horizon: 3, step: 1 });
    const values = rows(charts.timeline(run, { series: ['equity'] }));
    expect(values.length).toBe(1);
    expect(values[0]!.value).toBeCloseTo(run.mean(0, 4).equity, 5);
  });

  it('finer periods give about perMonth points per month, on any step', () => {
    const daily = [...new Set(rows(charts.timeline(simulate({ horizon: '1 year' }), { perMonth: 4 })).map((r) => r.month as number))];
    expect(daily[1]! - daily[0]!).toBeCloseTo(0.25, 3);
    expect(daily.length).toBe(48);
    const weekly = [...new Set(rows(charts.timeline(simulate({ horizon: '1 year', step: 7 }), { perMonth: 1 })).map((r) => r.month as number))];
    expect(weekly.length).toBe(12);
  });

  it('compare: the difference of each alternative, with its band only when it ran under uncertainty', () => {
    const plain = whatIf({ horizon: '3 years' }, { away: { horizon: '3 years', activity: away } });
    const values = rows(charts.compare(plain));
    const i = values.length - 1;
    expect(values[i]!.difference).toBeCloseTo(plain.alternatives[0]!.difference.interest.at(-1)!, 6);
    expect(values.every((r) => !('low' in r) && !('high' in r))).toBe(true);
    expect((charts.compare(plain).layer as unknown[]).length).toBe(2);

    const banded = whatIf({ horizon: '2 years' }, { away: { horizon: '2 years', activity: away } }, { runs: 20, seed: 1, noise: { reach: 0.2 }, levels: [0.1, 0.5, 0.9] });
    const spec = charts.compare(banded, { series: 'reach' });
    expect((spec.layer as unknown[]).length).toBe(3);
    const band = banded.alternatives[0]!.bands!.reach!;
    const row = rows(spec)[10]!;
    const k = Math.round(((row.month as number) * DAYS_PER_MONTH) / (banded.days[1]! - banded.days[0]!));
    expect(row.low).toBeCloseTo(band.quantiles[0]!.values[k]!, 6);
    expect(row.high).toBeCloseTo(band.quantiles[2]!.values[k]!, 6);
    expect(row.low as number).toBeLessThanOrEqual(row.high as number);
  });

  it('bands: outer and inner quantile pairs, the median line when there is a median and the mean otherwise', () => {
    const result = monteCarlo({ runs: 40, seed: 3, scenario: { horizon: '1 year' }, noise: { reach: 0.3 }, levels: [0.05, 0.25, 0.5, 0.75, 0.95] });
    const spec = charts.bands(result, { series: 'reach' });
    const q = result.bands.reach!.quantiles;
    const row = rows(spec).at(-1)!;
    const last = result.days.length - 1;
    expect([row.low0, row.high0, row.low1, row.high1, row.median, row.mean]).toEqual(
      [q[0]!, q[4]!, q[1]!, q[3]!, q[2]!].map((x) => Math.round(x.values[last]! * 1e6) / 1e6).concat(Math.round(result.bands.reach!.mean[last]! * 1e6) / 1e6),
    );
    const layers = spec.layer as { mark: { opacity?: number }; encoding: { y: { field: string } } }[];
    expect(layers.map((l) => l.encoding.y.field)).toEqual(['low0', 'low1', 'median']);
    expect(layers[1]!.mark.opacity!).toBeGreaterThan(layers[0]!.mark.opacity!); // the inner band is darker
    expect(JSON.stringify(spec.title)).toContain('bands: 5–95%, 25–75%; line: median');

    const noMedian = monteCarlo({ runs: 40, seed: 3, scenario: { horizon: '1 year' }, noise: { reach: 0.3 }, levels: [0.1, 0.9] });
    const meanSpec = charts.bands(noMedian, { series: 'reach' });
    expect((meanSpec.layer as { encoding: { y: { field: string } } }[]).map((l) => l.encoding.y.field)).toEqual(['low0', 'mean']);
    expect(rows(meanSpec).every((r) => !('median' in r))).toBe(true);
    expect(JSON.stringify(meanSpec.title)).toContain('line: mean');
  });

  it('response: 141 points from no effort to the maximum, each the response at that rate', () => {
    const spec: ResponseSpec = { kind: 'hill', halfSaturation: 0.6, shape: 1.6 };
    const values = rows(charts.response(spec, { maxPostsPerWeek: 7 }));
    expect(values.length).toBe(141);
    expect(values[0]).toEqual({ postsPerWeek: 0, response: 0 });
    expect(values[140]!.postsPerWeek).toBe(7);
    expect(values[70]!.response).toBeCloseTo(respond(3.5 / 7, spec), 6);
  });

  it('kernel: the weights by lag, thinned to at most about 400 points, in months', () => {
    const short = rows(charts.kernel({ kind: 'geometric', halfLife: 5 }));
    const weights = kernelWeights({ kind: 'geometric', halfLife: 5 });
    expect(short.length).toBe(weights.length);
    expect(short[3]).toEqual({ month: Math.round((3 / DAYS_PER_MONTH) * 1000) / 1000, weight: Math.round(weights[3]! * 1e6) / 1e6 });
    const long = rows(charts.kernel({ kind: 'erlang', mean: '12 months', stages: 4 }));
    const all = kernelWeights({ kind: 'erlang', mean: '12 months', stages: 4 });
    const every = Math.floor(all.length / 400);
    expect(every).toBeGreaterThan(1);
    expect(long.length).toBe(Math.ceil(all.length / every));
    expect(long[1]!.weight).toBeCloseTo(all[every]!, 6);
  });

  it('portfolio: one bar per channel, largest first in both layers, with its chance of never taking off', () => {
    const allocation = allocate({ channels: ['tiktok', 'linkedin'], budget: 7, horizon: '1 year', increments: 7 });
    const spec = charts.portfolio(allocation);
    const values = rows(spec);
    expect(values.map((v) => v.channel)).toEqual(allocation.shares.map((s) => s.name));
    const order = [...allocation.shares].sort((a, b) => b.postsPerWeek - a.postsPerWeek).map((s) => s.name);
    for (const layer of spec.layer as { encoding: { y: { sort: string[] } } }[]) expect(layer.encoding.y.sort).toEqual(order);
    expect(values[0]!.failure).toBe(`${Math.round(allocation.shares[0]!.failureProbability * 100)}% chance it never takes off`);
    expect(spec.height).toBe(120);
  });

  it('absence: the absence shaded in months, both runs for each measure', () => {
    const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months' });
    const spec = charts.absence(cost);
    const shade = ((spec.spec as { layer: { data?: { values: Node[] } }[] }).layer[0]!.data!.values)[0]!;
    expect(shade.from).toBeCloseTo(18, 2);
    expect(shade.to).toBeCloseTo(26, 2);
    expect(JSON.stringify(spec.title)).toContain('An absence of 8 months after 18');
    const lines = rows(spec).filter((r) => r.kind === 'line');
    const runs = new Set(lines.map((r) => `${String(r.measure)}/${String(r.run)}`));
    expect(runs.size).toBe(6);
  });

  it('absence: marks its headline numbers where they happen — equity lost by the return, the interest gap at its peak', () => {
    const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months' });
    const spec = charts.absence(cost);
    const marks = rows(spec).filter((r) => r.kind === 'mark');
    expect(marks.map((m) => m.text)).toEqual([`−${Math.round(100 * cost.fractionLost)}% by the return`, `−${Math.round(100 * cost.interestGapPeak.gap)}%, ${Math.round(cost.interestGapPeak.monthsAfterAbsenceBegan)} months after it began`]);
    expect(marks[0]!.month).toBeCloseTo(26, 2);
    expect(marks[1]!.month).toBeCloseTo(cost.interestGapPeak.day / DAYS_PER_MONTH, 2);
    expect(JSON.stringify(spec.title)).toContain(`equity ${Math.round(100 * cost.fractionLost)}% lower by the return`);
  });
});

describe('renderSvg reads no file or URL a spec names', () => {
  it('refuses data from a local file unless allowed', async () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'secret-')), 'secret.csv');
    writeFileSync(secret, 'a,b\nTOP-SECRET,1\n');
    const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { url: secret }, mark: 'text', encoding: { text: { field: 'a' } } };
    await expect(renderSvg(spec)).rejects.toThrow(/reads no file or URL/);
    await expect(renderSvg({ ...spec, data: { url: pathToFileURL(secret).href } })).rejects.toThrow(/reads no file or URL/);
    expect(await renderSvg(spec, { allowLoading: true })).toContain('TOP-SECRET');
    await expect(renderSvg('chart' as never)).rejects.toThrow('`spec` must be');
  });
});

describe('charts and compare answer bad arguments with the library’s errors', () => {
  const bad = [undefined, null, 5, 'x', {}, [], { days: 5 }, { days: new Float64Array(3) }];
  const libraryError = (call: () => unknown): void => {
    let error: unknown;
    try {
      call();
    } catch (e) {
      error = e;
    }
    expect(error, 'threw').toBeDefined();
    expect(error instanceof ParameterError || error instanceof InputTypeError, String(error)).toBe(true);
  };
  it.each(['timeline', 'absence', 'compare', 'bands', 'portfolio', 'response', 'kernel'] as const)('charts.%s', (name) => {
    for (const value of bad) libraryError(() => (charts[name] as (v: unknown) => unknown)(value));
  });

  it('tornado: two bars per input from the base answer to its answer at each end, the longest swing on top, the top ten by default', () => {
    const swung = swings(({ a, b }) => a + 2 * b, { a: [0, 1], b: [0, 1] });
    const spec = charts.tornado(swung) as { layer: { data: { values: Record<string, unknown>[] }; encoding: Record<string, { sort?: unknown }> }[] };
    expect(spec.layer[0]!.data.values).toEqual([
      { parameter: 'b', end: 'low value', from: 1.5, to: 0.5, value: 0 },
      { parameter: 'b', end: 'high value', from: 1.5, to: 2.5, value: 1 },
      { parameter: 'a', end: 'low value', from: 1.5, to: 1, value: 0 },
      { parameter: 'a', end: 'high value', from: 1.5, to: 2, value: 1 },
    ]);
    expect(spec.layer[0]!.encoding.y!.sort).toEqual(['b', 'a']);
    expect(spec.layer[1]!.data.values).toEqual([{ base: 1.5 }]);
    const many = swings((x) => Object.values(x).reduce((p, v) => p + v, 0), Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`x${i}`, [0, i + 1]])) as Record<string, [number, number]>);
    expect((charts.tornado(many) as { layer: { data: { values: unknown[] } }[] }).layer[0]!.data.values).toHaveLength(20);
    expect((charts.tornado(many, { top: 3 }) as { layer: { data: { values: unknown[] } }[] }).layer[0]!.data.values).toHaveLength(6);
  });

  it('sensitivity: first-order and total index per input with their intervals, ordered by total', () => {
    const sobol = sobolIndices(({ a, b }) => a + 3 * b, { a: [0, 1], b: [0, 1] }, { seed: 1, samples: 256 });
    const spec = charts.sensitivity(sobol) as { data: { values: Record<string, unknown>[] }; layer: { encoding: Record<string, { sort?: unknown }> }[] };
    expect(spec.data.values.map((v) => [v.parameter, v.index])).toEqual([
      ['b', 'first-order (alone)'],
      ['b', 'total (with interactions)'],
      ['a', 'first-order (alone)'],
      ['a', 'total (with interactions)'],
    ]);
    const bTotal = spec.data.values[1]!;
    expect(bTotal.value).toBeCloseTo(sobol.indices.b!.total, 6);
    expect([bTotal.low, bTotal.high]).toEqual(sobol.indices.b!.totalInterval!.map((x) => Math.round(x * 1e6) / 1e6));
  });

  it('tornado and sensitivity refuse a sensitivity of the other method, saying which to run', () => {
    const swung = sensitivity({ question: 'equityLost', method: 'swings', parameters: ['neglectDecay'] });
    expect(caught(() => charts.sensitivity(swung), InputTypeError).message).toMatch(/method: 'sobol'/);
    const sobol = sensitivity({ question: 'equityLost', seed: 1, samples: 8, parameters: ['neglectDecay'], bootstrap: 0 });
    expect(caught(() => charts.tornado(sobol), InputTypeError).message).toMatch(/method: 'swings'/);
    expect(caught(() => charts.tornado(swung, { top: 0 }), ParameterError).field).toBe('options.top');
  });

  it('bad options of a chart given a good result', () => {
    const run = simulate({ horizon: 100 });
    for (const options of [5, { colour: 'red' }, { width: -1 }, { title: 3 }, { series: ['followers'] }, { series: 'equity' }]) libraryError(() => charts.timeline(run, options as never));
  });

  it('compare with something that is not a simulation', () => {
    const run = simulate({ horizon: 100 });
    for (const value of bad) {
      libraryError(() => compareRuns(run, value as never));
      libraryError(() => compareRuns(value as never, run));
    }
  });
});
