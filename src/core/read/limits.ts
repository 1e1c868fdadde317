/**
 * Limits that keep a hostile or broken workspace from exhausting memory or time.
 * Each one, when hit, is a diagnostic — never a crash.
 */
export const LIMITS = {
  /** Largest YAML file read, in bytes. A 70-question response is ~15 KB; a bank ~150 KB. */
  fileBytes: 1024 * 1024,
  /** Alias expansions allowed per document (a "billion laughs" document needs far more). */
  aliasCount: 50,
  /** Deepest nesting of maps and lists. The deepest legitimate file is ~8 levels. */
  depth: 24,
  /** Respondents per audit. */
  respondents: 200,
  /** Files read from one folder (responses/, audits/ …). */
  filesPerFolder: 2000,
} as const;
