/**
 * Charts, `relationship-equity/charts`: every analysis as a Vega-Lite spec —
 * plain JSON, no dependency — ready for any Vega-Lite renderer: a notebook, a
 * web page (vega-embed), or `renderSvg` from `relationship-equity/node`.
 *
 * @module
 */
// The main entry by name, so the charts entry shares its one copy of the library.
import {
  DAYS_PER_MONTH,
  InputTypeError,
  MODEL_UNITS,
  ParameterError,
  SERIES,
  kernelWeights,
  respond,
  type AbsenceCost,
  type Allocation,
  type KernelSpec,
  type MonteCarloResult,
  type ResponseSpec,
  type SeriesName,
  type SeriesUnits,
  type Sensitivity,
  type Simulation,
  type SobolResult,
  type SwingResult,
  type WhatIfResult,
} from 'relationship-equity';

/** A Vega-Lite specification: plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** Options shared by the charts. */
export interface ChartOptions {
  /** The chart's title. */
  readonly title?: string;
  /** Width in pixels. @defaultValue 560 */
  readonly width?: number;
  /** Height in pixels (of each panel). @defaultValue 150 */
  readonly height?: number;
  /**
   * Points per month kept for the chart (1 = one per month). @defaultValue 1 for
   * `timeline` and `absence` (reach has a monthly sawtooth from the events, which finer
   * sampling would alias), 4 for the others
   */
  readonly perMonth?: number;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const LABELS: Record<SeriesName, string> = {
  equity: 'equity',
  inflow: 'inflow (per day)',
  reach: 'reach',
  agenda: 'agenda (recent events)',
  momentum: 'momentum',
  interest: 'interest (inbound clients)',
};

/** What a field of a result must be: a series of numbers (Float64Array or array), a number, an array, or an object. */
type Shape = Readonly<Record<string, 'series' | 'number' | 'array' | 'object'>>;

/**
 * Check that `value` is a result of the kind a function expects (a
 * simulation, a what-if, an allocation): an object with these fields of these
 * kinds. A chart given something else says so instead of reading undefined.
 *
 * @throws {@link InputTypeError} naming the first field that is missing or of the wrong kind.
 */
function resultShape(field: string, value: unknown, shape: Shape, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputTypeError(field, value, what);
  const o = value as Record<string, unknown>;
  for (const [key, kind] of Object.entries(shape)) {
    const v = o[key];
    const ok =
      kind === 'series' ? v instanceof Float64Array || Array.isArray(v) : kind === 'number' ? typeof v === 'number' : kind === 'array' ? Array.isArray(v) : typeof v === 'object' && v !== null;
    if (!ok) throw new InputTypeError(`${field}.${key}`, v, `${what} (its ${key} is missing or not ${kind === 'series' ? 'a series of numbers' : `a ${kind}`})`);
  }
  return o;
}

/** The fields a chart reads of a simulation. */
const SIMULATION = { days: 'series', equity: 'series', reach: 'series', interest: 'series', inflow: 'series', agenda: 'series', momentum: 'series' } as const;

/** A chart's options, checked: the shared ones and `extra`. */
function chartOptions(options: unknown, extra: readonly string[]): Record<string, unknown> {
  const given = options ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new InputTypeError('options', options, 'an object');
  const o = { ...(given as Record<string, unknown>) };
  const known = ['title', 'width', 'height', 'perMonth', ...extra];
  const unknown = Object.keys(o).find((k) => !known.includes(k));
  if (unknown !== undefined) throw new ParameterError(`options.${unknown}`, o[unknown], `one of the known fields (${known.join(', ')})`);
  if (o.title !== undefined && typeof o.title !== 'string') throw new InputTypeError('options.title', o.title, 'a string');
  for (const key of ['width', 'height', 'perMonth'] as const) {
    if (o[key] !== undefined && !(typeof o[key] === 'number' && (o[key] as number) > 0 && (o[key] as number) < Infinity)) throw new ParameterError(`options.${key}`, o[key], 'a finite number > 0');
  }
  return o;
}

/** What a series is counted in, from a result's units (model units where it has none). */
function unitOf(result: { readonly units?: SeriesUnits }, name: SeriesName): string {
  return result.units?.[name] ?? MODEL_UNITS[name];
}

/** A panel's label: the series and its unit ("interest — leads a day"). */
function panelLabel(result: { readonly units?: SeriesUnits }, name: SeriesName): string {
  const unit = unitOf(result, name);
  return unit === MODEL_UNITS[name] ? `${LABELS[name]}, model units` : `${LABELS[name]}: ${unit}`;
}

/**
 * Period averages to plot, about `perMonth` per month: each point is the mean of
 * the grid points in its period, drawn at the period's middle — an event day's
 * spike is averaged into its month, not sampled or missed (a point sample can
 * fall in a trough and draw a drop that is not there).
 */
function periodMeans(days: Float64Array, perMonth: number, series: readonly ArrayLike<number>[]): { month: number; values: number[] }[] {
  const first = days[0]!;
  const step = days.length > 1 ? days[1]! - first : 1;
  const length = DAYS_PER_MONTH / perMonth;
  const out: { month: number; values: number[] }[] = [];
  let i = 0;
  for (let k = 0; i < days.length; k++) {
    const end = first + (k + 1) * length;
    const sums = series.map(() => 0);
    let count = 0;
    for (; i < days.length && days[i]! < end - 1e-9; i++, count++) series.forEach((s, j) => (sums[j]! += s[i]!));
    // A last period less than half as long as the others is left out: a few days, one of them an event, are not a month.
    if (count === 0 || (i === days.length && (days[days.length - 1]! + step - (end - length)) < length / 2 - 1e-9 && out.length > 0)) continue;
    const middle = Math.min(first + (k + 0.5) * length, days[days.length - 1]! + step / 2);
    out.push({ month: month(middle), values: sums.map((x) => x / count) });
  }
  return out;
}

/** Indices of the grid points to plot: about `perMonth` per month. */
function thin(days: Float64Array, perMonth: number): number[] {
  const every = Math.max(1, Math.round(DAYS_PER_MONTH / perMonth / Math.max(days[1]! - days[0]! || 1, 1e-9)));
  const out: number[] = [];
  for (let i = 0; i < days.length; i += every) out.push(i);
  if (out[out.length - 1] !== days.length - 1) out.push(days.length - 1);
  return out;
}

/** The legend of the alternatives, the same in every layer that colours by them (so vega-lite keeps it). */
const LEGEND = { orient: 'top', labelLimit: 400, symbolOpacity: 1 };

const month = (day: number): number => Math.round((day / DAYS_PER_MONTH) * 1000) / 1000;
const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

function frame(options: ChartOptions, title: string, subtitle?: string): VegaLiteSpec {
  return {
    $schema: SCHEMA,
    title: subtitle === undefined ? options.title ?? title : { text: options.title ?? title, subtitle },
    config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } },
  };
}

