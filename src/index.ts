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
export { ParameterError, DurationError, InputTypeError } from './core/errors.js';
export { toDays, daysToMonths, DAYS_PER_YEAR, DAYS_PER_MONTH, DAYS_PER_WEEK } from './core/duration.js';
export { LIMITS } from './core/limits.js';
export type { Duration } from './core/duration.js';
export { respond } from './model/response.js';
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
} from './model/response.js';
export { kernelWeights } from './model/kernels.js';
export { applyKernel } from './model/lag.js';
export type { KernelMethod, ApplyKernelOptions, KernelResult } from './model/lag.js';
export type {
  KernelSpec,
  KernelKind,
  KernelState,
  KernelOptions,
  ResolvedKernel,
  Resolved,
  GeometricKernel,
  DelayedKernel,
  WeibullKernel,
  BinomialKernel,
  ErlangKernel,
  GammaKernel,
} from './model/kernels.js';
export { DEFAULT_PARAMETERS, resolveParameters } from './model/parameters.js';
export type { ModelParameters, ParameterInput, DurationField } from './model/parameters.js';
export { schedule, Schedule } from './model/schedule.js';
export type {
  ScheduleSpec,
  SampledSchedule,
  EffortLevels,
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
} from './model/schedule.js';
export { simulate, SERIES } from './model/simulate.js';
export type {
  Simulation,
  SimulateOptions,
  SimulationPoint,
  SimulationSummary,
  RunFlowSummary,
  ModelState,
  SeriesName,
} from './model/simulate.js';
export { account, MODEL_UNITS } from './model/account.js';
export type { Account, AccountOptions, SeriesUnits } from './model/account.js';
export type { PeriodRead, MonthRead, SeriesOfRun, FlowOfRun } from './model/reads.js';
export { compare } from './analysis/compare.js';
export { crossover } from './analysis/crossover.js';
export { sobolIndices } from './numerics/sobol-indices.js';
export type { SobolOptions, SobolIndex, SobolResult, InputRange } from './numerics/sobol-indices.js';
export { morrisEffects } from './numerics/morris.js';
export type { MorrisOptions, MorrisEffect, MorrisResult } from './numerics/morris.js';
export { swings } from './numerics/swings.js';
export type { SwingOptions, Swing, SwingResult } from './numerics/swings.js';
export { PARAMETER_RANGES } from './model/parameter-ranges.js';
export type { ParameterRange } from './model/parameter-ranges.js';
export { sensitivity, QUESTIONS } from './analysis/sensitivity.js';
export { claimMargins, marginLine } from './analysis/claim-margins.js';
export type { ClaimMarginOptions, ClaimMargin, ClaimMargins, ClaimMarginSummary, NarrowestMargin, ParameterMargin, Margin } from './analysis/claim-margins.js';
export type { SensitivityOptions, Sensitivity, SensitivitySummary, Importance, QuestionName } from './analysis/sensitivity.js';
export type { Crossover, CrossoverOptions } from './analysis/crossover.js';
export type { Comparison, SeriesGap, GapSummary } from './analysis/compare.js';
export { equivalentMonths } from './analysis/equivalent-months.js';
export type { EquivalentMonthsOptions } from './analysis/equivalent-months.js';
export { absenceCost } from './analysis/absence-cost.js';
export type { AbsenceCost, AbsenceCostOptions, AbsenceSummary } from './analysis/absence-cost.js';
export { checkClaims, measureClaim, CLAIM_IDS } from './analysis/claims.js';
export type { ClaimId, ClaimResult, ClaimOptions } from './analysis/claims.js';
export { monteCarlo } from './ensemble/monte-carlo.js';
export type { MonteCarloOptions, MonteCarloResult, MonteCarloSummary, EndBand } from './ensemble/monte-carlo.js';
export type { UncertaintyOptions, NoiseOptions, PosteriorDraws } from './ensemble/uncertainty.js';
export type { Band, QuantileSeries } from './ensemble/bands.js';
export { randomStream } from './numerics/random.js';
export type { Random } from './numerics/random.js';
export type {
  Distribution,
  UniformDistribution,
  NormalDistribution,
  LognormalDistribution,
  BetaDistribution,
  TriangularDistribution,
  ChoiceDistribution,
} from './numerics/distributions.js';
export { whatIf } from './analysis/what-if.js';
export { costOfDelay } from './analysis/cost-of-delay.js';
export type {
  WhatIfOptions,
  WhatIfResult,
  WhatIfSummary,
  AlternativeSummary,
  AlternativeOutcome,
  Contrast,
  ComparedSeries,
  LevelValue,
} from './analysis/what-if.js';
export type { CostOfDelayOptions, CostOfDelayResult, CostOfDelaySummary, DelaySummary, DelayCost } from './analysis/cost-of-delay.js';
export { CHANNEL_PRESETS, channel, simulateChannel, allocate } from './analysis/channels.js';
export type {
  Channel,
  ChannelPresetName,
  ChannelRunOptions,
  AllocateOptions,
  AllocationObjective,
  Allocation,
  AllocationSummary,
  ChannelShare,
} from './analysis/channels.js';
export { simulatePlatform } from './analysis/platform.js';
export type { PlatformOptions, PlatformAccount, PlatformAccountSeries, PlatformResult, PlatformSummary, InvitationRule } from './analysis/platform.js';
export { calibrate } from './fit/calibrate.js';
export type {
  CalibrateOptions,
  CalibrationResult,
  CalibrationSummary,
  EstimateSummary,
  ObservedSeries,
  FittedParameter,
  FittedPoint,
  ChosenParameter,
  HistoryActivity,
  LikelihoodName,
  Posterior,
  PosteriorSummary,
  FitDiagnostics,
  ResidualCheck,
  ResidualChecks,
} from './fit/calibrate.js';
export { priorsFromBeliefs, DEFAULT_PRIOR_SPREAD } from './fit/priors.js';
export type { BeliefPriorOptions } from './fit/priors.js';
export { historyFromRows, parseHistoryCsv } from './io/history.js';
export type { History, HistoryRow, HistoryOptions, HistoryCsvOptions } from './io/history.js';
export { DEFAULT_HEADERS, HISTORY_COLUMNS, UNUSED_HEADERS } from './io/csv.js';
export type { CsvOptions, HistoryColumn } from './io/csv.js';
export { calibrateFromClaims } from './fit/beliefs.js';
export type { Belief, AbsenceLossBelief, EffectDelayBelief, FrequencyRatioBelief, BeliefFit, BeliefCalibration } from './fit/beliefs.js';
export { createMonitor, monitor } from './analysis/monitor.js';
export type {
  Monitor,
  MonitorOptions,
  MonitorStatus,
  MonitorWarning,
  MonitorUpdate,
  MonitorReport,
  MonitorSummary,
  DayActivity,
  ProjectedLoss,
  Severity,
} from './analysis/monitor.js';
export { requiredLeadMultiple, leaderPlan, breakEvenHorizon, effortValueSplit, MAX_PLANNED_POSTS_PER_WEEK } from './analysis/planning.js';
export type {
  LeaderPlanOptions,
  LeaderPlan,
  BreakEvenOptions,
  BreakEven,
  EffortValueSplitOptions,
  EffortValueSplit,
} from './analysis/planning.js';
export { saveScenario, loadScenario, SCENARIO_FORMAT } from './io/scenario.js';
export type { Scenario, ScenarioFile } from './io/scenario.js';
