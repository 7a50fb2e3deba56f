/**
 * The seed's story as fixtures: an account on the reference schedule (1.5
 * posts a week, an event a month) for 18 months, then 8 months away. The
 * claims table measures it, and the planning tools start from where it left
 * the account.
 *
 * @internal
 * @module
 */
import { toDays } from '../core/duration.js';
import type { ParameterInput } from '../model/parameters.js';
import { schedule, type Schedule } from '../model/schedule.js';
import { simulate, type ModelState } from '../model/simulate.js';

/** How long the seed's account was active before its absence: 18 months, in days. */
export const SEED_ACTIVE_FOR = toDays('18 months');
/** How long the seed's absence lasted: 8 months, in days. */
export const SEED_ABSENT_FOR = toDays('8 months');

/** The seed's schedule: the reference account, away for 8 months after 18. */
export function seedSchedule(): Schedule {
  return schedule.reference().pause({ from: SEED_ACTIVE_FOR, for: SEED_ABSENT_FOR });
}

/**
 * The seed's account at the end of its 8-month absence after 18 months of the
 * reference schedule: the default "now" of the planning tools.
 */
export function seedAccountAfterAbsence(parameters: ParameterInput): ModelState {
  return simulate({ horizon: SEED_ACTIVE_FOR + SEED_ABSENT_FOR, parameters, activity: seedSchedule() }).final;
}
