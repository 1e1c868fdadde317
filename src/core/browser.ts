/**
 * The part of the core a browser may load: what the answer form's island runs in the page (its
 * draft scores, by the one scoring path, and its file, by the response format's one emitter). Nothing here reaches Node's file system, which
 * `index.ts` does through the loader; the island imports the core through this file only
 * (tests/unit/import-cycles.test.ts).
 */
export { scoreResponses } from './score/score-responses.ts';
export { answerValue, indexQuestionnaire, isAsked } from './read/model.ts';
export { answerLines, oneLine, respondentLines } from './scaffold/response-yaml.ts';
export { LANGS, isLang, type Lang } from './lang.ts';
export type * from './score-types.ts';
export type * from './read/model.ts';
export type { SourceFile } from './read/yaml-file.ts';
