/**
 * The stepping core shared by {@link simulate}, the Monte Carlo runner and the
 * platform of competing accounts: the model's recurrences on plain numbers and
 * Float64Arrays, advanced over any range of grid points so that long runs can
 * be done in blocks.
 *
 * @internal
 * @module
 */
import { createKernelRunner, type KernelRunner } from './kernels.js';
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

/** Where to write the values of each grid point; any series may be left out. */
export interface Sink {
  days?: Float64Array;
  equity?: Float64Array;
  inflow?: Float64Array;
  reach?: Float64Array;
  agenda?: Float64Array;
  momentum?: Float64Array;
  interest?: Float64Array;
  /** Index in the arrays of the first point written. */
  offset: number;
  /** Multiplier on reach per grid point (day-to-day noise); `noise[0]` belongs to the first point run. */
  noise?: Float64Array;
}

/** ∫₀^d g(s) ds for the neglect ramp g, which is 0 until `grace` and then 1 − e^{−(s−grace)/ramp}. */
function neglectIntegral(days: number, grace: number, ramp: number): number {
  const over = days - grace;
  return over > 0 ? over + ramp * Math.expm1(-over / ramp) : 0;
}

/** The model with its per-step constants worked out once. */
export class Engine {
  readonly parameters: ModelParameters;
  readonly step: number;
  private readonly response: (x: number) => number;
  private readonly momentumKeep: number;
  private readonly momentumAverage: number;
  private readonly agendaKeep: number;
  private readonly bonusAverage: number;
  private readonly activeKeep: number;
  private readonly activeGrowth: number;

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
    const p = this.parameters;
    const h = this.step;
    const { response, momentumKeep, momentumAverage, agendaKeep, bonusAverage, activeKeep, activeGrowth } = this;
    const { effort, events, quality } = plan;
    const floor = p.momentumFloor;
    const alpha = p.agendaWeight;
    const lag = state.lag;
    const noise = sink.noise;
    let { equity, momentum, agenda, quiet, day, sinceLaunch } = state;
    let lastEffort = -1;
    let lastResponse = 0;

    for (let i = from; i < to; i++) {
      const a = effort[i]!;
      const ev = events[i]!;
      const q = quality[i]!;
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
      const shock = noise === undefined ? 1 : noise[i - from]!;
      const reach = equity * q * (1 + alpha * agenda) * shock;

      const o = sink.offset + (i - from);
      if (sink.days) sink.days[o] = day;
      if (sink.equity) sink.equity[o] = equity;
      if (sink.inflow) sink.inflow[o] = postingInflow + eventInflow / h;
      if (sink.reach) sink.reach[o] = reach;
      if (sink.agenda) sink.agenda[o] = agenda;
      if (sink.momentum) sink.momentum[o] = momentum;
      if (sink.interest) sink.interest[o] = p.interestPerReach * lag.output();
      if (i === last) break;

      // Decay averaged exactly over the step; neglect only grows while quiet.
      if (active || p.neglectDecay === 0) {
        equity = equity * activeKeep + postingInflow * activeGrowth + eventInflow;
      } else {
        const decay =
          p.activeDecay +
          (p.neglectDecay *
            (neglectIntegral(quiet + h, p.neglectGrace, p.neglectRamp) - neglectIntegral(quiet, p.neglectGrace, p.neglectRamp))) /
            h;
        const x = decay * h;
        // Exact solution of E' = u − δE with u, δ constant over the step.
        const grown = x > 0 ? (postingInflow * -Math.expm1(-x)) / decay : postingInflow * h;
        equity = equity * Math.exp(-x) + grown + eventInflow;
      }

      momentum = target + (momentum - target) * momentumKeep;
      agenda = agenda * agendaKeep + ev;
      quiet = active ? 0 : quiet + h;
      day += h;
      sinceLaunch += h;

      const reachAfter = equity * q * (1 + alpha * agenda) * shock;
      lag.push(0.5 * (reach + reachAfter));
    }
    state.equity = equity;
    state.momentum = momentum;
    state.agenda = agenda;
    state.quiet = quiet;
    state.day = day;
    state.sinceLaunch = sinceLaunch;
  }
}
