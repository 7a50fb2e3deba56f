/**
 * The page's answers for a plan, from the library alone: the absence against a
 * twin that never stopped, the headline sentences the demo prints, and the
 * cost of waiting one more month before coming back.
 */
import { absenceCost, costOfDelay, DAYS_PER_MONTH, DAYS_PER_YEAR, simulate, type AbsenceCost, type Account, type Simulation } from 'relationship-equity';
import { activityOf, horizonOf, twinOf, type Plan } from './plan.js';

/** What the page shows for a plan. */
export interface Answers {
  /** The absence's cost (null when the plan never stops). */
  readonly cost: AbsenceCost | null;
  /** The run of a plan that never stops (when there is no absence). */
  readonly run: Simulation | null;
  /** The headline, a sentence each. */
  readonly sentences: readonly string[];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
/** "A" or "An" before a number of months read aloud (an 8-, 11-, 18-, 80-month …). */
const article = (n: number): string => (/^(8|11|18)(\D|$)/.test(String(n)) || (n >= 80 && n < 90) ? 'An' : 'A');
const whole = (x: number): string => Math.round(x).toLocaleString('en-US');
/** The unit of a flow's total from its unit a day: 'leads a day' → 'leads', 'interest a day (model units)' → 'interest (model units)'. */
const totalOf = (unitPerDay: string): string => unitPerDay.replace(/ a day( \(model units\))?$/, '$1');

/** The cost of coming back one month later than planned, in a sentence. */
function waitingSentence(plan: Plan, account: Account | undefined): string {
  const end = (plan.absenceStart + plan.absenceLength) * DAYS_PER_MONTH;
  const ahead = Math.max(12 * DAYS_PER_MONTH, horizonOf(plan) - end);
  const at = simulate({ horizon: end, activity: activityOf(plan), ...(account ? { account } : {}) }).final;
  const delay = costOfDelay({ initial: at, resume: twinOf(plan), resumeAt: [0, '1 month'], horizon: ahead, ...(account ? { account } : {}) });
  const late = delay.delays[1]!;
  const share = late.equityCost / delay.delays[0]!.equityAtHorizon;
  const unit = totalOf(delay.units.interest);
  return `Waiting one more month before coming back costs ${pct(share)} of equity by the end and ${whole(late.interestCost)} ${unit} over the next ${(ahead / (12 * DAYS_PER_MONTH)).toFixed(1)} years.`;
}

/** The year after the return in the account's own units: what the absence costs in views. */
function yearAfterReturn(cost: AbsenceCost): string {
  const from = cost.absence.to;
  const to = Math.min(from + 12 * DAYS_PER_MONTH, cost.days[cost.days.length - 1]!);
  const [away, twin] = [cost.simulation.total(from, to).reach, cost.twin.total(from, to).reach];
  return `In the ${((to - from) / DAYS_PER_MONTH).toFixed(0)} months after the return it gets ${whole(away)} ${totalOf(cost.units.reach)} against ${whole(twin)} had it never stopped${twin > 0 ? ` (${pct(1 - away / twin)} fewer)` : ''}.`;
}

/**
 * The answers for a plan, in model units or, with an account, in its own
 * (views and leads).
 */
export function answersFor(plan: Plan, account?: Account): Answers {
  const horizon = horizonOf(plan);
  if (plan.absenceLength === 0) {
    const run = simulate({ horizon, activity: twinOf(plan), ...(account ? { account } : {}) });
    const year = run.total(Math.max(0, horizon - 12 * DAYS_PER_MONTH), horizon);
    return {
      cost: null,
      run,
      sentences: [
        `Never stopped: after ${(horizon / DAYS_PER_YEAR).toFixed(1).replace(/\.0$/, '')} year${horizon === DAYS_PER_YEAR ? '' : 's'} the account has ${whole(run.final.equity)} equity, and in its last year it gets ${whole(year.reach)} ${totalOf(run.units.reach)} and ${whole(year.interest)} ${totalOf(run.units.interest)}.`,
      ],
    };
  }
  const cost = absenceCost({
    activeFor: plan.absenceStart * DAYS_PER_MONTH,
    absentFor: plan.absenceLength * DAYS_PER_MONTH,
    followFor: horizon - (plan.absenceStart + plan.absenceLength) * DAYS_PER_MONTH,
    activity: twinOf(plan),
    ...(account ? { account } : {}),
  });
  return {
    cost,
    run: null,
    sentences: [
      `${article(plan.absenceLength)} ${plan.absenceLength}-month absence after ${plan.absenceStart} months cost ${pct(cost.fractionLost)} of equity: ${cost.monthsBefore.toFixed(0)} equivalent months of work became ${cost.monthsAfter.toFixed(0)}.`,
      `When the account came back, equity trailed the twin by ${pct(cost.equityGapAtReturn)} but interest only by ${pct(cost.interestGapAtReturn)}: the business had not felt it yet.`,
      `The gap in interest to the twin is largest (${pct(cost.interestGapPeak.gap)}) ${cost.interestGapPeak.monthsAfterAbsenceBegan.toFixed(0)} months after the absence began.`,
      ...(account ? [yearAfterReturn(cost)] : []),
      waitingSentence(plan, account),
    ],
  };
}
