/**
 * Channels: the platforms an agency could build on, as named, adjustable
 * presets, and the split of one weekly effort budget across them that
 * maximises expected interest — or a cautious measure of it (the expected shortfall of the worst outcomes), since a
 * new channel may never take off ("they are not ready for the high failure
 * rates").
 *
 * Every number in a preset is an assumption, stated so it can be argued with
 * and changed; none is a measurement.
 *
 * @module
 */
import { DAYS_PER_MONTH, toDays, type Duration } from '../core/duration.js';
import { figure, percent, presentable, type Presentation } from '../core/present.js';
import { isoDateDay } from '../core/dates.js';
import { ParameterError } from '../core/errors.js';
import { resolveParameters, type ParameterInput } from '../model/parameters.js';
import { simulate, type Simulation } from '../model/simulate.js';
import { steadyPlan } from './planning.js';
import { compensatedSum } from '../numerics/summation.js';
import { finiteNumber, inRange, knownKeys, nonNegative, plainObject, positive } from '../core/validate.js';
import { LIMITS, checkSteps } from '../core/limits.js';

/** A platform to build on, with the assumptions that describe it. */
export interface Channel {
  /** A short name, unique within a portfolio. */
  readonly name: string;
  /** When the platform launched (ISO date), for the early-participation bonus. */
  readonly launched: string | Date;
  /** Model parameters for this channel, changed from {@link DEFAULT_PARAMETERS}. */
  readonly parameters: ParameterInput;
  /** Probability that the channel never takes off for us, in [0, 1]. */
  readonly failureProbability: number;
  /** Platform events or challenges a month that the account joins alongside its posts. */
  readonly eventsPerMonth: number;
  /** Hours of work one post takes, when the budget is in hours. */
  readonly hoursPerPost: number;
  /** Why these numbers: the assumptions in words. */
  readonly notes: string;
}

const CHANNEL_FIELDS = ['name', 'launched', 'parameters', 'failureProbability', 'eventsPerMonth', 'hoursPerPost', 'notes'];

/** The names of the channel presets. */
export type ChannelPresetName =
  | 'tiktok'
  | 'xiaohongshu'
  | 'likee'
  | 'youtube-shorts'
  | 'instagram-reels'
  | 'podcasts'
  | 'linkedin';

/**
 * Channel presets for a Singapore agency in mid-2022, the seed's situation.
 * Launch dates are the platforms' public ones; everything else is an
 * assumption to adjust with {@link channel}:
 *
 * | preset | launched | half-saturation | lag mean | failure | notes |
 * |---|---|---|---|---|---|
 * | `tiktok` | 2017-09-01 | 0.6 posts/day | 12 months | 0.05 | the seed's calibrated account |
 * | `xiaohongshu` | 2013-06-01 | 0.5 | 12 months | 0.35 | a market new to the agency |
 * | `likee` | 2017-07-01 | 0.6 | 10 months | 0.6 | small audience, uncertain future |
 * | `youtube-shorts` | 2021-07-13 | 0.6 | 12 months | 0.25 | young: a large early bonus |
 * | `instagram-reels` | 2020-08-05 | 0.6 | 12 months | 0.2 | crowded, but clients are there |
 * | `podcasts` | 2004-08-13 | 0.15 (about one a week) | 18 months | 0.4 | slow to build, 4 hours an episode |
 * | `linkedin` | 2003-05-05 | 0.3 | 9 months | 0.15 | B2B leads, each worth more |
 *
 * @example
 * ```ts
 * import { CHANNEL_PRESETS } from 'relationship-equity';
 * CHANNEL_PRESETS['youtube-shorts'].failureProbability; // 0.25
 * ```
 */
