/**
 * The stepping core shared by {@link simulate}, the Monte Carlo runner, the
 * platform of competing accounts and the neglect monitor: the model's
 * recurrences on plain numbers and Float64Arrays, advanced over any range of
 * grid points so that long runs can be done in chunks.
 *
 * A step is done in two parts, each written once: what concerns the whole
 * account (schedule, effort response, early bonus, momentum, agenda, quiet
 * days) is worked out for a chunk of points by {@link shareOut}; then
 * {@link advanceLane} runs one run's equity through the chunk and steps its
 * lag with `lag.ts`: an Erlang cascade of up to four stages in the same loop,
 * any other lag over the chunk's inputs afterwards. A single run
 * ({@link Engine.run}) does both for its one lane; many runs that differ only
 * in the parameters each run keeps to itself ({@link PARAMETER_SCOPE})
 * share the first part and do the second once per run ({@link EngineGroup},
 * the Monte Carlo's fast path).
 *
 * @internal
 * @module
 */
import { modelLagRunner, nextStage0, nextStage1, nextStage2, nextStage3, stepAverage, type ErlangCascade, type KernelRunner } from './lag.js';
import type { ModelParameters } from './parameters.js';
import { responseFunction } from './response.js';
import type { SampledSchedule } from './sampling.js';

/**
 * What each parameter acts on, for every field of {@link ModelParameters} (the
 * type makes a missing field a compile error, and a test checks the list
 * against the defaults):
 * - `'account'`: the whole account, day by day — how effort becomes inflow, the
 *   early bonus, momentum, the agenda, when neglect sets in. Runs that differ
 *   in one of these cannot share a day's work.
 * - `'run'`: each run's own equity, lag and outputs — decay rates, the lag, the
 *   scale of interest, the invitation threshold (read from the agenda afterwards).
 */
export const PARAMETER_SCOPE: { readonly [K in keyof ModelParameters]: 'account' | 'run' } = Object.freeze({
  response: 'account',
  eventWeight: 'account',
  earlyBonus: 'account',
  earlyBonusTime: 'account',
  momentumMemory: 'account',
  momentumFloor: 'account',
  activeDecay: 'run',
  neglectDecay: 'run',
  neglectGrace: 'account',
  neglectRamp: 'account',
  agendaMemory: 'account',
  agendaWeight: 'account',
  invitationThreshold: 'run',
  lag: 'run',
  interestPerReach: 'run',
});

/** The parameters that act on each run's own equity and lag only: runs differing in these alone can share a group. */
export const LANE_PARAMETERS: readonly string[] = Object.freeze(
  (Object.keys(PARAMETER_SCOPE) as (keyof ModelParameters)[]).filter((name) => PARAMETER_SCOPE[name] === 'run'),
);
const ACCOUNT_PARAMETERS = (Object.keys(PARAMETER_SCOPE) as (keyof ModelParameters)[]).filter((name) => PARAMETER_SCOPE[name] === 'account');

/** The mutable state of one account while it is stepped. */
export interface EngineState {
  day: number;
  sinceLaunch: number;
  equity: number;
  momentum: number;
  agenda: number;
  quiet: number;
  /** The reach → interest lag, or `null` when its owner steps interest itself (the platform). */
  readonly lag: KernelRunner | null;
}

/** The series the engine writes, each optional. */
type Outputs = Readonly<Partial<Record<'days' | 'equity' | 'inflow' | 'reach' | 'agenda' | 'momentum' | 'interest', Float64Array>>>;

/** Where {@link Engine.run} writes the values of each grid point; any series may be left out. */
export type Sink = Outputs & {
  /** Index in the arrays of the first point written. */
  readonly offset: number;
  /** Multiplier on reach per grid point (day-to-day noise); `noise[0]` belongs to the first point run. */
  readonly noise?: Float64Array;
};

/** Which grid points a call records, and where the run ends. */
export interface StepRange {
  /** The first grid point recorded. */
  readonly from: number;
  /** One past the last grid point recorded. */
  readonly to: number;
  /** The run's last grid point: no step is taken after it. Omit to step after every point recorded (a monitor fed one day at a time). */
  readonly end?: number;
}

/** A run's own constants: its decay while active (as step factors) and while neglected, and its scale of interest. */
export interface LaneConstants {
  /** e^{−δ_active·h}: what is left of equity after a step while active. */
  readonly keep: number;
  /** (1 − e^{−δ_active·h}) / δ_active: what a unit of inflow per day adds over a step while active. */
  readonly growth: number;
  readonly activeDecay: number;
  readonly neglectDecay: number;
  readonly interestPerReach: number;
}

/** One run's own part of the model while it is stepped: its constants, its equity and its lag. */
export interface Lane {
  readonly constants: LaneConstants;
  equity: number;
  readonly lag: KernelRunner | null;
  /** An Erlang lag of up to four stages, stepped beside the equity: the runner's own cascade, or a group's packed copy of it. */
  cascade: ErlangCascade | undefined;
}

