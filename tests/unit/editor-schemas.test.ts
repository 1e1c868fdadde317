import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { FIXTURES } from '../helpers/cli.ts';

/**
 * The schemas work in editors: VS Code's YAML extension is yaml-language-server, run here
 * without an editor. A file's `# yaml-language-server: $schema=…` modeline is resolved
 * relative to the file, and the schema text is handed over from disk.
 */
function service() {
  const ls = getLanguageService({
    schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
  });
  ls.configure({ validate: true, completion: true, hover: true, yamlVersion: '1.2' });
  return ls;
}

// yaml-language-server caches parsed documents by URI and version, as an editor would:
// every document made here gets a new version so that no test sees another's text.
let version = 0;
function documentAt(relative: string, text?: string) {
  const path = join(FIXTURES, 'minimal', relative);
  return TextDocument.create(pathToFileURL(path).href, 'yaml', ++version, text ?? readFileSync(path, 'utf8'));
}

const FILES = {
  response: 'audits/acme/2026-q3/responses/ceo.yaml',
  audit: 'audits/acme/2026-q1/audit.yaml',
  org: 'audits/acme/org.yaml',
  scenarios: 'audits/acme/2026-q3/scenarios.yaml',
  questionnaire: 'questionnaires/mini/1.0.0.yaml',
  benchmark: 'benchmarks/best-in-class/2026.1.yaml',
};

describe('JSON Schemas in an editor (yaml-language-server)', () => {
  it.each(Object.entries(FILES))('finds no problem in a valid %s file', async (_, file) => {
    const diagnostics = await service().doValidation(documentAt(file), false);
    expect(diagnostics.map((d) => d.message)).toEqual([]);
  });

  it('reports an unknown key and a wrong type in a response, at their lines', async () => {
    const text = readFileSync(join(FIXTURES, 'minimal', FILES.response), 'utf8')
      .replace('comment: Every project', 'coment: Every project')
      .replace('momentum.act-now: 3', 'momentum.act-now: lots');
    const diagnostics = await service().doValidation(documentAt(FILES.response, text), false);
    const lines = text.split('\n');
    const found = diagnostics.map((d) => ({ line: d.range.start.line, message: typeof d.message === "string" ? d.message : d.message.value }));
    expect(found.some((d) => /coment/.test(d.message) && lines[d.line].includes('coment'))).toBe(true);
    expect(found.some((d) => lines[d.line].includes('momentum.act-now: lots'))).toBe(true);
  });

  it('shows the schema\'s own message for an unsafe evidence link', async () => {
    const text = readFileSync(join(FIXTURES, 'minimal', FILES.response), 'utf8').replace('https://intranet.example/owners', 'javascript:alert(1)');
    const diagnostics = await service().doValidation(documentAt(FILES.response, text), false);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/must start with http:\/\/ or https:\/\//);
  });

  it('completes the keys of an answer', async () => {
    const text = `# yaml-language-server: $schema=../../../../../../../schemas/response.schema.json
respondent: { id: ceo, role: CEO }
answers:
  momentum.owner:
    level: 2
    `;
    const doc = documentAt(FILES.response, text);
    const lines = text.split('\n');
    const completion = await service().doComplete(doc, { line: lines.length - 1, character: 4 }, false);
    const labels = completion.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['comment', 'evidence', 'carried-over']));
  });
});