export const CHANNEL_PRESETS: Readonly<Record<ChannelPresetName, Channel>> = Object.freeze({
  tiktok: preset('tiktok', '2017-09-01', {}, 0.05, 1, 1, 'The seed’s own account: the calibrated defaults, monthly events.'),
  xiaohongshu: preset(
    'xiaohongshu',
    '2013-06-01',
    { response: { kind: 'hill', halfSaturation: 0.5, shape: 1.5 } },
    0.35,
    0.5,
    1.5,
    'Mandarin-language lifestyle platform; a market the agency has not served, so a high chance it never takes off.',
  ),
  likee: preset(
    'likee',
    '2017-07-01',
    { lag: { kind: 'erlang', mean: '10 months', stages: 4 }, neglectDecay: 0.002 },
    0.6,
    1,
    1,
    'Short video with a small, shifting audience: quick to forget an absent account, likely to fail.',
  ),
  'youtube-shorts': preset(
    'youtube-shorts',
    '2021-07-13',
    {},
    0.25,
    0,
    1.2,
    'Launched worldwide in July 2021: effort now still earns a large early bonus; no platform events assumed.',
  ),
  'instagram-reels': preset(
    'instagram-reels',
    '2020-08-05',
    { earlyBonus: 0.5 },
    0.2,
    0,
    1,
    'Crowded by 2022 (a smaller early bonus), but many clients already use Instagram.',
  ),
  podcasts: preset(
    'podcasts',
    '2004-08-13',
    { response: { kind: 'hill', halfSaturation: 0.15, shape: 1.6 }, lag: { kind: 'erlang', mean: '18 months', stages: 4 }, earlyBonus: 0 },
    0.4,
    0,
    4,
    'About one episode a week saturates; listeners turn into clients slowly; a mature medium with no early bonus.',
  ),
  linkedin: preset(
    'linkedin',
    '2003-05-05',
    { response: { kind: 'hill', halfSaturation: 0.3, shape: 1.4 }, lag: { kind: 'erlang', mean: '9 months', stages: 3 }, earlyBonus: 0, interestPerReach: 1.5 },
    0.15,
    0,
    1,
    'Business decision-makers: fewer posts needed, faster and more valuable leads; a mature network.',
  ),
});

function preset(
  name: string,
  launched: string,
  parameters: ParameterInput,
  failureProbability: number,
  eventsPerMonth: number,
  hoursPerPost: number,
  notes: string,
): Channel {
  return Object.freeze({ name, launched, parameters: Object.freeze(parameters), failureProbability, eventsPerMonth, hoursPerPost, notes });
}

/**
 * A channel: a preset by name, or a whole channel of your own, with changes.
 * Parameters are merged field by field over the preset's.
 *
 * @throws {@link ParameterError} for an unknown preset or field, a failure
 * probability outside [0, 1], or invalid parameters.
 * @example
 * ```ts
 * import { channel } from 'relationship-equity';
 * const shorts = channel('youtube-shorts', { failureProbability: 0.1 });
 * const blog = channel({ name: 'blog', launched: '1999-01-01', parameters: { earlyBonus: 0 }, failureProbability: 0.3,
 *   eventsPerMonth: 0, hoursPerPost: 3, notes: 'our own blog' });
 * ```
 */
export function channel(base: ChannelPresetName | Channel, changes: Partial<Channel> = {}, field = 'channel'): Channel {
  let start: Channel;
  if (typeof base === 'string') {
    if (!Object.hasOwn(CHANNEL_PRESETS, base)) {
      throw new ParameterError(field, base, `one of the presets ${Object.keys(CHANNEL_PRESETS).join(', ')}, or a channel object`);
    }
    start = CHANNEL_PRESETS[base as ChannelPresetName];
  } else {
    start = plainObject(field, base) as unknown as Channel;
  }
  const c = plainObject(`${field}`, changes);
  knownKeys(field, start as object, CHANNEL_FIELDS);
  knownKeys(field, c, CHANNEL_FIELDS);
  const merged = { ...start, ...c, parameters: { ...(start.parameters ?? {}), ...((c.parameters as object | undefined) ?? {}) } };
  if (typeof merged.name !== 'string' || merged.name === '') throw new ParameterError(`${field}.name`, merged.name, 'a non-empty string');
  isoDateDay(`${field}.launched`, merged.launched);
  resolveParameters(merged.parameters as ParameterInput);
  return Object.freeze({
    name: merged.name,
    launched: merged.launched,
    parameters: Object.freeze(merged.parameters as ParameterInput),
    failureProbability: inRange(`${field}.failureProbability`, merged.failureProbability, 0, 1),
    eventsPerMonth: nonNegative(`${field}.eventsPerMonth`, merged.eventsPerMonth),
    hoursPerPost: positive(`${field}.hoursPerPost`, merged.hoursPerPost),
    notes: typeof merged.notes === 'string' ? merged.notes : '',
  });
}

/** Options of {@link simulateChannel}. */
export interface ChannelRunOptions {
  /** How long to look ahead. */
  readonly horizon: Duration;
  /** The day the account starts on the channel (ISO date). @defaultValue `'2022-07-01'`, the seed's "now" */
  readonly startDate?: string | Date;
}

