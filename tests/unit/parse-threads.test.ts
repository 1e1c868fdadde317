import { describe, expect, it } from 'vitest';
import { parseThreads } from '../../src/cli/parallel-validate.ts';

// When worker threads parse (src/cli/parallel-validate.ts): each costs about 0.15 s to start and
// to hand its parse back, which `touchstone validate` waits through, while `touchstone build`
// starts Astro meanwhile. The sizes are the sample workspace's and the bench's.
describe('parse threads', () => {
  const MB = 1024 * 1024;
  it('parses a workspace the size of the sample (0.7 MB) on the main thread when it only waits, on threads while Astro starts', () => {
    expect(parseThreads(0.7 * MB, { meanwhile: false, cores: 2 })).toBe(0);
    expect(parseThreads(0.7 * MB, { meanwhile: true, cores: 2 })).toBe(2);
  });
  it('uses threads for a portfolio either way, at most one per core and at most 4', () => {
    expect(parseThreads(3.1 * MB, { meanwhile: false, cores: 2 })).toBe(2);
    expect(parseThreads(10.9 * MB, { meanwhile: false, cores: 2 })).toBe(2);
    expect(parseThreads(10.9 * MB, { meanwhile: true, cores: 16 })).toBe(4);
  });
  it('uses none on one core, where a thread only takes turns with the main one', () => {
    expect(parseThreads(10.9 * MB, { meanwhile: false, cores: 1 })).toBe(0);
    expect(parseThreads(10.9 * MB, { meanwhile: true, cores: 1 })).toBe(0);
  });
  it('uses none for a small workspace', () => {
    expect(parseThreads(100 * 1024, { meanwhile: true, cores: 8 })).toBe(0);
    expect(parseThreads(0, { meanwhile: false, cores: 8 })).toBe(0);
  });
});