/** A lag's cascade if the engine's loop steps it itself: an Erlang recursion of up to four stages. */
function inlineCascade(lag: KernelRunner | null): ErlangCascade | undefined {
  const cascade = lag?.cascade;
  return cascade !== undefined && cascade.count <= 4 ? cascade : undefined;
}

/** Where a lane's values go: values[series][offset + t · stride] for the t-th point of a chunk, its noise at noise[noiseOffset + t · noiseStride]. */
interface Placement {
  readonly offset: number;
  readonly stride: number;
  readonly noiseOffset: number;
  readonly noiseStride: number;
}

/** A chunk of points worked out by {@link shareOut}, ready for every lane: `length` points, no step after point `stop`. */
interface Chunk {
  readonly shared: Shared;
  readonly scratch: LagScratch;
  readonly step: number;
  length: number;
  stop: number;
}

/** ∫₀^d g(s) ds for the neglect ramp g, which is 0 until `grace` and then 1 − e^{−(s−grace)/ramp}. */
function neglectIntegral(days: number, grace: number, ramp: number): number {
  const over = days - grace;
  return over > 0 ? over + ramp * Math.expm1(-over / ramp) : 0;
}

/** Steps between the anchors of {@link ExponentialTable}: one `exp` per this many steps. */
const ANCHOR_STEPS = 32;

/**
 * e^{−s/τ} for times s on a grid of step h, with one `exp` per
 * {@link ANCHOR_STEPS} steps instead of one per step: s is split into an
 * anchor a = 32h·⌊s/32h⌋ and k = (s − a)/h whole steps, and
 * e^{−s/τ} = e^{−a/τ} · e^{−kh/τ}, both factors kept (the anchor's while s
 * stays in its stretch, the 32 powers made on first use). A time that is not
 * a whole number of steps past its anchor (a step that does not add up
 * exactly, as 1/24 of a day does not) gets `Math.exp` itself. A run asks
 * for s one step after the last, so the table first tries the last anchor's
 * next power (one multiplication and one comparison) before the lookup.
 *
 * The value is a function of s alone, never carried from step to step, so a
 * run split on any day goes on with the same numbers as the whole run, bit
 * for bit, and so does every lane of a group. It agrees with `Math.exp` but
 * for the roundings: a few units in the last place, and up to (s/τ)·ε/2 more
 * (ε = 2⁻⁵²) from the rounding of the exponent, which `Math.exp(−s/τ)` rounds
 * once and the table as two parts (the test allows (3 + s/τ)·ε).
 *
 * @example
 * ```ts
 * const bonusLeft = new ExponentialTable(1, 60); // daily steps, τ = 60 days
 * bonusLeft.at(100); // e^{−100/60} ≈ 0.1889, as e^{−96/60} · e^{−4/60}
 * ```
 */
export class ExponentialTable {
  private readonly span: number;
  private readonly perSpan: number;
  private readonly perStep: number;
  private readonly powers = new Float64Array(ANCHOR_STEPS).fill(NaN);
  private anchor = NaN;
  private anchorValue = NaN;
  /** The power of the last value given (k of its s), or {@link ANCHOR_STEPS} when it was not from the table. */
  private lastPower = ANCHOR_STEPS;

  /** A table for times on a grid of `step` days and the time scale τ = `scale` days. */
  constructor(
    private readonly step: number,
    private readonly scale: number,
  ) {
    this.span = ANCHOR_STEPS * step;
    this.perSpan = 1 / this.span;
    this.perStep = 1 / step;
  }

  /** The last table made: runs one after another with the same step and time scale share it (what it holds depends on nothing else). */
  private static last: ExponentialTable | undefined;

  /** A table for `step` and `scale`: the last one made if it is for these, else a new one. */
  static for(step: number, scale: number): ExponentialTable {
    const last = ExponentialTable.last;
    if (last !== undefined && last.step === step && last.scale === scale) return last;
    return (ExponentialTable.last = new ExponentialTable(step, scale));
  }

  /** e^{−s/τ}. */
  at(s: number): number {
    const h = this.step;
    // A run asks for one step after the last: s is then the same anchor's next power, which the lookup below would find too.
    let k = this.lastPower + 1;
    if (!(k < ANCHOR_STEPS && this.anchor + k * h === s)) {
      // Multiplications, not divisions: a rounding that puts s in the next stretch only sends it to the check below.
      const anchor = this.span * Math.floor(s * this.perSpan);
      k = Math.round((s - anchor) * this.perStep);
      if (!(k >= 0 && k < ANCHOR_STEPS && anchor + k * h === s)) {
        this.lastPower = ANCHOR_STEPS;
        return Math.exp(-s / this.scale);
      }
      if (anchor !== this.anchor) {
        this.anchor = anchor;
        this.anchorValue = Math.exp(-anchor / this.scale);
      }
    }
    this.lastPower = k;
    let power = this.powers[k]!;
    if (power !== power) power = this.powers[k] = Math.exp(-(k * h) / this.scale);
    return this.anchorValue * power;
  }
}