/**
 * Simulate one channel at a steady posting rate, assuming it takes off. The
 * channel's events are joined alongside the posts — each takes one — so the
 * account joins `eventsPerMonth` of them when it posts at least that often,
 * and as many as it posts when it posts less; the k-th falls in the middle of
 * its interval.
 *
 * @example
 * ```ts
 * import { simulateChannel, channel } from 'relationship-equity';
 * const run = simulateChannel(channel('linkedin'), 3, { horizon: '2 years' });
 * run.final.equity;
 * ```
 */
export function simulateChannel(c: Channel, postsPerWeek: number, options: ChannelRunOptions): Simulation {
  const posts = nonNegative('postsPerWeek', postsPerWeek);
  const o = plainObject('options', options);
  knownKeys('options', o, ['horizon', 'startDate']);
  const startDay = isoDateDay('options.startDate', o.startDate ?? '2022-07-01');
  const launched = isoDateDay('channel.launched', c.launched);
  // Joining an event takes a post (an entry to the challenge): never more events than posts, so a sliver of
  // posting buys a sliver of events. They fall mid-interval, as a steady rate's posts do.
  const activity = steadyPlan(posts, Math.min(c.eventsPerMonth, (posts * DAYS_PER_MONTH) / 7));
  return simulate({
    horizon: o.horizon as Duration,
    activity,
    parameters: c.parameters,
    start: Math.max(0, startDay - launched),
  });
}

/** What {@link allocate} maximises. */
export type AllocationObjective =
  | {
      /** Expected interest: each channel's interest if it takes off, times the chance it does. */
      readonly kind: 'expected';
    }
  | {
      /**
       * The expected shortfall (conditional value at risk): the mean interest over the worst `level` share of
       * outcomes of which channels take off — the cautious plan. It is concave in the split, so its optimum
       * moves smoothly with the budget and the increments.
       */
      readonly kind: 'shortfall';
      /** The share of worst outcomes averaged, e.g. 0.1 for "the mean of the worst 1 case in 10". */
      readonly level: number;
    }
  | {
      /**
       * A lower quantile of interest over which channels take off. A quantile of a few thousand discrete
       * outcomes is a step function of the split: plans with the same quantile are told apart by their
       * expected interest, but the chosen split can still jump between channels when the increments change
       * (prefer `'shortfall'`).
       */
      readonly kind: 'quantile';
      /** The level, e.g. 0.1 for "interest we reach in 9 cases out of 10". */
      readonly level: number;
    };

/** Options of {@link allocate}. */
export interface AllocateOptions {
  /** The channels to split effort across (presets by name, or channels). */
  readonly channels: readonly (ChannelPresetName | Channel)[];
  /** The weekly budget: posts per week, or hours per week with `unit: 'hours'`. */
  readonly budget: number;
  /** The budget's unit. @defaultValue 'posts' */
  readonly unit?: 'posts' | 'hours';
  /** When to measure the interest. */
  readonly horizon: Duration;
  /** What to maximise. @defaultValue `{ kind: 'expected' }` */
  readonly objective?: AllocationObjective;
  /** Interest at the horizon (`'atHorizon'`) or summed over the run (`'total'`). @defaultValue 'atHorizon' */
  readonly measure?: 'atHorizon' | 'total';
  /** The budget is split in this many equal increments. @defaultValue 28 */
  readonly increments?: number;
  /** The day the accounts start (ISO date). @defaultValue `'2022-07-01'` */
  readonly startDate?: string | Date;
}

/** One channel's share of an allocation. */
export interface ChannelShare {
  /** The channel. */
  readonly name: string;
  /** Its share of the budget, in the budget's unit per week. */
  readonly budget: number;
  /** The posts per week that buys. */
  readonly postsPerWeek: number;
  /** Its interest if it takes off. */
  readonly interestIfItWorks: number;
  /** The chance it never takes off. */
  readonly failureProbability: number;
}

/** The result of {@link allocate}. */
export interface Allocation {
  /** The chosen split, one row per channel in the order given. */
  readonly shares: readonly ChannelShare[];
  /** The objective's value for the chosen split. */
  readonly value: number;
  /** Expected interest for the chosen split. */
  readonly expected: number;
  /** The objective's value if the whole budget went to one channel, per channel. */
  readonly singleChannel: readonly {
    /** The channel. */
    readonly name: string;
    /** The objective's value with the whole budget on it. */
    readonly value: number;
  }[];
  /** How the optimum was found: exactly (`'exact'`), or by local search on a large grid. */
  readonly method: 'exact' | 'local-search';
  /** The headline numbers: the split in posts a week and the objective's value. */
  summary(): AllocationSummary;
}