/**
 * The series of one run over time, one panel per series (equity, reach and
 * interest by default), with months on the x axis.
 *
 * @example
 * ```ts
 * import { simulate } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.timeline(simulate({ horizon: '3 years' }));
 * ```
 */
function timeline(
  simulation: Simulation,
  options: ChartOptions & { readonly series?: readonly SeriesName[] } = {},
): VegaLiteSpec {
  resultShape('simulation', simulation, SIMULATION, 'a simulation (what simulate returns)');
  const o = chartOptions(options, ['series']);
  const asked: unknown = o.series ?? ['equity', 'reach', 'interest'];
  if (!Array.isArray(asked) || asked.length === 0 || asked.some((n) => !(SERIES as readonly unknown[]).includes(n))) throw new ParameterError('options.series', o.series, `an array of ${SERIES.join(', ')}`);
  const series = asked as readonly SeriesName[];
  const values = periodMeans(simulation.days, options.perMonth ?? 1, series.map((name) => simulation[name])).flatMap((point) =>
    series.map((name, j) => ({ month: point.month, measure: panelLabel(simulation, name), value: round(point.values[j]!) })),
  );
  const name = simulation.account?.name;
  return {
    ...frame(options, name === undefined ? 'The account over time' : `${name} over time`, 'monthly averages'),
    data: { values },
    facet: { row: { field: 'measure', type: 'nominal', sort: series.map((s) => panelLabel(simulation, s)), title: null, header: { labelFontWeight: 'bold', labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12 } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: options.width ?? 560,
      height: options.height ?? 120,
      mark: { type: 'line', strokeWidth: 2, color: '#1f77b4' },
      encoding: {
        x: { field: 'month', type: 'quantitative', title: 'months since the account started' },
        y: { field: 'value', type: 'quantitative', title: null },
      },
    },
  };
}

/**
 * Each alternative of a `whatIf` against its baseline: the difference in
 * one series (interest by default) over time, with an 80% band when the
 * comparison ran under uncertainty.
 *
 * @example
 * ```ts
 * import { whatIf, schedule } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const away = schedule.reference().pause({ from: '18 months', for: '8 months' });
 * const result = whatIf({ horizon: '4 years' }, { 'the absence': { horizon: '4 years', activity: away } });
 * const spec = charts.compare(result);
 * ```
 */
function compare(result: WhatIfResult, options: ChartOptions & { readonly series?: 'equity' | 'reach' | 'interest' } = {}): VegaLiteSpec {
  resultShape('result', result, { days: 'series', alternatives: 'array' }, 'a what-if (what whatIf returns)');
  result.alternatives.forEach((a, i) => resultShape(`result.alternatives[${i}]`, a, { difference: 'object' }, 'an alternative of a what-if'));
  const series = (chartOptions(options, ['series']).series ?? 'interest') as 'equity' | 'reach' | 'interest';
  if (series !== 'equity' && series !== 'reach' && series !== 'interest') throw new ParameterError('options.series', series, "'equity', 'reach' or 'interest'");
  const indices = thin(result.days, options.perMonth ?? 4);
  const values = result.alternatives.flatMap((alt) =>
    indices.map((i) => {
      const band = alt.bands?.[series];
      const low = band?.quantiles[0]?.values[i];
      const high = band?.quantiles[band.quantiles.length - 1]?.values[i];
      return {
        month: month(result.days[i]!),
        alternative: alt.name,
        difference: round(alt.difference[series][i]!),
        ...(low === undefined || high === undefined ? {} : { low: round(low), high: round(high) }),
      };
    }),
  );
  const banded = result.alternatives.some((a) => a.bands !== undefined);
  return {
    ...frame(options, `Difference in ${LABELS[series]} against the baseline`, banded ? 'line: mean over runs; band: lowest to highest requested quantile' : undefined),
    width: options.width ?? 560,
    height: options.height ?? 260,
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#888' }, encoding: { y: { datum: 0 } } },
      ...(banded
        ? [
            {
              mark: { type: 'area', opacity: 0.25 },
              encoding: {
                x: { field: 'month', type: 'quantitative' },
                y: { field: 'low', type: 'quantitative' },
                y2: { field: 'high' },
                color: { field: 'alternative', type: 'nominal', title: null, legend: LEGEND },
              },
            },
          ]
        : []),
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'month', type: 'quantitative', title: 'months' },
          y: { field: 'difference', type: 'quantitative', title: 'alternative − baseline' },
          color: { field: 'alternative', type: 'nominal', title: null, legend: LEGEND },
        },
      },
    ],
  };
}

