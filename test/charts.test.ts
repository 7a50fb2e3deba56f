import { describe, expect, it } from 'vitest';
import { ParameterError, absenceCost, allocate, monteCarlo, schedule, simulate, whatIf } from 'relationship-equity';
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

  it('takes a title and a size', () => {
    const spec = charts.response({ kind: 'linear' }, { title: 'Ours', width: 300, height: 100 });
    expect(spec).toMatchObject({ width: 300, height: 100 });
    expect(JSON.stringify(spec.title)).toContain('Ours');
  });
});
