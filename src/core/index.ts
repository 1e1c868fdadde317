/** The public API of Touchstone's core: pure TypeScript, no Astro, React or terminal formatting. */
export { validateWorkspace, type ValidationResult } from './validate.ts';
export { scoreAudit, NotScorableError } from './score.ts';
export { reportModel, reportOf, REPORT_SCHEMA_VERSION } from './report.ts';
export { krippendorffAlpha, type AlphaLevel } from './stats/krippendorff.ts';
export { findAudit, latestAudit, previousAudit, selectOrgs, type AuditLookup, type OrgSelection } from './select.ts';
export { compareDiagnostics, hasErrors, type Diagnostic, type Severity } from './diagnostics.ts';
export type * from './score-types.ts';
export type * from './model.ts';
export { diffScores, questionMapping, type AuditDiff, type Change, type QuestionChange } from './diff.ts';