/**
 * A `monteCarlo` band: the median and the ranges between the outer and
 * inner quantile pairs of one series (interest by default).
 *
 * @throws `ParameterError` if the result has no band for the series.
 * @example
 * ```ts
 * import { monteCarlo } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const result = monteCarlo({ runs: 200, seed: 1, scenario: { horizon: '3 years' }, noise: { reach: 0.2 } });
 * const spec = charts.bands(result, { series: 'reach' });
 * ```
 */
function bands(result: MonteCarloResult, options: ChartOptions & { readonly series?: SeriesName } = {}): VegaLiteSpec {
  resultShape('result', result, { days: 'series', bands: 'object' }, 'a Monte Carlo (what monteCarlo returns)');
  const series = (chartOptions(options, ['series']).series ?? 'interest') as SeriesName;
  const band = result.bands[series];
  if (band === undefined) throw new ParameterError('options.series', series, `one of the summarised series (${Object.keys(result.bands).join(', ')})`);
  const q = band.quantiles;
  const pairs: [number, number][] = [];
  for (let a = 0, b = q.length - 1; a < b; a++, b--) pairs.push([a, b]);
  const medianIndex = q.findIndex((x) => x.level === 0.5);
  const values = thin(result.days, options.perMonth ?? 4).map((i) => {
    const row: Record<string, number> = { month: month(result.days[i]!), mean: round(band.mean[i]!) };
    pairs.forEach(([a, b], k) => {
      row[`low${k}`] = round(q[a]!.values[i]!);
      row[`high${k}`] = round(q[b]!.values[i]!);
    });
    if (medianIndex >= 0) row.median = round(q[medianIndex]!.values[i]!);
    return row;
  });
  const x = { field: 'month', type: 'quantitative', title: 'months' };
  return {
    ...frame(
      options,
      `${LABELS[series]} over ${result.runs} runs${result.account?.name === undefined ? '' : ` — ${result.account.name}`}`,
      pairs.length > 0 ? `bands: ${pairs.map(([a, b]) => `${Math.round(q[a]!.level * 100)}–${Math.round(q[b]!.level * 100)}%`).join(', ')}; line: ${medianIndex >= 0 ? 'median' : 'mean'}` : undefined,
    ),
    width: options.width ?? 560,
    height: options.height ?? 260,
    data: { values },
    layer: [
      ...pairs.map((_, k) => ({
        mark: { type: 'area', color: '#1f77b4', opacity: 0.18 + 0.12 * k },
        encoding: { x, y: { field: `low${k}`, type: 'quantitative', title: panelLabel(result, series) }, y2: { field: `high${k}` } },
      })),
      { mark: { type: 'line', color: '#1f4e79', strokeWidth: 2 }, encoding: { x, y: { field: medianIndex >= 0 ? 'median' : 'mean', type: 'quantitative' } } },
    ],
  };
}

