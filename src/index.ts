/**
 * relationship-equity: a social-media account's standing with a platform,
 * modelled as a stock that effort fills with diminishing returns, that neglect
 * drains faster the longer it lasts, and whose business returns arrive one to
 * two years later.
 *
 * ```
 * schedule → effort response → EQUITY stock → reach → lag → interest
 * ```
 *
 * @example
 * ```ts
 * import { absenceCost } from 'relationship-equity';
 * const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months' });
 * `${(cost.fractionLost * 100).toFixed(0)}% of equity lost`; // '30% of equity lost'
 * ```
 *
 * @packageDocumentation
 */
export { ParameterError, DurationError, InputTypeError } from './errors.js';
export { toDays, daysToMonths, DAYS_PER_YEAR, DAYS_PER_MONTH, DAYS_PER_WEEK } from './duration.js';
export type { Duration } from './duration.js';
export { respond } from './response.js';
export type {
  ResponseSpec,
  HillResponse,
  HillRobynResponse,
  LogisticResponse,
  InverseScaledLogisticResponse,
  TanhResponse,
  MichaelisMentenResponse,
  RootResponse,
  ExponentialResponse,
  LinearResponse,
} from './response.js';
export { kernelWeights, applyKernel } from './kernels.js';
export type {
  KernelSpec,
  KernelKind,
  KernelState,
  KernelOptions,
  KernelMethod,
  ApplyKernelOptions,
  KernelResult,
  ResolvedKernel,
  GeometricKernel,
  DelayedKernel,
  WeibullKernel,
  BinomialKernel,
  ErlangKernel,
  GammaKernel,
} from './kernels.js';
export { DEFAULT_PARAMETERS, resolveParameters } from './parameters.js';
export type { ModelParameters, ParameterInput, DurationField } from './parameters.js';
export { schedule, Schedule } from './schedule.js';
export type {
  ScheduleSpec,
  SampledSchedule,
  RateChange,
  DatedCount,
  EventRule,
  PauseSpan,
  QualitySpan,
  EventOptions,
  PauseOptions,
  ChangeOptions,
  QualityOptions,
  LogEntry,
  LogOptions,
} from './schedule.js';
export { simulate, SERIES } from './simulate.js';
export type {
  Simulation,
  SimulateOptions,
  SimulationPoint,
  ModelState,
  SeriesName,
} from './simulate.js';
export { compare } from './compare.js';
export type { Comparison, SeriesGap, GapSummary } from './compare.js';
export { equivalentMonths } from './equivalent-months.js';
export type { EquivalentMonthsOptions } from './equivalent-months.js';
export { absenceCost } from './absence-cost.js';
export type { AbsenceCost, AbsenceCostOptions } from './absence-cost.js';
export { checkClaims, measureClaim, CLAIM_IDS } from './claims.js';
export type { ClaimId, ClaimResult, ClaimOptions } from './claims.js';
export { monteCarlo } from './monte-carlo.js';
export type {
  MonteCarloOptions,
  MonteCarloResult,
  UncertaintyOptions,
  NoiseOptions,
  Band,
  QuantileSeries,
} from './monte-carlo.js';
export { randomStream } from './random.js';
export type {
  Random,
  Distribution,
  UniformDistribution,
  NormalDistribution,
  LognormalDistribution,
  BetaDistribution,
  TriangularDistribution,
  ChoiceDistribution,
} from './random.js';
export { whatIf, costOfDelay } from './what-if.js';
export type {
  WhatIfOptions,
  WhatIfResult,
  AlternativeOutcome,
  Contrast,
  ComparedSeries,
  LevelValue,
  CostOfDelayOptions,
  CostOfDelayResult,
  DelayCost,
} from './what-if.js';
export { CHANNEL_PRESETS, channel, simulateChannel, allocate } from './channels.js';
export type {
  Channel,
  ChannelPresetName,
  ChannelRunOptions,
  AllocateOptions,
  AllocationObjective,
  Allocation,
  ChannelShare,
} from './channels.js';
export { simulatePlatform } from './platform.js';
export type { PlatformOptions, PlatformAccount, PlatformAccountSeries, PlatformResult, InvitationRule } from './platform.js';
export { calibrate } from './calibrate.js';
export type { CalibrateOptions, CalibrationResult, ObservedSeries, FittedParameter, FittedPoint } from './calibrate.js';
export { historyFromRows, parseHistoryCsv } from './history.js';
export type { History, HistoryRow, HistoryOptions } from './history.js';
export { calibrateFromClaims } from './beliefs.js';
export type { Belief, AbsenceLossBelief, EffectDelayBelief, FrequencyRatioBelief, BeliefFit, BeliefCalibration } from './beliefs.js';
export { createMonitor, monitor } from './monitor.js';
export type {
  Monitor,
  MonitorOptions,
  MonitorStatus,
  MonitorWarning,
  MonitorUpdate,
  MonitorReport,
  DayActivity,
  ProjectedLoss,
  Severity,
} from './monitor.js';
export { requiredLeadMultiple, leaderPlan, breakEvenHorizon, effortValueSplit } from './planning.js';
export type {
  LeaderPlanOptions,
  LeaderPlan,
  BreakEvenOptions,
  BreakEven,
  EffortValueSplitOptions,
  EffortValueSplit,
} from './planning.js';
export { saveScenario, loadScenario, SCENARIO_FORMAT } from './scenario.js';
export type { Scenario, ScenarioFile } from './scenario.js';