/** The model with its per-step constants worked out once. */
export class Engine {
  readonly parameters: ModelParameters;
  readonly step: number;
  readonly response: (x: number) => number;
  readonly momentumKeep: number;
  readonly momentumAverage: number;
  readonly agendaKeep: number;
  readonly bonusAverage: number;
  /** e^{−sinceLaunch/τ_bonus}: how much of the early bonus is left. */
  readonly bonusLeft: ExponentialTable;
  /** This run's own constants, as {@link advanceLane} reads them. */
  readonly lane: LaneConstants;

  constructor(parameters: ModelParameters, step: number) {
    const p = parameters;
    const h = step;
    this.parameters = p;
    this.step = h;
    this.response = responseFunction(p.response, 'parameters.response');
    this.momentumKeep = Math.exp(-h / p.momentumMemory);
    // Average over a step of a quantity relaxing as e^{−t/τ}: (1 − e^{−h/τ}) / (h/τ).
    this.momentumAverage = -Math.expm1(-h / p.momentumMemory) / (h / p.momentumMemory);
    this.agendaKeep = Math.exp(-h / p.agendaMemory);
    this.bonusAverage = -Math.expm1(-h / p.earlyBonusTime) / (h / p.earlyBonusTime);
    this.bonusLeft = ExponentialTable.for(h, p.earlyBonusTime);
    // While active the decay is constant: its step factors are worked out once.
    const x = p.activeDecay * h;
    this.lane = {
      keep: Math.exp(-x),
      growth: x > 0 ? -Math.expm1(-x) / p.activeDecay : h,
      activeDecay: p.activeDecay,
      neglectDecay: p.neglectDecay,
      interestPerReach: p.interestPerReach,
    };
  }

  /** A runner of this engine's lag on its grid (the kernel read in days, see `modelLagRunner`), continuing from `carry` (a lag state) if given. */
  lagRunner(carry?: readonly number[]): KernelRunner {
    return modelLagRunner(this.parameters.lag, this.step, carry === undefined || carry.length === 0 ? undefined : carry, 'initial.lagState');
  }

  /** The stepping state described by a model state; with `lag: false`, without a lag (its owner steps interest itself). */
  state(
    from: { day: number; sinceLaunch: number; equity: number; momentum: number; agenda: number; quietDays: number; lagState: readonly number[] },
    options: { readonly lag?: boolean } = {},
  ): EngineState {
    const { day, sinceLaunch, equity, momentum, agenda, quietDays } = from;
    return { day, sinceLaunch, equity, momentum, agenda, quiet: quietDays, lag: options.lag === false ? null : this.lagRunner(from.lagState) };
  }

  /** Record grid points `range.from` … `range.to − 1` of `plan` into `sink`, advancing the state by one step after each but `range.end`. */
  run(state: EngineState, plan: SampledSchedule, range: StepRange, sink: Sink): void {
    const { from, to } = range;
    const end = range.end ?? -1;
    const buffers = (runBuffers ??= { shared: sharedBuffers(CHUNK), scratch: lagScratch(CHUNK) });
    const chunk: Chunk = { shared: buffers.shared, scratch: buffers.scratch, step: this.step, length: 0, stop: 0 };
    const lane: Lane = { constants: this.lane, equity: state.equity, lag: state.lag, cascade: inlineCascade(state.lag) };
    const out = { values: sink, noise: sink.noise };
    for (let start = from; start < to; start += CHUNK) {
      const stop = Math.min(to, start + CHUNK);
      shareOut(this, state, plan, start, stop, end, chunk.shared);
      chunk.length = stop - start;
      chunk.stop = end - start;
      advanceLane(chunk, lane, out, { offset: sink.offset + (start - from), stride: 1, noiseOffset: start - from, noiseStride: 1 });
    }
    state.equity = lane.equity;
  }
}

/** Points worked out at a time by {@link Engine.run}. */
const CHUNK = 64;
/**
 * The chunk buffers of {@link Engine.run}, made on its first call and shared by
 * every engine: a run fills and reads them within one chunk and calls nothing
 * that could start another run meanwhile, so one set serves them all (a
 * simulate no longer allocates fourteen small arrays).
 */
let runBuffers: { readonly shared: Shared; readonly scratch: LagScratch } | undefined;
/** Four zeros: the stages and coefficients of a lane without a cascade. */
const ZERO = new Float64Array(4);