/**
 * A response curve: output against effort (posts per week on the x axis).
 *
 * @example
 * ```ts
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.response({ kind: 'hill', halfSaturation: 0.6, shape: 1.6 });
 * ```
 */
function response(spec: ResponseSpec, options: ChartOptions & { readonly maxPostsPerWeek?: number } = {}): VegaLiteSpec {
  const max = options.maxPostsPerWeek ?? 14;
  const values = Array.from({ length: 141 }, (_, k) => {
    const perWeek = (max * k) / 140;
    return { postsPerWeek: round(perWeek), response: round(respond(perWeek / 7, spec)) };
  });
  return {
    ...frame(options, `Effort response (${spec.kind})`, 'diminishing returns: each extra post adds less'),
    width: options.width ?? 420,
    height: options.height ?? 260,
    data: { values },
    mark: { type: 'line', strokeWidth: 2, color: '#2ca02c' },
    encoding: {
      x: { field: 'postsPerWeek', type: 'quantitative', title: 'posts per week' },
      y: { field: 'response', type: 'quantitative', title: 'inflow per day' },
    },
  };
}

/**
 * A lag kernel's weights by lag (in days, shown in months).
 *
 * @example
 * ```ts
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.kernel({ kind: 'erlang', mean: '12 months', stages: 4 });
 * ```
 */
function kernel(spec: KernelSpec, options: ChartOptions = {}): VegaLiteSpec {
  const weights = kernelWeights(spec);
  const every = Math.max(1, Math.floor(weights.length / 400));
  const values: { month: number; weight: number }[] = [];
  for (let l = 0; l < weights.length; l += every) values.push({ month: month(l), weight: round(weights[l]!) });
  return {
    ...frame(options, `Lag kernel (${spec.kind})`, 'how an effect today is spread over the coming months'),
    width: options.width ?? 420,
    height: options.height ?? 260,
    data: { values },
    mark: { type: 'area', line: { color: '#9467bd' }, color: '#c5b0d5' },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: 'months of delay' },
      y: { field: 'weight', type: 'quantitative', title: 'weight per day' },
    },
  };
}

/**
 * An `allocate` result: posts per week per channel, with each channel's
 * chance of never taking off.
 *
 * @example
 * ```ts
 * import { allocate } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.portfolio(allocate({ channels: ['tiktok', 'linkedin'], budget: 10, horizon: '2 years' }));
 * ```
 */
