const PLAIN_EVERY_MS = 10_000;

/**
 * One status line for a long build: rewritten in place on a terminal, printed as plain lines
 * (at most every ten seconds) in CI logs, so that neither fills with noise.
 */
export class Progress {
  private label = '';
  private lastPlain = 0;
  private readonly stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>;

  constructor(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>) {
    this.stream = stream;
  }

  step(label: string): void {
    this.done();
    this.label = label;
    this.write(`${label}…`, true);
  }

  /** Whether an update now would be shown (on a terminal: always; in a log: every ten seconds). */
  due(): boolean {
    return this.label !== '' && (this.stream.isTTY || this.plainDue());
  }

  update(detail: string): void {
    if (this.label) this.write(`${this.label}… ${detail}`, false);
  }

  done(): void {
    if (this.label && this.stream.isTTY) this.stream.write('\r\x1b[2K');
    this.label = '';
  }

  private write(text: string, always: boolean): void {
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${text}`);
      return;
    }
    if (always || this.plainDue()) {
      this.stream.write(`${text}\n`);
      this.lastPlain = performance.now();
    }
  }

  private plainDue(): boolean {
    return performance.now() - this.lastPlain >= PLAIN_EVERY_MS;
  }
}