/** The headline numbers of an {@link allocate} (see {@link Allocation.summary}). */
export interface AllocationSummary {
  /** Posts a week per channel, in the order given. */
  readonly postsPerWeek: Readonly<Record<string, number>>;
  /** The objective's value for the split (interest, model units). */
  readonly value: number;
  /** Expected interest for the split (model units). */
  readonly expected: number;
  /** How the optimum was found. */
  readonly method: 'exact' | 'local-search';
}

function allocationSummary(a: Omit<Allocation, 'summary'>): AllocationSummary {
  return { postsPerWeek: Object.fromEntries(a.shares.map((s) => [s.name, s.postsPerWeek])), value: a.value, expected: a.expected, method: a.method };
}

const ALLOCATION_PRESENTATION: Presentation<Omit<Allocation, 'summary'>, AllocationSummary> = {
  summary: allocationSummary,
  lines: (a) => [
    `Allocation: ${a.shares.length} channel${a.shares.length === 1 ? '' : 's'} (${a.method === 'exact' ? 'the exact optimum' : 'found by local search'}), value ${figure(a.value)}, expected interest ${figure(a.expected)} (model units)`,
    ...a.shares.slice(0, 12).map((s) => `  ${s.name.padEnd(18)} ${figure(s.postsPerWeek)} posts a week${s.failureProbability > 0 ? `, ${percent(s.failureProbability)} chance it never takes off` : ''}`),
    ...(a.shares.length > 12 ? [`  … and ${a.shares.length - 12} more`] : []),
    '  also: shares (budget, interest if it works), singleChannel; .summary()',
  ],
};

/** Interest for each channel at each number of increments (0..K), assuming it takes off. */
function valueTable(channels: readonly Channel[], unitsPerIncrement: number, unit: 'posts' | 'hours', K: number, horizon: Duration, measure: string, startDate: string): number[][] {
  return channels.map((c) => {
    const values: number[] = [];
    for (let k = 0; k <= K; k++) {
      const posts = unit === 'hours' ? (k * unitsPerIncrement) / c.hoursPerPost : k * unitsPerIncrement;
      if (k === 0) {
        values.push(0);
        continue;
      }
      const run = simulateChannel(c, posts, { horizon, startDate });
      values.push(measure === 'total' ? compensatedSum(run.interest, run.step) : run.interest[run.interest.length - 1]!);
    }
    return values;
  });
}

/** Every outcome of Σ B_c v_c with independent B_c ~ Bernoulli(1 − p_c) — 2^C of them at most — sorted by total. */
function outcomes(values: readonly number[], failures: readonly number[]): { total: number; probability: number }[] {
  let all: { total: number; probability: number }[] = [{ total: 0, probability: 1 }];
  values.forEach((v, c) => {
    const p = failures[c]!;
    const next: { total: number; probability: number }[] = [];
    for (const o of all) {
      if (p > 0) next.push({ total: o.total, probability: o.probability * p });
      if (p < 1) next.push({ total: o.total + v, probability: o.probability * (1 - p) });
    }
    all = next;
  });
  return all.sort((a, b) => a.total - b.total);
}

/** The lower `level` quantile of the total over which channels take off. */
function lowerQuantile(values: readonly number[], failures: readonly number[], level: number): number {
  const sorted = outcomes(values, failures);
  let cumulative = 0;
  for (const o of sorted) {
    cumulative += o.probability;
    if (cumulative >= level - 1e-12) return o.total;
  }
  return sorted[sorted.length - 1]!.total;
}

/** The expected shortfall at `level`: the mean total over the worst `level` share of outcomes (the last one counted in part). */
function expectedShortfall(values: readonly number[], failures: readonly number[], level: number): number {
  let left = level;
  let sum = 0;
  for (const o of outcomes(values, failures)) {
    const take = Math.min(left, o.probability);
    sum += take * o.total;
    left -= take;
    if (left <= 0) break;
  }
  return sum / level;
}

/** A split's score: its objective's value, ties (within a relative 1e-12) broken by its expected interest. */
type Score = readonly [value: number, expected: number];
function better(a: Score, b: Score): boolean {
  if (!Number.isFinite(b[0])) return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const tie = 1e-12 * Math.max(1, Math.abs(b[0]));
  return a[0] > b[0] + tie || (Math.abs(a[0] - b[0]) <= tie && a[1] > b[1] + 1e-12 * Math.max(1, Math.abs(b[1])));
}

