// Which addresses `touchstone dev --host` warns about: everything but this machine's loopback.
import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/cli/commands/dev.ts';

describe('touchstone dev --host', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])('treats %s as this machine only', (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '[::]', '192.168.1.20', '10.0.0.5', 'fe80::1', 'laptop.local', '127.0.0.1.example.com', '1270.0.0.1'])('treats %s as the network', (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});