/** What every lane shares at each point of a chunk. */
interface Shared {
  readonly posting: Float64Array;
  readonly event: Float64Array;
  /** Growth over the step of the neglect ramp's integral (0 while active). */
  readonly neglect: Float64Array;
  readonly quality: Float64Array;
  /** The step's events' mean age at its end (0 without events). */
  readonly eventAge: Float64Array;
  /** The part of `after` the step's events added (0 without events). */
  readonly agendaJump: Float64Array;
  /** 1 + agendaWeight · agenda, before and after the step. */
  readonly before: Float64Array;
  readonly after: Float64Array;
  readonly inflow: Float64Array;
  readonly agenda: Float64Array;
  readonly momentum: Float64Array;
  readonly days: Float64Array;
}

function sharedBuffers(length: number): Shared {
  const f = () => new Float64Array(length);
  return {
    posting: f(),
    event: f(),
    neglect: f(),
    quality: f(),
    eventAge: f(),
    agendaJump: f(),
    before: f(),
    after: f(),
    inflow: f(),
    agenda: f(),
    momentum: f(),
    days: f(),
  };
}

/** A chunk's lag inputs and outputs, reused from lane to lane. */
interface LagScratch {
  readonly input: Float64Array;
  readonly output: Float64Array;
}

function lagScratch(length: number): LagScratch {
  return { input: new Float64Array(length), output: new Float64Array(length) };
}

/** The account-wide part of the state, advanced by {@link shareOut}. */
type AccountState = Pick<EngineState, 'day' | 'sinceLaunch' | 'momentum' | 'agenda' | 'quiet'>;

/**
 * Work out what every lane shares at points `from` … `to − 1` of `plan` into
 * `shared`, advancing the account-wide state by a step after each point but
 * `last`.
 */
function shareOut(engine: Engine, state: AccountState, plan: SampledSchedule, from: number, to: number, last: number, shared: Shared): void {
  const p = engine.parameters;
  const h = engine.step;
  const { response, momentumKeep, momentumAverage, agendaKeep, bonusAverage, bonusLeft } = engine;
  const { events, eventAge, quality, activity, firstActive, lastActive } = plan;
  const { start: levelStart, level, share } = plan.levels;
  const floor = p.momentumFloor;
  const alpha = p.agendaWeight;
  const { neglectGrace: grace, neglectRamp: ramp, earlyBonus, earlyBonusTime, eventWeight, momentumMemory, agendaMemory } = p;
  const { posting: outPosting, event: outEvent, quality: outQuality, before: outBefore, after: outAfter, inflow: outInflow } = shared;
  const { agenda: outAgenda, momentum: outMomentum, days: outDays, neglect: outNeglect, eventAge: outEventAge, agendaJump: outJump } = shared;
  let { momentum, agenda, quiet, day, sinceLaunch } = state;
  let lastEffort = -1;
  let lastResponse = 0;
  let knownQuiet = NaN;
  let knownIntegral = 0;
  for (let i = from; i < to; i++) {
    const t = i - from;
    const ev = events[i]!;
    // The response averaged exactly over the effort's levels within the step (usually one).
    const first = levelStart[i]!;
    const pieces = levelStart[i + 1]! - first;
    let meanResponse: number;
    if (pieces === 1) {
      const a = level[first]!;
      if (a !== lastEffort) {
        lastEffort = a;
        lastResponse = response(a);
      }
      meanResponse = lastResponse;
    } else {
      meanResponse = 0;
      for (let j = first; j < first + pieces; j++) meanResponse += share[j]! * response(level[j]!);
    }
    // Momentum follows the share of the step the account is active.
    const target = activity[i]!;
    // Averages over the step of the early bonus and of the momentum multiplier.
    // e^{−sinceLaunch/τ} as a function of sinceLaunch alone (not carried by multiplication): a run split on any day then equals the whole run bit for bit.
    const fading = bonusLeft.at(sinceLaunch);
    const bonus = 1 + earlyBonus * fading * bonusAverage;
    const meanMomentum = target + (momentum - target) * momentumAverage;
    const multiplier = bonus * (floor + (1 - floor) * meanMomentum);
    const postingInflow = multiplier * meanResponse;
    // An event earns with the bonus and the momentum of its moment, not the step's average.
    let eventInflow = 0;
    if (ev > 0) {
      const offset = h - eventAge[i]!;
      const bonusThen = 1 + earlyBonus * Math.exp(-(sinceLaunch + offset) / earlyBonusTime);
      const momentumThen = target + (momentum - target) * Math.exp(-offset / momentumMemory);
      eventInflow = bonusThen * (floor + (1 - floor) * momentumThen) * eventWeight * ev;
    }
    outPosting[t] = postingInflow;
    outEvent[t] = eventInflow;
    outQuality[t] = quality[i]!;
    outBefore[t] = 1 + alpha * agenda;
    outInflow[t] = postingInflow + eventInflow / h;
    outAgenda[t] = agenda;
    outMomentum[t] = momentum;
    outDays[t] = day;
    if (i === last) break;
    // Neglect grows while quiet — before the step's first active moment, and after its last — and
    // each lane scales it by its own neglectDecay; the quiet clock restarts at the end of the last activity.
    if (target > 0) {
      const before = firstActive[i]!;
      const after = h - lastActive[i]!;
      outNeglect[t] = neglectIntegral(quiet + before, grace, ramp) - neglectIntegral(quiet, grace, ramp) + neglectIntegral(after, grace, ramp);
      quiet = after;
    } else {
      // Through a quiet stretch the integral at this step's start is the one worked out at the last step's end.
      const start = quiet === knownQuiet ? knownIntegral : neglectIntegral(quiet, grace, ramp);
      quiet += h;
      knownQuiet = quiet;
      knownIntegral = neglectIntegral(quiet, grace, ramp);
      outNeglect[t] = knownIntegral - start;
    }
    momentum = target + (momentum - target) * momentumKeep;
    // Each event raises the agenda by one at its time; by the step's end that one has forgotten for its age.
    const raised = ev > 0 ? ev * Math.exp(-eventAge[i]! / agendaMemory) : 0;
    agenda = agenda * agendaKeep + raised;
    outEventAge[t] = ev > 0 ? eventAge[i]! : 0;
    outJump[t] = alpha * raised;
    day += h;
    sinceLaunch += h;
    outAfter[t] = 1 + alpha * agenda;
  }
  state.momentum = momentum;
  state.agenda = agenda;
  state.quiet = quiet;
  state.day = day;
  state.sinceLaunch = sinceLaunch;
}

