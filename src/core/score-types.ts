/**
 * The report model's types: generated from schemas/report.schema.json (src/core/report-types.ts),
 * which is the contract of `touchstone score --json` and of the site's `/data/<org>/<version>.json`.
 * Fields may be added; none renamed or removed without raising `schemaVersion`. Scores are 0–100
 * with one decimal; `null` means "could not be computed" (never 0).
 */
export type {
  Action, AnswerTrace, AuditDiff, BandRange, BenchmarkResult, Cap, Change, ChannelResult, ConsistencyResult, DriverChange, Finding,
  GateResult, Headline, IndexShare, Interval, Message, MetricResult, PartName, PartScore, QuestionChange, QuestionScore, RecoveryResult, ReportModel,
  Respondent, RuleFinding, ScenarioResult, ScoreResult, WorkspaceText,
} from './report-types.ts';
