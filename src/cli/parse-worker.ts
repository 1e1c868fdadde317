// A worker thread of parallel-validate.ts: parses the YAML files it is given and sends back
// each one's ParsedYaml and diagnostics, one message per file. It reads nothing it was not given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseAhead, type PreparsedFile } from '../core/read/load.ts';

// The yaml package reads process.env.LOG_TOKENS for every token it lexes, and process.env is a
// slow lookup into the real environment (about 150 ns): a fifth of this thread's time. A plain
// copy of it answers in a few nanoseconds; this thread starts nothing that needs the real one.
process.env = { ...process.env };

const { root, files } = workerData as { root: string; files: string[] };
// Each file's parse goes back as soon as it is done, rather than all at the end: kept here until
// the end, the parses outlived the young generation and were copied and promoted, a twentieth of
// this thread's time; sent at once, they die young here. `null` says there are no more.
for (const rel of files) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(root, rel));
  } catch {
    continue; // gone or unreadable since it was listed: the main thread reads it and says so
  }
  parentPort!.postMessage([rel, parseAhead(rel, bytes)] satisfies [string, PreparsedFile]);
}
parentPort!.postMessage(null);