/**
 * Run one lane through the first `length` points of a chunk worked out by
 * {@link shareOut}: record each point, then step, except after point `stop`.
 * Equity moves by the exact solution of E' = u − δE over each step; the lag
 * takes the step's trapezoid average of reach ({@link stepAverage}), all of
 * the chunk's inputs at once after the equity loop (equity never reads the lag).
 */
function advanceLane(chunk: Chunk, lane: Lane, sink: { readonly values: Outputs; readonly noise?: Float64Array | undefined }, at: Placement): void {
  const { shared, scratch, length, stop, step: h } = chunk;
  const { posting, event, eventAge, agendaJump, neglect, quality, before, after } = shared;
  const { keep, growth, activeDecay: baseDecay, neglectDecay: neglectRate } = lane.constants;
  const { values, noise } = sink;
  const { offset: o, stride, noiseOffset: so, noiseStride } = at;
  const { equity: outEquity, reach: outReach } = values;
  const input = scratch.input;
  const outInterest = values.interest;
  const perReach = lane.constants.interestPerReach;
  // An Erlang lag of up to four stages is stepped here, beside the equity, on local numbers; any other lag after the loop.
  const cascade = lane.cascade;
  const { stages: z = ZERO, carry: c = ZERO, inputWeight: w = ZERO } = cascade ?? {};
  const last = cascade === undefined ? -1 : cascade.count - 1;
  let z0 = z[0]!, z1 = z[1]!, z2 = z[2]!, z3 = z[3]!;
  const c0 = c[0]!, c1 = c[1]!, c2 = c[2]!, c3 = c[3]!;
  const w0 = w[0]!, w1 = w[1]!, w2 = w[2]!, w3 = w[3]!;
  let equity = lane.equity;
  let recorded = 0;
  let stepped = 0;
  for (let t = 0; t < length; t++) {
    const shock = noise === undefined ? 1 : noise[so + t * noiseStride]!;
    const q = quality[t]!;
    const reach = equity * q * before[t]! * shock;
    const i = o + t * stride;
    if (outEquity) outEquity[i] = equity;
    if (outReach) outReach[i] = reach;
    if (last >= 0 && outInterest) outInterest[i] = perReach * (last === 3 ? z3 : last === 2 ? z2 : last === 1 ? z1 : z0);
    recorded = t + 1;
    if (t === stop) break;

    // Decay averaged exactly over the step; neglect only adds while quiet.
    const post = posting[t]!;
    const g = neglect[t]!;
    const impulse = event[t]!;
    // An event's equity arrives at its time and decays for the rest of the step.
    let arrived = 0;
    if (g === 0 || neglectRate === 0) {
      if (impulse > 0) arrived = impulse * Math.exp(-baseDecay * eventAge[t]!);
      equity = equity * keep + post * growth + arrived;
    } else {
      const decay = baseDecay + (neglectRate * g) / h;
      const x = decay * h;
      // Exact solution of E' = u − δE with u, δ constant over the step (with nothing posted the grown part is ±0: no expm1).
      const grown = x > 0 && post !== 0 ? (post * -Math.expm1(-x)) / decay : post * h;
      if (impulse > 0) arrived = impulse * Math.exp(-decay * eventAge[t]!);
      equity = equity * Math.exp(-x) + grown + arrived;
    }
    const reachAfter = equity * q * after[t]! * shock;
    let u: number;
    if (arrived === 0 && agendaJump[t] === 0) u = stepAverage(reach, reachAfter);
    else {
      // The step's events make reach jump at their time: the trapezoid of the smooth part, and the jump for the part of the step after it.
      const smooth = (equity - arrived) * q * (after[t]! - agendaJump[t]!) * shock;
      u = stepAverage(reach, smooth) + (eventAge[t]! / h) * (reachAfter - smooth);
    }
    if (last >= 0) {
      const next3 = nextStage3(u, w3, c0, c1, c2, c3, z3, z2, z1, z0);
      const next2 = nextStage2(u, w2, c0, c1, c2, z2, z1, z0);
      const next1 = nextStage1(u, w1, c0, c1, z1, z0);
      z0 = nextStage0(u, w0, c0, z0);
      z1 = next1;
      z2 = next2;
      z3 = next3;
    } else input[t] = u;
    stepped = t + 1;
  }
  lane.equity = equity;
  copyShared(shared, values, recorded, at);
  if (cascade !== undefined) {
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    z[3] = z3;
  } else if (lane.lag !== null) recordInterest(lane, recorded, stepped, outInterest, at, scratch);
}

