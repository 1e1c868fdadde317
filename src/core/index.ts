/**
 * The public API of Touchstone's core: pure TypeScript, no Astro, React or terminal formatting.
 * The CLI reaches the core only through this file (tests/unit/import-cycles.test.ts holds it to
 * that); the parse workers load `load.ts` alone, since a worker's start-up is paid per thread.
 */

// Reading and checking a workspace
export { validateWorkspace, type ValidationResult } from './validate.ts';
export { filesToParseAhead, parseAhead, RESERVED_ORG_NAMES, type Preparsed, type PreparsedFile } from './load.ts';
export { sharedParseCache } from './parse-cache.ts';
export { validators } from './schemas.ts';
export { compareDiagnostics, hasErrors, type Diagnostic, type Severity } from './diagnostics.ts';
export { markdownText, printable } from './text-safety.ts';
export { closest } from './suggest.ts';
export { LANGS, isLang, type Lang } from './lang.ts';

// Scoring, comparing, and the report model
export { scoreAudit, NotScorableError } from './score.ts';
export { reportModel, reportOf, REPORT_SCHEMA_VERSION } from './report.ts';
export { krippendorffAlpha, type AlphaLevel } from './stats/krippendorff.ts';
export { findAudit, latestAudit, previousAudit, selectOrgs, type AuditLookup, type OrgSelection } from './select.ts';
export { diffScores, movedQuestions, questionMapping, type AuditDiff, type Change, type QuestionChange } from './diff.ts';
export { evaluateAssertions, type Outcome } from './assertions.ts';
export type * from './score-types.ts';
export type * from './model.ts';

// Scaffolding new files, and where they may go
export {
  auditYaml, carryMapping, carryOver, isSlug, latestKey, modeline, orgYaml, parsePeriod, responseYaml, type RespondentInfo,
} from './scaffold.ts';
export { EXAMPLE_RESPONDENTS, exampleAnswers } from './example-audit.ts';
export { checkBuildOutput, checkPdfTarget, outsideWorkspace } from './paths.ts';
export { INSTALLED_SCHEMAS, PACKAGE_NAME, schemaRef, schemasDirFor } from './schema-location.ts';