/**
 * Split one weekly effort budget across channels to maximise expected interest
 * at the horizon, or a cautious measure of it taken over which channels take
 * off, exactly, over all their combinations: the expected shortfall (the mean
 * of the worst `level` share of outcomes, concave in the split, so its optimum
 * moves smoothly with the grid) or a lower quantile (a step function of the
 * split; ties broken by expected interest). A cautious plan spreads the budget
 * so that no one failure costs much.
 *
 * The budget is split in `increments` equal parts. For the expected objective
 * the optimum over that grid is exact (dynamic programming over channels);
 * for the cautious objectives it is exact by enumeration when the grid is small, and a
 * local search (moving one increment at a time, from several starts) otherwise.
 *
 * @throws {@link ParameterError} for a negative budget, an unknown channel or
 * channel field, a level outside (0, 1), or fewer than one channel.
 * @example
 * ```ts
 * import { allocate } from 'relationship-equity';
 * const plan = allocate({ channels: ['tiktok', 'youtube-shorts', 'linkedin'], budget: 10, horizon: '2 years' });
 * plan.shares.map((s) => `${s.name}: ${s.postsPerWeek.toFixed(1)}/week`);
 * ```
 */
export function allocate(options: AllocateOptions): Allocation {
  const o = plainObject('options', options);
  knownKeys('options', o, ['channels', 'budget', 'unit', 'horizon', 'objective', 'measure', 'increments', 'startDate']);
  if (!Array.isArray(o.channels) || o.channels.length === 0) throw new ParameterError('channels', o.channels, 'a non-empty array of channels');
  const channels = o.channels.map((c: ChannelPresetName | Channel, i: number) => channel(c, {}, `channels[${i}]`));
  const names = new Set<string>();
  channels.forEach((c: Channel, i: number) => {
    if (names.has(c.name)) throw new ParameterError(`channels[${i}].name`, c.name, 'a name not used by another channel');
    names.add(c.name);
  });
  const budget = nonNegative('budget', o.budget);
  const unit = o.unit ?? 'posts';
  if (unit !== 'posts' && unit !== 'hours') throw new ParameterError('unit', unit, "'posts' or 'hours'");
  const measure = o.measure ?? 'atHorizon';
  if (measure !== 'atHorizon' && measure !== 'total') throw new ParameterError('measure', measure, "'atHorizon' or 'total'");
  const objective = resolveObjective(o.objective);
  const K = o.increments === undefined ? 28 : finiteNumber('increments', o.increments);
  if (!(Number.isInteger(K) && K >= 1 && K <= 1000)) throw new ParameterError('increments', o.increments, 'a whole number from 1 to 1000');
  const horizonDays = toDays(o.horizon as Duration, 'horizon');
  if (objective.kind !== 'expected' && channels.length > LIMITS.cautiousChannels) {
    throw new ParameterError('channels', `${channels.length} channels`, `at most ${LIMITS.cautiousChannels} channels for a cautious objective (it weighs all 2^C combinations of which channels take off); 'expected' takes any number`);
  }
  checkSteps('increments', K, channels.length * K * (Math.ceil(horizonDays) + 1), `${channels.length} channels × ${K} increments over the horizon`);
  const startDate = (o.startDate as string | undefined) ?? '2022-07-01';
  const perIncrement = budget / K;
  const table = valueTable(channels, perIncrement, unit, K, o.horizon as Duration, measure, startDate);
  const failures = channels.map((c: Channel) => c.failureProbability);
  const C = channels.length;

  const expectedOf = (split: readonly number[]): number => split.reduce((s, k, c) => s + (1 - failures[c]!) * table[c]![k]!, 0);
  const valueOf = (split: readonly number[]): number => {
    if (objective.kind === 'expected') return expectedOf(split);
    const values = split.map((k, c) => table[c]![k]!);
    return objective.kind === 'quantile' ? lowerQuantile(values, failures, objective.level) : expectedShortfall(values, failures, objective.level);
  };
  const scoreOf = (split: readonly number[]): Score => [valueOf(split), expectedOf(split)];

  let best: number[];
  let method: Allocation['method'] = 'exact';
  if (objective.kind === 'expected') {
    best = bestSeparable(table.map((row, c) => row.map((v) => (1 - failures[c]!) * v)), K);
  } else if (binomial(K + C - 1, C - 1) <= 200_000 && binomial(K + C - 1, C - 1) * 2 ** C <= 8_000_000) {
    best = exhaustive(C, K, scoreOf);
  } else {
    method = 'local-search';
    best = localSearch(C, scoreOf, [bestSeparable(table.map((row, c) => row.map((v) => (1 - failures[c]!) * v)), K), ...Array.from({ length: C }, (_, c) => Array.from({ length: C }, (_, d) => (d === c ? K : 0)))]);
  }

  return presentable({
    shares: channels.map((c: Channel, i: number) => {
      const share = best[i]! * perIncrement;
      return {
        name: c.name,
        budget: share,
        postsPerWeek: unit === 'hours' ? share / c.hoursPerPost : share,
        interestIfItWorks: table[i]![best[i]!]!,
        failureProbability: c.failureProbability,
      };
    }),
    value: valueOf(best),
    expected: expectedOf(best),
    singleChannel: channels.map((c: Channel, i: number) => ({ name: c.name, value: valueOf(Array.from({ length: C }, (_, d) => (d === i ? K : 0))) })),
    method,
  }, ALLOCATION_PRESENTATION);
}