/** The series every lane shares (days, inflow, agenda, momentum), written for a lane's first `recorded` points of a chunk. */
function copyShared(shared: Shared, values: Outputs, recorded: number, at: Placement): void {
  const { offset: o, stride } = at;
  for (const name of SHARED_SERIES) {
    const out = values[name];
    if (out === undefined) continue;
    const from = shared[name];
    // A single run's series lie end to end: the chunk's values are one block copy.
    if (stride === 1) out.set(recorded === from.length ? from : from.subarray(0, recorded), o);
    else for (let t = 0; t < recorded; t++) out[o + t * stride] = from[t]!;
  }
}
const SHARED_SERIES = ['days', 'inflow', 'agenda', 'momentum'] as const;

/**
 * Step a lane's lag over the chunk's `stepped` inputs and write interest at its
 * `recorded` points: a point's interest is the lag's output before that point's
 * input goes in.
 */
function recordInterest(lane: Lane, recorded: number, stepped: number, out: Float64Array | undefined, at: Placement, scratch: LagScratch): void {
  const { offset: o, stride } = at;
  const lag = lane.lag!;
  const perReach = lane.constants.interestPerReach;
  if (out !== undefined && recorded > 0) out[o] = perReach * lag.output();
  lag.run(scratch.input, scratch.output, stepped);
  if (out === undefined) return;
  const lagged = scratch.output;
  for (let t = 1; t < recorded; t++) out[o + t * stride] = perReach * lagged[t - 1]!;
}

/** The parameters that act on a whole account day by day, as a key: runs with equal keys can be stepped as one group. */
export function dayKey(engine: Engine): string {
  const p = engine.parameters;
  return JSON.stringify([engine.step, ...ACCOUNT_PARAMETERS.map((name) => p[name])]);
}

/** Where a group writes: values[series][offset of the lane + t · stride] for the t-th point of a block. */
export interface GroupSink {
  readonly values: Outputs;
  readonly stride: number;
  /** Multiplier on reach per lane and point: noise[noise offset of the lane + t · noiseStride]. */
  readonly noise?: Float64Array;
  /** The distance in `noise` between a lane's consecutive points. @defaultValue 1 */
  readonly noiseStride?: number;
}

/** Where each of a lane's numbers lies in its record of {@link LaneBlock}. */
const enum Field {
  Equity,
  Z0,
  Z1,
  Z2,
  Z3,
  Keep,
  Growth,
  BaseDecay,
  NeglectRate,
  PerReach,
  C0,
  C1,
  C2,
  C3,
  W0,
  W1,
  W2,
  W3,
  Last,
  Offset,
  NoiseOffset,
}
/** The length of a lane's record: its 21 numbers, padded to 24 (192 bytes, the size of three cache lines; the array's alignment is not ours to choose). */
const RECORD = 24;

/**
 * The lanes of a group whose lag is an Erlang cascade of up to four stages,
 * one record of {@link RECORD} numbers per lane (its state, its constants and
 * where it writes) in one array: a point is stepped for every lane in one pass
 * over consecutive memory, through one array where twenty would each take a
 * register. Lanes are packed as they are added (the array doubling when full),
 * so nothing of the engine or state a lane was made from is kept.
 */
class LaneBlock {
  /** Lanes packed so far. */
  size = 0;
  /** Lane l's numbers at records[l · RECORD + field]. */
  records: Float64Array;

