/**
 * The stepping core shared by {@link simulate}, the Monte Carlo runner and the
 * platform of competing accounts: the model's recurrences on plain numbers and
 * Float64Arrays, advanced over any range of grid points so that long runs can
 * be done in blocks.
 *
 * A step is done in two parts, each written once: what concerns the whole
 * account (schedule, effort response, early bonus, momentum, agenda, quiet
 * days) is worked out for a chunk of points by {@link shareOut}; then
 * {@link advanceLane} runs one run's equity and lag through the chunk. A single
 * run ({@link Engine.run}) does both for its one lane; many runs that differ
 * only in their own decay, scale and lag ({@link EngineGroup}, the Monte
 * Carlo's fast path) share the first part and do the second once per run.
 *
 * @internal
 * @module
 */
import { createKernelRunner, type ErlangCascade, type KernelRunner } from './kernels.js';
import type { ModelParameters } from './parameters.js';
import { responseFunction } from './response.js';
import type { SampledSchedule } from './schedule.js';

/** The mutable state of one account while it is stepped. */
export interface EngineState {
  day: number;
  sinceLaunch: number;
  equity: number;
  momentum: number;
  agenda: number;
  quiet: number;
  readonly lag: KernelRunner;
}

/** The series the engine writes, each optional. */
type Outputs = Readonly<Partial<Record<'days' | 'equity' | 'inflow' | 'reach' | 'agenda' | 'momentum' | 'interest', Float64Array>>>;

/** Where to write the values of each grid point; any series may be left out. */
export type Sink = Outputs & {
  /** Index in the arrays of the first point written. */
  readonly offset: number;
  /** Multiplier on reach per grid point (day-to-day noise); `noise[0]` belongs to the first point run. */
  readonly noise?: Float64Array;
};

/** ∫₀^d g(s) ds for the neglect ramp g, which is 0 until `grace` and then 1 − e^{−(s−grace)/ramp}. */
function neglectIntegral(days: number, grace: number, ramp: number): number {
  const over = days - grace;
  return over > 0 ? over + ramp * Math.expm1(-over / ramp) : 0;
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
  readonly activeKeep: number;
  readonly activeGrowth: number;
  /** This run's own constants, as a lane of {@link advanceLane} reads them. */
  readonly lane: Lane;
  /** Scratch for {@link Engine.run}, made on its first call (engines of Monte Carlo runs never need it). */
  private chunk: Shared | undefined;

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
    // While active the decay is constant: its step factors are worked out once.
    const x = p.activeDecay * h;
    this.activeKeep = Math.exp(-x);
    this.activeGrowth = x > 0 ? -Math.expm1(-x) / p.activeDecay : h;
    this.lane = { keep: this.activeKeep, growth: this.activeGrowth, activeDecay: p.activeDecay, neglectDecay: p.neglectDecay, interestPerReach: p.interestPerReach };
  }

  /** A fresh state, or the one described by a model state. */
  state(from: {
    day: number;
    sinceLaunch: number;
    equity: number;
    momentum: number;
    agenda: number;
    quietDays: number;
    lagState: readonly number[];
  }): EngineState {
    return {
      day: from.day,
      sinceLaunch: from.sinceLaunch,
      equity: from.equity,
      momentum: from.momentum,
      agenda: from.agenda,
      quiet: from.quietDays,
      lag: createKernelRunner(
        this.parameters.lag,
        this.step,
        from.lagState.length === 0 ? undefined : from.lagState,
        'auto',
        'initial.lagState',
      ),
    };
  }

  /**
   * Record grid points `from` … `to − 1` of `plan` into `sink`, advancing the
   * state by one step after each, except after point `last` (the run's end).
   */
  run(state: EngineState, plan: SampledSchedule, from: number, to: number, last: number, sink: Sink): void {
    const lane = this.lane;
    const cascade = laneKind(state) === 'cascade' ? state.lag.cascade : undefined;
    for (let start = from; start < to; start += CHUNK) {
      const end = Math.min(to, start + CHUNK);
      this.chunk ??= sharedBuffers(CHUNK);
      shareOut(this, state, plan, start, end, last, this.chunk);
      state.equity = advanceLane(
        this.chunk,
        end - start,
        last - start,
        this.step,
        lane,
        state.equity,
        cascade === undefined ? state.lag : undefined,
        cascade,
        0,
        cascade?.count ?? 0,
        sink,
        sink.offset + (start - from),
        1,
        sink.noise,
        start - from,
      );
    }
  }
}