function portfolio(allocation: Allocation, options: ChartOptions = {}): VegaLiteSpec {
  resultShape('allocation', allocation, { shares: 'array' }, 'an allocation (what allocate returns)');
  chartOptions(options, []);
  const values = allocation.shares.map((s) => ({
    channel: s.name,
    postsPerWeek: round(s.postsPerWeek),
    failure: `${Math.round(s.failureProbability * 100)}% chance it never takes off`,
  }));
  // One explicit order for both layers (largest share first), so their y scales agree.
  const order = [...values].sort((a, b) => b.postsPerWeek - a.postsPerWeek).map((v) => v.channel);
  return {
    ...frame(options, 'Weekly effort by channel', `objective value ${allocation.value.toFixed(0)}; expected interest ${allocation.expected.toFixed(0)}`),
    width: options.width ?? 420,
    height: options.height ?? Math.max(120, 28 * values.length),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: '#ff7f0e' },
        encoding: {
          y: { field: 'channel', type: 'nominal', sort: order, title: null },
          x: { field: 'postsPerWeek', type: 'quantitative', title: 'posts per week' },
          tooltip: [{ field: 'channel' }, { field: 'postsPerWeek' }, { field: 'failure' }],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#555' },
        encoding: { y: { field: 'channel', type: 'nominal', sort: order }, x: { field: 'postsPerWeek', type: 'quantitative' }, text: { field: 'failure' } },
      },
    ],
  };
}

/**
 * The story of an `absenceCost`: equity, reach and interest of the account
 * and of its never-absent twin, month by month, with the absence shaded.
 *
 * @example
 * ```ts
 * import { absenceCost } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.absence(absenceCost({ activeFor: '18 months', absentFor: '8 months' }));
 * ```
 */
function absence(cost: AbsenceCost, options: ChartOptions = {}): VegaLiteSpec {
  resultShape('cost', cost, { simulation: 'object', twin: 'object', absence: 'object' }, 'an absence cost (what absenceCost returns)');
  resultShape('cost.simulation', cost.simulation, SIMULATION, 'a simulation');
  resultShape('cost.twin', cost.twin, SIMULATION, 'a simulation');
  chartOptions(options, []);
  const { simulation: run, twin } = cost;
  const measures = ['equity', 'reach', 'interest'] as const;
  const label = (name: SeriesName) => panelLabel(run, name);
  const perMonth = options.perMonth ?? 1;
  const ours = periodMeans(run.days, perMonth, measures.map((name) => run[name]));
  const theirs = periodMeans(twin.days, perMonth, measures.map((name) => twin[name]));
  const values: Record<string, unknown>[] = ours.flatMap((point, k) =>
    measures.flatMap((name, j) => [
      { kind: 'line', month: point.month, measure: label(name), run: 'account with the absence', value: round(point.values[j]!) },
      { kind: 'line', month: theirs[k]!.month, measure: label(name), run: 'twin that never stopped', value: round(theirs[k]!.values[j]!) },
    ]),
  );
  const from = month(cost.absence.from);
  const to = month(cost.absence.to);
  // The headline numbers, marked where they happen: equity lost by the return, interest furthest behind.
  const lost = cost.fractionLost;
  const peak = cost.interestGapPeak;
  values.push(
    { kind: 'mark', month: to, measure: label('equity'), text: `−${Math.round(100 * lost)}% by the return` },
    { kind: 'mark', month: month(peak.day), measure: label('interest'), text: `−${Math.round(100 * peak.gap)}%, ${Math.round(peak.monthsAfterAbsenceBegan)} months after it began` },
  );
  const line = { filter: "datum.kind === 'line'" };
  const mark = { filter: "datum.kind === 'mark'" };
  return {
    ...frame(
      options,
      `An absence of ${Math.round(to - from)} months after ${Math.round(from)} months active${run.account === null || run.account === undefined ? '' : ` — ${run.account.name}`}`,
      `equity ${Math.round(100 * lost)}% lower by the return; interest furthest behind (${Math.round(100 * peak.gap)}% below the twin) ${Math.round(peak.monthsAfterAbsenceBegan)} months after the absence began`,
    ),
    data: { values },
    facet: { row: { field: 'measure', type: 'nominal', sort: measures.map(label), title: null, header: { labelFontWeight: 'bold', labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12 } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: options.width ?? 560,
      height: options.height ?? 130,
      layer: [
        {
          data: { values: [{ from, to }] },
          mark: { type: 'rect', color: '#f4c7c3', opacity: 0.6 },
          encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
        },
        {
          transform: [line],
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x: { field: 'month', type: 'quantitative', title: 'months since the account started (absence shaded; monthly averages)' },
            y: { field: 'value', type: 'quantitative', title: null },
            color: { field: 'run', type: 'nominal', title: null, scale: { range: ['#d62728', '#1f77b4'] }, legend: { orient: 'top', labelLimit: 400, labelFontSize: 12 } },
            strokeDash: { field: 'run', type: 'nominal', title: null, scale: { range: [[1, 0], [5, 3]] } },
          },
        },
        { transform: [mark], mark: { type: 'rule', color: '#555', strokeDash: [2, 2] }, encoding: { x: { field: 'month', type: 'quantitative' } } },
        {
          transform: [mark],
          mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4, fontSize: 11, color: '#333' },
          encoding: { x: { field: 'month', type: 'quantitative' }, y: { value: 2 }, text: { field: 'text' } },
        },
      ],
    },
  };
}

