/** What the page and its worker say to each other: plain data. */
import type { Account } from 'relationship-equity';
import type { Plan } from './plan.js';

/** A request to the worker. */
export type Request =
  | { readonly kind: 'bands'; readonly id: number; readonly plan: Plan; readonly account: Account | null }
  | { readonly kind: 'fit'; readonly id: number; readonly name: string; readonly csv: string };

/** Runs of the band: enough for a 5–95% band, within a slider's budget. */
export const BAND_RUNS = 1000;

/** The bands' assumptions, in words (the page shows them). */
export const BAND_ASSUMPTIONS = `${BAND_RUNS} seeded runs; neglect decay ±25% (normal), the lag's mean 8–18 months (triangular, mode 12), day-to-day reach noise 20%`;

/** A fitted history, as the page receives it. */
export interface FitReply {
  readonly account: Account;
  readonly weeks: number;
  readonly origin: string;
  readonly parameters: readonly { readonly parameter: string; readonly value: number; readonly interval: readonly [number, number]; readonly identified: boolean }[];
  readonly kept: readonly string[];
  readonly adequate: boolean;
  readonly warnings: readonly string[];
  readonly likelihood: string;
}