/** Points worked out at a time by {@link Engine.run}. */
const CHUNK = 64;

/** What every lane shares at each point of a chunk. */
interface Shared {
  readonly active: Uint8Array;
  readonly posting: Float64Array;
  readonly event: Float64Array;
  /** Growth over the step of the neglect ramp's integral (0 while active). */
  readonly neglect: Float64Array;
  readonly quality: Float64Array;
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
    active: new Uint8Array(length),
    posting: f(),
    event: f(),
    neglect: f(),
    quality: f(),
    before: f(),
    after: f(),
    inflow: f(),
    agenda: f(),
    momentum: f(),
    days: f(),
  };
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
  const { response, momentumKeep, momentumAverage, agendaKeep, bonusAverage } = engine;
  const { effort, events, quality } = plan;
  const floor = p.momentumFloor;
  const alpha = p.agendaWeight;
  let { momentum, agenda, quiet, day, sinceLaunch } = state;
  let lastEffort = -1;
  let lastResponse = 0;
  for (let i = from; i < to; i++) {
    const t = i - from;
    const a = effort[i]!;
    const ev = events[i]!;
    const active = a > 0 || ev > 0;
    if (a !== lastEffort) {
      lastEffort = a;
      lastResponse = response(a);
    }
    // Averages over the step of the early bonus and of the momentum multiplier.
    const bonus = 1 + p.earlyBonus * Math.exp(-sinceLaunch / p.earlyBonusTime) * bonusAverage;
    const target = active ? 1 : 0;
    const meanMomentum = target + (momentum - target) * momentumAverage;
    const multiplier = bonus * (floor + (1 - floor) * meanMomentum);
    const postingInflow = multiplier * lastResponse;
    const eventInflow = multiplier * p.eventWeight * ev;
    shared.active[t] = active ? 1 : 0;
    shared.posting[t] = postingInflow;
    shared.event[t] = eventInflow;
    shared.quality[t] = quality[i]!;
    shared.before[t] = 1 + alpha * agenda;
    shared.inflow[t] = postingInflow + eventInflow / h;
    shared.agenda[t] = agenda;
    shared.momentum[t] = momentum;
    shared.days[t] = day;
    if (i === last) break;
    // Neglect only grows while quiet; each lane scales it by its own neglectDecay.
    shared.neglect[t] = active ? 0 : neglectIntegral(quiet + h, p.neglectGrace, p.neglectRamp) - neglectIntegral(quiet, p.neglectGrace, p.neglectRamp);
    momentum = target + (momentum - target) * momentumKeep;
    agenda = agenda * agendaKeep + ev;
    quiet = active ? 0 : quiet + h;
    day += h;
    sinceLaunch += h;
    shared.after[t] = 1 + alpha * agenda;
  }
  state.momentum = momentum;
  state.agenda = agenda;
  state.quiet = quiet;
  state.day = day;
  state.sinceLaunch = sinceLaunch;
}

/** A run's own constants: its decay while active (as step factors) and while neglected, and its scale of interest. */
export interface Lane {
  readonly keep: number;
  readonly growth: number;
  readonly activeDecay: number;
  readonly neglectDecay: number;
  readonly interestPerReach: number;
}

/**
 * Run one lane through the first `length` points of a chunk worked out by
 * {@link shareOut}: record each point at out[o + t · stride], then step, except
 * after point `stop`. The lag is an Erlang cascade of up to 4 stages unrolled
 * on local numbers (its stages at `cascade.stages[at …]`), or any kernel's
 * runner. Returns the lane's equity after the chunk.
 */