/**
 * The analysis a sensitivity chart draws: the result itself, or the part of a
 * sensitivity run with `method` (its `swings` or its `sobol`), checked to have
 * the fields the chart reads.
 */
function analysisOf<T>(result: unknown, method: 'swings' | 'sobol', shape: Shape, what: string): T {
  const o = resultShape('result', result, {}, `${what}, or a sensitivity with method ${method}`);
  const part = o.method === undefined ? o : o[method];
  if (part === null || part === undefined) throw new InputTypeError(`result.${method}`, part, `${what}: run sensitivity with method: '${method}'`);
  return resultShape('result', part, shape, `${what} (what ${method === 'sobol' ? 'sobolIndices' : 'swings'} returns)`) as T;
}

/** A chart's `top` option: how many parameters it shows. */
function topOption(o: Record<string, unknown>): number {
  const top = o.top === undefined ? 10 : (o.top as number);
  if (!(Number.isInteger(top) && top >= 1)) throw new ParameterError('options.top', o.top, 'a whole number ≥ 1');
  return top;
}

/**
 * A tornado: each parameter's one-at-a-time swing of the answer, the longest
 * on top, bars from the base answer to the answer at the parameter's low and
 * high value.
 *
 * @example
 * ```ts
 * import { sensitivity } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.tornado(sensitivity({ question: 'equityLost', method: 'swings' }));
 * ```
 */
function tornado(result: Sensitivity | SwingResult, options: ChartOptions & { readonly top?: number } = {}): VegaLiteSpec {
  const swung = analysisOf<SwingResult>(result, 'swings', { base: 'number', swings: 'array' }, 'swings');
  const top = topOption(chartOptions(options, ['top']));
  const shown = swung.swings.slice(0, top);
  const order = shown.map((s) => s.input);
  const values = shown.flatMap((s) => [
    { parameter: s.input, end: 'low value', from: round(swung.base), to: round(s.atLow), value: round(s.low) },
    { parameter: s.input, end: 'high value', from: round(swung.base), to: round(s.atHigh), value: round(s.high) },
  ]);
  const question = 'question' in result ? ` of ${(result as Sensitivity).question}` : '';
  return {
    ...frame(options, `What moves the answer${question}`, `each parameter alone from its low to its high value; base answer ${Number(swung.base.toPrecision(3))}`),
    width: options.width ?? 480,
    height: options.height ?? Math.max(120, 26 * shown.length),
    layer: [
      {
        data: { values },
        mark: { type: 'bar', opacity: 0.85 },
        encoding: {
          y: { field: 'parameter', type: 'nominal', sort: order, title: null, axis: { labelLimit: 220 } },
          x: { field: 'from', type: 'quantitative', title: 'question' in result ? (result as Sensitivity).question : 'answer', scale: { zero: false } },
          x2: { field: 'to' },
          color: { field: 'end', type: 'nominal', title: null, scale: { domain: ['low value', 'high value'], range: ['#1f77b4', '#ff7f0e'] }, legend: LEGEND },
          tooltip: [{ field: 'parameter' }, { field: 'end' }, { field: 'value', title: 'parameter value' }, { field: 'to', title: 'answer' }],
        },
      },
      { data: { values: [{ base: round(swung.base) }] }, mark: { type: 'rule', color: '#333' }, encoding: { x: { field: 'base', type: 'quantitative' } } },
    ],
  };
}

/**
 * First-order and total Sobol indices per parameter, with their bootstrap
 * intervals, the largest total on top: how much of the answer's variance each
 * parameter explains alone, and with its interactions.
 *
 * @example
 * ```ts
 * import { sensitivity } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.sensitivity(sensitivity({ question: 'equityLost', seed: 1, samples: 128 }));
 * ```
 */
