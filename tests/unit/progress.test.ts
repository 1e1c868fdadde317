import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../src/cli/progress.ts';

/** A stream that keeps what is written to it. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => { written.push(text); return true; } };
}

describe('the build\'s status line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('in a log, prints a step at once and an update at most every ten seconds, and says when one is due', () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const log = stream(false);
    const progress = new Progress(log);
    expect(progress.due()).toBe(false); // no step yet: nothing to update
    progress.step('writing pages');
    expect(log.written).toEqual(['writing pages…\n']);
    now += 9_999;
    expect(progress.due()).toBe(false);
    progress.update('10 pages written');
    expect(log.written).toHaveLength(1);
    now += 1;
    expect(progress.due()).toBe(true);
    progress.update('20 pages written');
    expect(log.written).toEqual(['writing pages…\n', 'writing pages… 20 pages written\n']);
    expect(progress.due()).toBe(false);
    progress.done();
    now += 60_000;
    expect(progress.due()).toBe(false); // done: nothing to update
  });

  it('on a terminal, rewrites one line, every update due, and clears it when done', () => {
    const terminal = stream(true);
    const progress = new Progress(terminal);
    progress.step('validating');
    expect(progress.due()).toBe(true);
    progress.update('1 page written');
    progress.done();
    expect(terminal.written).toEqual(['\r\x1b[2Kvalidating…', '\r\x1b[2Kvalidating… 1 page written', '\r\x1b[2K']);
  });
});