function advanceLane(
  shared: Shared,
  length: number,
  stop: number,
  h: number,
  lane: Lane,
  start: number,
  runner: KernelRunner | undefined,
  cascade: ErlangCascade | undefined,
  at: number,
  count: number,
  out: Outputs,
  o: number,
  stride: number,
  noise: Float64Array | undefined,
  so: number,
): number {
  const { active, posting, event, neglect, quality, before, after, inflow, agenda, momentum, days } = shared;
  const { keep, growth, activeDecay: baseDecay, neglectDecay: neglectRate, interestPerReach: perReach } = lane;
  const { days: outDays, equity: outEquity, inflow: outInflow, reach: outReach, agenda: outAgenda, momentum: outMomentum, interest: outInterest } = out;
  let equity = start;
  let z0 = 0, z1 = 0, z2 = 0, z3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0, w0 = 0, w1 = 0, w2 = 0, w3 = 0, outStage = 0;
  if (cascade !== undefined) {
    const { stages, carry, inputWeight } = cascade;
    z0 = stages[at]!; z1 = stages[at + 1]!; z2 = stages[at + 2]!; z3 = stages[at + 3]!;
    c0 = carry[at]!; c1 = carry[at + 1]!; c2 = carry[at + 2]!; c3 = carry[at + 3]!;
    w0 = inputWeight[at]!; w1 = inputWeight[at + 1]!; w2 = inputWeight[at + 2]!; w3 = inputWeight[at + 3]!;
    outStage = count - 1;
  }
  for (let t = 0; t < length; t++) {
    const shock = noise === undefined ? 1 : noise[so + t]!;
    const q = quality[t]!;
    const reach = equity * q * before[t]! * shock;
    const i = o + t * stride;
    if (outDays) outDays[i] = days[t]!;
    if (outEquity) outEquity[i] = equity;
    if (outInflow) outInflow[i] = inflow[t]!;
    if (outReach) outReach[i] = reach;
    if (outAgenda) outAgenda[i] = agenda[t]!;
    if (outMomentum) outMomentum[i] = momentum[t]!;
    if (outInterest) outInterest[i] = perReach * (runner !== undefined ? runner.output() : outStage === 3 ? z3 : outStage === 2 ? z2 : outStage === 1 ? z1 : z0);
    if (t === stop) break;

    // Decay averaged exactly over the step; neglect only adds while quiet.
    const post = posting[t]!;
    if (active[t] === 1 || neglectRate === 0) {
      equity = equity * keep + post * growth + event[t]!;
    } else {
      const decay = baseDecay + (neglectRate * neglect[t]!) / h;
      const x = decay * h;
      // Exact solution of E' = u − δE with u, δ constant over the step (with nothing posted the grown part is ±0: no expm1).
      const grown = x > 0 && post !== 0 ? (post * -Math.expm1(-x)) / decay : post * h;
      equity = equity * Math.exp(-x) + grown + event[t]!;
    }
    const input = 0.5 * (reach + equity * q * after[t]! * shock);
    if (runner !== undefined) {
      runner.push(input);
    } else {
      // One exact step of the cascade, the last stage first (as kernels.ts's cascade does it).
      const next3 = w3 * input + c0 * z3 + c1 * z2 + c2 * z1 + c3 * z0;
      const next2 = w2 * input + c0 * z2 + c1 * z1 + c2 * z0;
      const next1 = w1 * input + c0 * z1 + c1 * z0;
      z0 = w0 * input + c0 * z0;
      z1 = next1;
      z2 = next2;
      z3 = next3;
    }
  }
  if (cascade !== undefined) {
    const stages = cascade.stages;
    stages[at] = z0; stages[at + 1] = z1; stages[at + 2] = z2; stages[at + 3] = z3;
  }
  return equity;
}

/** The parameters that act on a whole account day by day, as a key: runs with equal keys can be stepped as one group. */
export function dayKey(engine: Engine): string {
  const p = engine.parameters;
  return JSON.stringify([
    engine.step,
    p.response,
    p.earlyBonus,
    p.earlyBonusTime,
    p.momentumMemory,
    p.momentumFloor,
    p.agendaMemory,
    p.agendaWeight,
    p.eventWeight,
    p.neglectGrace,
    p.neglectRamp,
  ]);
}

/** Where a group writes: values[series][offset of the lane + t · stride] for the t-th point of a block. */
export interface GroupSink {
  readonly values: Outputs;
  readonly stride: number;
  /** Multiplier on reach per lane and point: noise[noise offset of the lane + t]. */
  readonly noise?: Float64Array;
}

/** How a run's lag is stepped in a group: 'cascade' (Erlang of up to 4 stages, unrolled) or 'runner'. Runs sharing a group share this. */
export function laneKind(state: EngineState): 'cascade' | 'runner' {
  const c = state.lag.cascade;
  return c !== undefined && c.count <= 4 ? 'cascade' : 'runner';
}

/** Parameters that act on each run's own equity and lag only: runs differing in these alone can share a group. */
export const LANE_PARAMETERS: readonly string[] = Object.freeze(['activeDecay', 'neglectDecay', 'interestPerReach', 'invitationThreshold', 'lag']);

