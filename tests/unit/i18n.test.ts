// The UI words: one catalogue per language (src/site/messages/), looked up by message id.
import { describe, expect, it } from 'vitest';
import en from '../../src/site/messages/en.ts';
import zh from '../../src/site/messages/zh.ts';
import { addCatalogue, levelCount, lookup, say, ui, uif, type StringKey } from '../../src/site/i18n.ts';

describe('UI catalogues', () => {
  it('give every message in every language, and no message only one has', () => {
    expect(Object.keys(en).length).toBeGreaterThan(200);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    // Empty only where English is only a space (sentenceGap: nothing follows Chinese full stops).
    for (const key of Object.keys(en) as StringKey[]) if (en[key].trim() !== '') expect(zh[key].trim(), key).not.toBe('');
    // Placeholders are the same in both: a translation cannot drop or rename one.
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as StringKey[]) expect(slots(zh[key]), key).toEqual(slots(en[key]));
  });

  it('uses a third language\'s catalogue like the two it ships with', () => {
    addCatalogue('de', { portfolio: 'Portfolio-Übersicht', levelCount_one: '{n} Stufe', levelCount_other: '{n} Stufen', withoutEvidence: '{label}: ab {from} ohne Beleg zählt {penalty} weniger' }, 'de-DE');
    expect(ui('de', 'portfolio')).toBe('Portfolio-Übersicht');
    expect(levelCount(1, 'de')).toBe('1 Stufe');
    expect(levelCount(1200, 'de')).toBe('1.200 Stufen'); // German digit grouping, through Intl
    expect(uif('de', 'withoutEvidence', { label: 'kein Beleg', from: 3, penalty: '1 Stufe' })).toBe('kein Beleg: ab 3 ohne Beleg zählt 1 Stufe weniger');
  });

  it('stops a build on a message a language lacks, and falls back to English only in dev', () => {
    addCatalogue('xx', { portfolio: 'Xx' });
    expect(() => lookup('xx', 'methodology', { dev: false })).toThrow('the UI message "methodology" has no xx text: add it to src/site/messages/xx.ts');
    expect(lookup('xx', 'methodology', { dev: true })).toBe(en.methodology);
    expect(lookup('xx', 'portfolio', { dev: false })).toBe('Xx');
  });

  it('counts levels by each language\'s plural rules', () => {
    expect([levelCount(1, 'en'), levelCount(2, 'en'), levelCount(1, 'zh'), levelCount(3, 'zh')]).toEqual(['1 level', '2 levels', '1 级', '3 级']);
  });

  it('words a report model\'s message late, with workspace text put in as it is', () => {
    // Workspace text is data, never a template: braces and replacement patterns stay literal.
    const question = { en: 'Is {pct} covered? $& $1 $$', zh: '{pct} 保吗？$&' };
    const luck = (count: number) => ({ id: 'findingLuck', params: { question, pct: 63, outcomes: 3, count } });
    expect(say('en', luck(1))).toBe('Two customers asking “Is {pct} covered? $& $1 $$” have a 63% chance of hearing different answers (3 outcomes across 1 channel)');
    expect(say('en', luck(2))).toContain('across 2 channels)');
    expect(say('zh', luck(2))).toBe('两位顾客询问“{pct} 保吗？$&”时，听到不同答复的概率为 63%（2 个渠道共出现 3 种结果）');
    // Figures are written by Intl in the language's style.
    expect(say('en', { id: 'actionNextMetric', params: { now: 300, target: 1000, unit: { en: 'CNY', zh: '元' } } })).toBe('move this from 300 CNY to 1,000 CNY');
    // Plain workspace text passes through; nothing is nothing.
    expect(say('zh', { en: 'a', zh: '甲' })).toBe('甲');
    expect(say('en', null)).toBe('');
    // A message no catalogue has, or one missing a figure, is a bug in Touchstone: it stops the build.
    expect(() => say('en', { id: 'noSuchMessage', params: {} })).toThrow('the report message "noSuchMessage" is in no catalogue');
    expect(() => say('en', { id: 'findingWrong', params: { question } })).toThrow('UI string findingWrong needs {wrong}');
  });
});