  constructor(capacity: number) {
    this.records = new Float64Array(capacity * RECORD);
  }

  /** Pack a lane with its cascade and where it writes and reads its noise. */
  add(lane: Lane, place: { readonly offset: number; readonly noiseOffset: number }): void {
    if ((this.size + 1) * RECORD > this.records.length) {
      const grown = new Float64Array(2 * this.records.length);
      grown.set(this.records);
      this.records = grown;
    }
    const r = this.records.subarray(this.size * RECORD, ++this.size * RECORD);
    const { stages, carry, inputWeight, count } = lane.cascade!;
    const k = lane.constants;
    r[Field.Equity] = lane.equity;
    for (let j = 0; j < 4; j++) {
      r[Field.Z0 + j] = stages[j] ?? 0;
      r[Field.C0 + j] = j < count ? carry[j]! : 0;
      r[Field.W0 + j] = j < count ? inputWeight[j]! : 0;
    }
    r[Field.Keep] = k.keep;
    r[Field.Growth] = k.growth;
    r[Field.BaseDecay] = k.activeDecay;
    r[Field.NeglectRate] = k.neglectDecay;
    r[Field.PerReach] = k.interestPerReach;
    r[Field.Last] = count - 1;
    r[Field.Offset] = place.offset;
    r[Field.NoiseOffset] = place.noiseOffset;
  }
}

/**
 * {@link advanceLane} for every lane of a block at once: point by point, each
 * point for all lanes, with the same arithmetic in the same order — so each
 * lane's values are bit-identical to its own run's — but reading the shared
 * values once per point and writing each series' values for consecutive lanes
 * side by side.
 */
function advanceLanes(chunk: Chunk, b: LaneBlock, sink: GroupSink): void {
  const { shared, length, stop, step: h } = chunk;
  const { posting, event, eventAge, agendaJump, neglect, quality, before, after } = shared;
  const { values, noise, stride } = sink;
  const noiseStride = sink.noiseStride ?? 1;
  const { equity: outEquity, reach: outReach, interest: outInterest } = values;
  const R = b.records;
  const end = b.size * RECORD;
  for (let t = 0; t < length; t++) {
    const q = quality[t]!;
    const beforeT = before[t]!;
    const afterT = after[t]!;
    const post = posting[t]!;
    const g = neglect[t]!;
    const impulse = event[t]!;
    const age = eventAge[t]!;
    const jump = agendaJump[t]!;
    const stepping = t !== stop;
    for (let r = 0; r < end; r += RECORD) {
      const shock = noise === undefined ? 1 : noise[R[r + Field.NoiseOffset]! + t * noiseStride]!;
      let equity = R[r + Field.Equity]!;
      const reach = equity * q * beforeT * shock;
      const i = R[r + Field.Offset]! + t * stride;
      if (outEquity) outEquity[i] = equity;
      if (outReach) outReach[i] = reach;
      const last = R[r + Field.Last]!;
      const z0 = R[r + Field.Z0]!, z1 = R[r + Field.Z1]!, z2 = R[r + Field.Z2]!, z3 = R[r + Field.Z3]!;
      if (outInterest) outInterest[i] = R[r + Field.PerReach]! * (last === 3 ? z3 : last === 2 ? z2 : last === 1 ? z1 : z0);
      if (!stepping) continue;
      const baseDecay = R[r + Field.BaseDecay]!;
      const neglectRate = R[r + Field.NeglectRate]!;
      let arrived = 0;
      if (g === 0 || neglectRate === 0) {
        if (impulse > 0) arrived = impulse * Math.exp(-baseDecay * age);
        equity = equity * R[r + Field.Keep]! + post * R[r + Field.Growth]! + arrived;
      } else {
        const decay = baseDecay + (neglectRate * g) / h;
        const x = decay * h;
        const grown = x > 0 && post !== 0 ? (post * -Math.expm1(-x)) / decay : post * h;
        if (impulse > 0) arrived = impulse * Math.exp(-decay * age);
        equity = equity * Math.exp(-x) + grown + arrived;
      }
      const reachAfter = equity * q * afterT * shock;
      let u: number;
      if (arrived === 0 && jump === 0) u = stepAverage(reach, reachAfter);
      else {
        const smooth = (equity - arrived) * q * (afterT - jump) * shock;
        u = stepAverage(reach, smooth) + (age / h) * (reachAfter - smooth);
      }
      const c0 = R[r + Field.C0]!, c1 = R[r + Field.C1]!, c2 = R[r + Field.C2]!, c3 = R[r + Field.C3]!;
      const next3 = nextStage3(u, R[r + Field.W3]!, c0, c1, c2, c3, z3, z2, z1, z0);
      const next2 = nextStage2(u, R[r + Field.W2]!, c0, c1, c2, z2, z1, z0);
      const next1 = nextStage1(u, R[r + Field.W1]!, c0, c1, z1, z0);
      R[r + Field.Z0] = nextStage0(u, R[r + Field.W0]!, c0, z0);
      R[r + Field.Z1] = next1;
      R[r + Field.Z2] = next2;
      R[r + Field.Z3] = next3;
      R[r + Field.Equity] = equity;
    }
    if (!stepping) break;
  }
  if (values.days ?? values.inflow ?? values.agenda ?? values.momentum) {
    const recorded = stop >= 0 && stop < length ? stop + 1 : length;
    for (let r = 0; r < end; r += RECORD) copyShared(shared, values, recorded, { offset: R[r + Field.Offset]!, stride, noiseOffset: 0, noiseStride });
  }
}