/**
 * Many runs of the model ("lanes") stepped side by side: runs whose parameters
 * differ only in those acting on each run's own equity and lag (activeDecay,
 * neglectDecay, interestPerReach, the lag kernel) and that start from the same
 * state of the account. What every lane shares — the schedule, the effort
 * response, the early bonus, momentum, the agenda, the quiet days — is worked
 * out once per point; each lane then runs through the block on local numbers,
 * with the same {@link advanceLane} as a single run, so its values are
 * bit-identical to {@link Engine.run}'s for that run.
 *
 * Lanes are added one at a time and kept as plain numbers, so the objects a
 * run was made from can go as soon as it is added.
 */
export class EngineGroup {
  private readonly head: Engine;
  private readonly account: AccountState;
  private readonly shared: Shared;
  private readonly lanes: Lane[] = [];
  private readonly equity: number[] = [];
  private readonly offsets: number[] = [];
  private readonly noiseOffsets: number[] = [];
  /** Erlang lags of up to 4 stages: every lane's stages and coefficients, 4 per lane (plain arrays while lanes are added). */
  private readonly parts = { stages: [] as number[], carry: [] as number[], inputWeight: [] as number[], counts: [] as number[] };
  private cascade: ErlangCascade | undefined;
  private counts: Int32Array | undefined;
  /** Any other lag: one runner per lane. */
  private readonly runners: KernelRunner[] = [];
  /** How every lane of this group steps its lag, set by the first lane. */
  private kind: 'cascade' | 'runner' | undefined;
  private sealed: { equity: Float64Array; offsets: Int32Array; noiseOffsets: Int32Array } | undefined;

  /** A group for runs with `head`'s account-wide parameters, starting from `account`'s state of the account, run `block` points at a time. */
  constructor(head: Engine, account: EngineState, block: number) {
    this.head = head;
    const { day, sinceLaunch, momentum, agenda, quiet } = account;
    this.account = { day, sinceLaunch, momentum, agenda, quiet };
    this.shared = sharedBuffers(block);
  }

  /** The number of lanes. */
  get size(): number {
    return this.lanes.length;
  }

  /**
   * Add a lane: a run with its engine (sharing this group's {@link dayKey}) and
   * state (sharing its account state), written at `offset` and reading its
   * noise from `noiseOffset`.
   */
  add(engine: Engine, state: EngineState, offset: number, noiseOffset: number): void {
    if (this.sealed !== undefined) throw new Error('EngineGroup.add after run');
    // A group's lanes all take the same path for their lag (see laneKind): the unrolled cascade or a runner.
    const kind = laneKind(state);
    if ((this.kind ??= kind) !== kind) throw new Error('EngineGroup: lanes with different kinds of lag');
    this.lanes.push(engine.lane);
    this.equity.push(state.equity);
    this.offsets.push(offset);
    this.noiseOffsets.push(noiseOffset);
    if (kind === 'cascade') {
      const c = state.lag.cascade!;
      const parts = this.parts;
      for (let j = 0; j < 4; j++) {
        parts.stages.push(c.stages[j]!);
        parts.carry.push(c.carry[j]!);
        parts.inputWeight.push(c.inputWeight[j]!);
      }
      parts.counts.push(c.count);
    } else {
      this.runners.push(state.lag);
    }
  }

  private seal(): NonNullable<EngineGroup['sealed']> {
    const parts = this.parts;
    if (this.kind === 'cascade') {
      this.cascade = { stages: Float64Array.from(parts.stages), carry: Float64Array.from(parts.carry), inputWeight: Float64Array.from(parts.inputWeight), count: 4 };
      this.counts = Int32Array.from(parts.counts);
    }
    this.sealed = { equity: Float64Array.from(this.equity), offsets: Int32Array.from(this.offsets), noiseOffsets: Int32Array.from(this.noiseOffsets) };
    return this.sealed;
  }

  /** Like {@link Engine.run} for every lane: record points `from` … `to − 1` (at most one block), stepping after each but `last`. */
  run(plan: SampledSchedule, from: number, to: number, last: number, sink: GroupSink): void {
    const { equity, offsets, noiseOffsets } = this.sealed ?? this.seal();
    shareOut(this.head, this.account, plan, from, to, last, this.shared);
    const { values, stride, noise } = sink;
    const { cascade, counts, runners, lanes } = this;
    for (let l = 0; l < lanes.length; l++) {
      equity[l] = advanceLane(
        this.shared,
        to - from,
        last - from,
        this.head.step,
        lanes[l]!,
        equity[l]!,
        cascade === undefined ? runners[l] : undefined,
        cascade,
        4 * l,
        counts === undefined ? 0 : counts[l]!,
        values,
        offsets[l]!,
        stride,
        noise,
        noiseOffsets[l]!,
      );
    }
  }
}