function sensitivityChart(result: Sensitivity | SobolResult, options: ChartOptions & { readonly top?: number } = {}): VegaLiteSpec {
  const sobol = analysisOf<SobolResult>(result, 'sobol', { indices: 'object' }, 'Sobol indices');
  const top = topOption(chartOptions(options, ['top']));
  const order = Object.entries(sobol.indices)
    .sort(([, a], [, b]) => b.total - a.total)
    .slice(0, top)
    .map(([name]) => name);
  const values = order.flatMap((parameter) => {
    const index = sobol.indices[parameter]!;
    return [
      { parameter, index: 'first-order (alone)', value: round(index.first), low: round(index.firstInterval?.[0] ?? index.first), high: round(index.firstInterval?.[1] ?? index.first) },
      { parameter, index: 'total (with interactions)', value: round(index.total), low: round(index.totalInterval?.[0] ?? index.total), high: round(index.totalInterval?.[1] ?? index.total) },
    ];
  });
  const y = { field: 'parameter', type: 'nominal', sort: order, title: null, axis: { labelLimit: 220 } };
  const yOffset = { field: 'index', type: 'nominal', sort: ['first-order (alone)', 'total (with interactions)'] };
  const question = 'question' in result ? ` of ${(result as Sensitivity).question}` : '';
  return {
    ...frame(options, `Which parameters drive the answer${question}`, `share of its variance; lines: ${Math.round(100 * (sobol.level ?? 0.95))}% bootstrap intervals`),
    width: options.width ?? 480,
    height: options.height ?? Math.max(140, 34 * order.length),
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset,
          x: { field: 'value', type: 'quantitative', title: 'Sobol index', scale: { domain: [0, 1], clamp: true } },
          color: { field: 'index', type: 'nominal', title: null, scale: { range: ['#1f77b4', '#ff7f0e'] }, legend: LEGEND },
          tooltip: [{ field: 'parameter' }, { field: 'index' }, { field: 'value' }, { field: 'low' }, { field: 'high' }],
        },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
    ],
  };
}

/**
 * The chart builders. Each returns a Vega-Lite spec as plain JSON.
 *
 * @example
 * ```ts
 * import { simulate } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * const spec = charts.timeline(simulate({ horizon: '2 years' }));
 * JSON.stringify(spec); // hand it to vega-embed, a notebook, or renderSvg
 * ```
 */
export const charts = Object.freeze({
  /**
   * A run's series over time, one panel each (equity, reach, interest by default).
   * @example
   * ```ts
   * charts.timeline(simulate({ horizon: '3 years' }), { series: ['equity', 'interest'] });
   * ```
   */
  timeline,
  /**
   * An `absenceCost`: the account and its never-absent twin, absence shaded.
   * @example
   * ```ts
   * charts.absence(absenceCost({ activeFor: '18 months', absentFor: '8 months' }));
   * ```
   */
  absence,
  /**
   * A `whatIf`: alternative − baseline over time, with a band when uncertain.
   * @example
   * ```ts
   * charts.compare(whatIf(baseline, alternatives), { series: 'interest' });
   * ```
   */
  compare,
  /**
   * A `monteCarlo` band: the median and the quantile ranges of one series.
   * @example
   * ```ts
   * charts.bands(monteCarlo({ runs: 500, seed: 1, scenario: { horizon: '3 years' } }), { series: 'interest' });
   * ```
   */
  bands,
  /**
   * A response curve: inflow against posts per week.
   * @example
   * ```ts
   * charts.response({ kind: 'hill', halfSaturation: 0.6, shape: 1.6 });
   * ```
   */
  response,
  /**
   * A lag kernel: weight by months of delay.
   * @example
   * ```ts
   * charts.kernel({ kind: 'erlang', mean: '12 months', stages: 4 });
   * ```
   */
  kernel,
  /**
   * An `allocate` result: posts per week by channel, with each channel's chance of failing.
   * @example
   * ```ts
   * charts.portfolio(allocate({ channels: ['tiktok', 'linkedin'], budget: 10, horizon: '2 years' }));
   * ```
   */
  portfolio,
  /**
   * A sensitivity by swings: a tornado of one-at-a-time swings, the longest on top.
   * @example
   * ```ts
   * charts.tornado(sensitivity({ question: 'equityLost', method: 'swings' }));
   * ```
   */
  tornado,
  /**
   * A sensitivity by Sobol indices: first-order and total per parameter, with intervals.
   * @example
   * ```ts
   * charts.sensitivity(sensitivity({ question: 'equityLost', seed: 1 }));
   * ```
   */
  sensitivity: sensitivityChart,
});