describe('the schemas\' hints', () => {
  it('each has the form\'s word, whose English is the schema\'s own text', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SCHEMA_HINTS, CAPTURE_MESSAGES } = await import('../../src/components/capture/strings.ts');
    const dir = join(import.meta.dirname, '../../schemas');
    const hints = new Set(readdirSync(dir).filter((f) => f.endsWith('.json'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/"patternErrorMessage":\s*("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string)));
    expect(hints.size).toBeGreaterThan(5);
    for (const hint of hints) {
      const key = SCHEMA_HINTS[hint];
      expect(key, hint).toBeDefined();
      expect(ui('en', CAPTURE_MESSAGES[key!])).toBe(hint);
      expect(ui('zh', CAPTURE_MESSAGES[key!])).not.toBe(hint);
    }
  });
});

describe('channel names', () => {
  it('are messages of every catalogue for each channel core knows, and unknown ids show as written', async () => {
    const { KNOWN_CHANNELS } = await import('../../src/core/index.ts');
    const { channelName } = await import('../../src/site/i18n.ts');
    expect(KNOWN_CHANNELS.length).toBeGreaterThan(10);
    for (const id of KNOWN_CHANNELS) {
      expect(channelName(id, 'en')).not.toBe(id);
      expect(channelName(id, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(channelName('carrier-pigeon', 'zh')).toBe('carrier-pigeon');
    // Inside a report message too: a channel is a message parameter, worded in the page's language.
    const text = say('zh', { id: 'findingChannel', params: { channel: { id: 'channel_phone', params: {} }, question: { en: 'Q', zh: '问' }, outcomes: 2, observations: 3, correct: 1 } });
    expect(text).toContain('电话');
  });
});

describe('the files `new` and `init` scaffold', () => {
  it('take every word of their comments from the catalogue of the respondent\'s language', async () => {
    const { join } = await import('node:path');
    const { auditYaml, orgYaml, responseYaml, validateWorkspace } = await import('../../src/core/index.ts');
    const { FIXTURES } = await import('../helpers/cli.ts');
    // A language whose every message is marked ⟦…⟧, line by line: words of core's own would show unmarked.
    const marked = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, v.split('\n').map((l) => `⟦${l}⟧`).join('\n')]));
    addCatalogue('mk', marked);
    const words = (text: Parameters<typeof say>[1]) => say('mk' as 'en', text);
    const q = [...validateWorkspace(join(FIXTURES, 'minimal')).workspace.questionnaires.values()][0]!;
    const files = [
      responseYaml({ schemaPath: 's.json', org: 'acme', version: 'v2', questionnaire: q, respondent: { id: 'ceo', role: 'ceo' }, roleGiven: false, words, carriedFrom: 'v1', carriedFound: true }),
      responseYaml({ schemaPath: 's.json', org: 'acme', version: 'v2', questionnaire: q, respondent: { id: 'cfo', role: 'cfo' }, roleGiven: true, words, carriedFrom: 'v1', carriedFound: false }),
      auditYaml({ schemaPath: 's.json', org: 'acme', version: 'v2', questionnaire: q.key, benchmark: 'b@1', period: { start: '2026-01-01', end: '2026-03-31' }, carriedFrom: 'v1', words }),
      orgYaml({ schemaPath: 's.json', name: 'Acme', industry: { id: 'retail', name: 'Retail' }, locale: 'en', words }),
    ].join('\n');
    for (const word of ['⟦Touchstone response⟧', '⟦Consistency⟧', '⟦n/a allowed.⟧', '⟦then delete `carried-over: true`.⟧', '⟦This respondent did not answer v1', '⟦Touchstone audit acme/v2.', '⟦the industry: a slug id and a name⟧']) {
      expect(files).toContain(word);
    }
    // Outside the marks, no sentence of the scaffold's messages is left.
    const unmarked = files.replace(/⟦[^⟧]*⟧/g, '');
    const scaffoldKeys = (Object.keys(en) as StringKey[]).filter((k) => k.startsWith('scaffold') || k.startsWith('part_'));
    for (const key of scaffoldKeys) {
      for (const piece of en[key].split(/\{\w+\}|\n/).map((x) => x.trim()).filter((x) => x.length > 8)) expect(unmarked, key).not.toContain(piece);
    }
  });
});
