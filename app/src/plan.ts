/**
 * The page's plan: what the controls hold, its presets, the URL that carries
 * it, and the library calls it stands for. Plain data in, plain data out, so
 * the page, its worker and its browser test read a plan the same way.
 */
import { DAYS_PER_MONTH, DAYS_PER_YEAR, schedule, type Schedule } from 'relationship-equity';

/** What the controls hold. */
export interface Plan {
  /** Posts per week before the absence. */
  readonly postsPerWeek: number;
  /** Posts per week after the return. */
  readonly postsAfter: number;
  /** Platform events joined per month. */
  readonly eventsPerMonth: number;
  /** Video quality, a multiplier on reach (1 = the reference). */
  readonly quality: number;
  /** Months active before the absence. */
  readonly absenceStart: number;
  /** Months away (0: never stopped). */
  readonly absenceLength: number;
  /** Years shown. */
  readonly horizonYears: number;
  /** Whether to draw the Monte Carlo bands. */
  readonly uncertainty: boolean;
}

/** Each control: its URL key, its label (the browser test finds controls by these), its bounds. */
export const CONTROLS = [
  { key: 'postsPerWeek', url: 'posts', label: 'Posts per week', min: 0, max: 21, step: 0.5 },
  { key: 'postsAfter', url: 'after', label: 'Posts per week after the return', min: 0, max: 21, step: 0.5 },
  { key: 'eventsPerMonth', url: 'events', label: 'Events per month', min: 0, max: 8, step: 1 },
  { key: 'quality', url: 'quality', label: 'Video quality', min: 0.5, max: 2, step: 0.1 },
  { key: 'absenceStart', url: 'start', label: 'Absence starts after (months)', min: 1, max: 60, step: 1 },
  { key: 'absenceLength', url: 'length', label: 'Absence length (months)', min: 0, max: 36, step: 1 },
  { key: 'horizonYears', url: 'years', label: 'Horizon (years)', min: 1, max: 10, step: 1 },
] as const satisfies readonly { key: keyof Plan; url: string; label: string; min: number; max: number; step: number }[];

/** The seed's story: 1.5 posts a week and an event a month for 18 months, then 8 months away. */
export const SEED_PLAN: Plan = { postsPerWeek: 1.5, postsAfter: 1.5, eventsPerMonth: 1, quality: 1, absenceStart: 18, absenceLength: 8, horizonYears: 5, uncertainty: false };

/** The presets, by their buttons' names. */
export const PRESETS: Readonly<Record<string, (plan: Plan) => Plan>> = {
  "The seed's story": (plan) => ({ ...SEED_PLAN, uncertainty: plan.uncertainty }),
  'Never stopped': (plan) => ({ ...plan, absenceLength: 0 }),
  'Daily from now': (plan) => ({ ...plan, postsAfter: 7 }),
};

/** A number kept inside a control's bounds, on its step; `fallback` for anything unreadable. */
function bounded(value: unknown, control: (typeof CONTROLS)[number], fallback: number): number {
  const x = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(x)) return fallback;
  const stepped = Math.round(x / control.step) * control.step;
  return Math.min(control.max, Math.max(control.min, Number(stepped.toFixed(4))));
}

/** A plan from a URL's query (unknown or bad values fall back to the seed's). */
export function planFromQuery(query: string): Plan {
  const params = new URLSearchParams(query);
  const plan: Record<string, number | boolean> = { ...SEED_PLAN };
  for (const control of CONTROLS) {
    if (params.has(control.url)) plan[control.key] = bounded(params.get(control.url), control, SEED_PLAN[control.key]);
  }
  plan.uncertainty = params.get('uncertainty') === '1';
  return plan as unknown as Plan;
}

/** The query that reproduces a plan. */
export function queryOf(plan: Plan): string {
  const params = new URLSearchParams();
  for (const control of CONTROLS) params.set(control.url, String(plan[control.key]));
  if (plan.uncertainty) params.set('uncertainty', '1');
  return `?${params.toString()}`;
}

/** A control's value read from its input, within bounds. */
export function readControl(key: keyof Plan, value: string, plan: Plan): number {
  const control = CONTROLS.find((c) => c.key === key)!;
  return bounded(value, control, plan[key] as number);
}

/**
 * The twin that never stopped: the plan's posting, events and quality, with the
 * posting after the (would-be) return from the end of the absence on, and no absence.
 */
export function twinOf(plan: Plan): Schedule {
  const end = (plan.absenceStart + plan.absenceLength) * DAYS_PER_MONTH;
  let s = schedule.weekly(plan.postsPerWeek);
  if (plan.eventsPerMonth > 0) s = s.withEvents({ every: DAYS_PER_MONTH / plan.eventsPerMonth });
  if (plan.quality !== 1) s = s.quality(plan.quality);
  return plan.postsAfter === plan.postsPerWeek ? s : s.change({ at: end, postsPerWeek: plan.postsAfter });
}

/** What the account does: the twin's plan with the absence. */
export function activityOf(plan: Plan): Schedule {
  const twin = twinOf(plan);
  return plan.absenceLength > 0 ? twin.pause({ from: plan.absenceStart * DAYS_PER_MONTH, for: plan.absenceLength * DAYS_PER_MONTH }) : twin;
}

/** The horizon in days: at least to the end of the absence and a month past it. */
export function horizonOf(plan: Plan): number {
  return Math.max(plan.horizonYears * DAYS_PER_YEAR, (plan.absenceStart + plan.absenceLength + 1) * DAYS_PER_MONTH);
}