/**
 * Many runs of the model ("lanes") stepped side by side: runs whose parameters
 * differ only in those each run keeps to itself (`'run'` in
 * {@link PARAMETER_SCOPE}) and that start from the same state of the
 * account. What every lane shares — the schedule, the effort response, the
 * early bonus, momentum, the agenda, the quiet days — is worked out once per
 * point; then the lanes whose lag is an Erlang cascade of up to four stages
 * (the default lag) are stepped together point by point, one record of
 * numbers per lane in one array ({@link advanceLanes}), any other lane alone with the same
 * {@link advanceLane} as a single run. Either way a lane's values are
 * bit-identical to {@link Engine.run}'s for that run.
 *
 * Lanes are added one at a time: a cascade lane is packed into the block's
 * records at once, so its engine, state and lag runner can go as soon as it is
 * added (10,000 runs no longer hold 10,000 engines); any other lane keeps its
 * lag's runner.
 */
export class EngineGroup {
  private readonly head: Engine;
  private readonly account: AccountState;
  private readonly chunk: Chunk;
  /** The lanes with an Erlang cascade of up to four stages, packed as they are added. */
  private readonly block = new LaneBlock(8);
  /** The other lanes, each with where it writes and reads its noise. */
  private readonly alone: { readonly lane: Lane; readonly offset: number; readonly noiseOffset: number }[] = [];
  /** The sink's layout, fixed by the first run, and the other lanes' placements in it. */
  private layout: { readonly stride: number; readonly noiseStride: number; readonly alone: readonly { lane: Lane; at: Placement }[] } | undefined;

  /** A group for runs with `head`'s account-wide parameters, starting from `account`'s state of the account, run `block` points at a time. */
  constructor(head: Engine, account: EngineState, block: number) {
    this.head = head;
    const { day, sinceLaunch, momentum, agenda, quiet } = account;
    this.account = { day, sinceLaunch, momentum, agenda, quiet };
    this.chunk = { shared: sharedBuffers(block), scratch: lagScratch(block), step: head.step, length: 0, stop: 0 };
  }

  /** The number of lanes. */
  get size(): number {
    return this.block.size + this.alone.length;
  }

  /**
   * Add a lane: a run with its engine (sharing this group's {@link dayKey}) and
   * state (sharing its account state), written at `offset` and reading its
   * noise from `noiseOffset`. Lanes are added before the group's first run.
   */
  add(engine: Engine, state: EngineState, offset: number, noiseOffset: number): void {
    if (this.layout !== undefined) throw new Error('EngineGroup: lanes are added before the first run');
    const lane: Lane = { constants: engine.lane, equity: state.equity, lag: state.lag, cascade: inlineCascade(state.lag) };
    if (lane.cascade !== undefined) this.block.add(lane, { offset, noiseOffset });
    else this.alone.push({ lane, offset, noiseOffset });
  }

  /** Like {@link Engine.run} for every lane: record points `from` … `to − 1` (at most one block), stepping after each but `end`. */
  run(plan: SampledSchedule, range: StepRange, sink: GroupSink): void {
    const { from, to } = range;
    const end = range.end ?? -1;
    const chunk = this.chunk;
    shareOut(this.head, this.account, plan, from, to, end, chunk.shared);
    chunk.length = to - from;
    chunk.stop = end - from;
    const { stride } = sink;
    const noiseStride = sink.noiseStride ?? 1;
    let layout = this.layout;
    if (layout === undefined) {
      const alone = this.alone.map(({ lane, offset, noiseOffset }) => ({ lane, at: { offset, noiseOffset, stride, noiseStride } }));
      this.layout = layout = { stride, noiseStride, alone };
    } else if (layout.stride !== stride || layout.noiseStride !== noiseStride) throw new Error('EngineGroup: one sink layout for every block');
    if (this.block.size > 0) advanceLanes(chunk, this.block, sink);
    for (const { lane, at } of layout.alone) advanceLane(chunk, lane, sink, at);
  }
}