/** The objective, read once. */
function resolveObjective(value: unknown): AllocationObjective {
  const ob = plainObject('objective', value ?? { kind: 'expected' });
  if (ob.kind === 'quantile' || ob.kind === 'shortfall') {
    knownKeys('objective', ob, ['kind', 'level']);
    const level = finiteNumber('objective.level', ob.level);
    if (!(level > 0 && level < 1)) throw new ParameterError('objective.level', ob.level, 'a number between 0 and 1');
    return { kind: ob.kind, level };
  }
  if (ob.kind === 'expected') {
    knownKeys('objective', ob, ['kind']);
    return { kind: 'expected' };
  }
  throw new ParameterError('objective.kind', ob.kind, "'expected', 'shortfall' or 'quantile'");
}

/** Exact maximum of Σ_c values[c][k_c] with Σ k_c = K (dynamic programming). */
function bestSeparable(values: readonly number[][], K: number): number[] {
  const C = values.length;
  const best: number[][] = [values[0]!.slice()];
  const choice: number[][] = [values[0]!.map((_, b) => b)];
  for (let c = 1; c < C; c++) {
    const row: number[] = [];
    const pick: number[] = [];
    for (let b = 0; b <= K; b++) {
      let top = -Infinity;
      let at = 0;
      for (let k = 0; k <= b; k++) {
        const v = best[c - 1]![b - k]! + values[c]![k]!;
        if (v > top) {
          top = v;
          at = k;
        }
      }
      row.push(top);
      pick.push(at);
    }
    best.push(row);
    choice.push(pick);
  }
  const split = new Array<number>(C).fill(0);
  let left = K;
  for (let c = C - 1; c >= 0; c--) {
    const k = c === 0 ? left : choice[c]![left]!;
    split[c] = k;
    left -= k;
  }
  return split;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Every split of K increments over C channels; the best by its score (the first found on ties). */
function exhaustive(C: number, K: number, score: (split: readonly number[]) => Score): number[] {
  let best: number[] = [];
  let top: Score = [-Infinity, -Infinity];
  const split = new Array<number>(C).fill(0);
  const visit = (c: number, left: number): void => {
    if (c === C - 1) {
      split[c] = left;
      const v = score(split);
      if (better(v, top)) {
        top = v;
        best = split.slice();
      }
      return;
    }
    for (let k = left; k >= 0; k--) {
      split[c] = k;
      visit(c + 1, left - k);
    }
  };
  visit(0, K);
  return best;
}

/** Move one increment between two channels while it helps, from each start; the best end point. */
function localSearch(C: number, score: (split: readonly number[]) => Score, starts: number[][]): number[] {
  let best = starts[0]!;
  let top = score(best);
  for (const start of starts) {
    let split = start.slice();
    let current = score(split);
    for (let improved = true; improved; ) {
      improved = false;
      for (let from = 0; from < C && !improved; from++) {
        if (split[from] === 0) continue;
        for (let to = 0; to < C && !improved; to++) {
          if (to === from) continue;
          const next = split.slice();
          next[from]!--;
          next[to]!++;
          const v = score(next);
          if (better(v, current)) {
            split = next;
            current = v;
            improved = true;
          }
        }
      }
    }
    if (better(current, top)) {
      top = current;
      best = split;
    }
  }
  return best;
}
