/**
 * The public API of Touchstone's core: pure TypeScript, no Astro, React or terminal formatting.
 * The CLI and the site's server modules reach the core only through this file, the answer form's
 * island through `browser.ts` (tests/unit/import-cycles.test.ts holds them to that); the parse
 * workers load `read/load.ts` alone, since a worker's start-up is paid per thread.
 */

// Reading and checking a workspace
export { validateWorkspace, type ValidationResult } from './check/validate.ts';
export { filesToParseAhead, parseAhead, RESERVED_ORG_NAMES, type Preparsed, type PreparsedFile } from './read/load.ts';
export { sharedParseCache } from './read/parse-cache.ts';
export { createAjv, SCHEMAS, validators, type FileKind } from './read/schemas.ts';
export { workspaceEntries } from './read/workspace-files.ts';
export { linkProblem, NOTES_COMPONENTS, type NotesDocument, type NotesNode } from './read/notes.ts';
export { checkLink } from './check/links.ts';
export { compareDiagnostics, hasErrors, type Diagnostic, type Severity } from './diagnostics.ts';
export { markdownText, printable } from './text-safety.ts';
export { closest } from './suggest.ts';
export { LANGS, isLang, type Lang } from './lang.ts';

// Scoring, comparing, and the report model
export { scoreAudit, NotScorableError } from './score/score.ts';
export { reportModel, reportOf, REPORT_SCHEMA_VERSION } from './report/report.ts';
export { siteModel, type AuditEntry, type OrgEntry, type QuestionnaireWords, type SiteModel } from './report/site-model.ts';
export { methodOf, type Method } from './score/method.ts';
export { MIN_RESPONDENTS } from './score/bootstrap.ts';
export { votesByLevel } from './score/summary.ts';
export { channelWord, KNOWN_CHANNELS } from './score/channels.ts';
export { krippendorffAlpha, type AlphaLevel } from './score/stats/krippendorff.ts';
export { findAudit, latestAudit, previousAudit, selectOrgs, type AuditLookup, type OrgSelection } from './compare/select.ts';
export { diffScores, movedQuestions, questionMapping, type AuditDiff, type Change, type QuestionChange } from './compare/diff.ts';
export { evaluateAssertions, type Outcome } from './compare/assertions.ts';
export type * from './score-types.ts';
export type * from './read/model.ts';
export { isAsked } from './read/model.ts';

// Scaffolding new files, and where they may go
export {
  auditYaml, carriedActionsYaml, carryMapping, carryOver, isSlug, latestKey, modeline, orgYaml, parsePeriod, responseYaml, type RespondentInfo, type Wording,
} from './scaffold/scaffold.ts';
export { EXAMPLE_RESPONDENTS, exampleAnswers } from './scaffold/example-audit.ts';
export { BUILD_MARK, checkBuildOutput, checkPdfTarget, outsideWorkspace } from './read/paths.ts';
export { INSTALLED_SCHEMAS, PACKAGE_NAME, schemaRef, schemasDirFor } from './check/schema-location.ts';
