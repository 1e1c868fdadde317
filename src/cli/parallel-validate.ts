import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  filesToParseAhead, validateWorkspace, validators, type Preparsed, type PreparsedFile, type ValidationResult,
} from '../core/index.ts';
import { UsageError } from './output.ts';

// The checkout runs this module as TypeScript, an installed package as the JavaScript `npm pack`
// compiles beside it (scripts/pack.ts): the worker is whichever this module is.
const WORKER = import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js';

/**
 * validateWorkspace with the YAML parsing spread over worker threads. Parsing is most of the
 * time of a large workspace (the yaml package reads about 3 MB/s, and it keeps the positions
 * every diagnostic needs); everything else — which files are read, every check, the order of
 * the diagnostics — stays on this thread and in core, so the result is the same as
 * validateWorkspace's.
 */
export async function validateInParallel(root: string): Promise<ValidationResult> {
  return startValidation(root, { meanwhile: false }).result;
}

/**
 * Starts validating. `threads` says how many worker threads parse (0: the workspace is small
 * and is parsed here, in a moment); meanwhile this thread is free — `touchstone build` starts
 * Astro while the workers parse. `meanwhile: false` says this thread has nothing else to do
 * than wait, so threads are worth starting only for a larger workspace (see MIN_BYTES).
 */
export function startValidation(root: string, { meanwhile = true } = {}): { threads: number; result: Promise<ValidationResult> } {
  const shares = plan(root, meanwhile);
  const result = (async () => {
    let preparsed: Preparsed | undefined;
    if (shares.length > 0) {
      try {
        const results = await Promise.all(shares.map((files) => runWorker(root, files)));
        preparsed = new Map(results.flat());
      } catch (error) {
        // A worker that failed only costs time: everything is parsed here instead. When the
        // thread count was set on purpose (tests, measurements), a failure is a bug to see.
        if (forcedThreads() !== undefined) throw error;
      }
    }
    return validateWorkspace(root, { preparsed });
  })();
  // The workers are starting: compile the schemas' validators now (about 0.12 s), while they
  // parse, rather than after, when every check waits for them.
  if (shares.length > 0) validators();
  return { threads: shares.length, result };
}

/**
 * Below this many bytes of YAML, starting threads costs more than it saves: each takes about
 * 0.1 s to start and to hand its parse back. Measured on 2 cores (`touchstone validate`, 0 and
 * 2 threads, four runs each, 2026-11-24): the sample workspace, 0.74 MB, 0.60-0.64 s / 0.66-0.73 s;
 * generated ones, 1.5 MB 0.93-1.00 s / 0.95-0.99 s, 2.1 MB 1.19-1.25 s / 1.04-1.06 s. When this
 * thread starts Astro meanwhile, threads pay for themselves sooner.
 */
const MIN_BYTES = { waiting: 2 * 1024 * 1024, meanwhile: 512 * 1024 };
/** Threads one can ask for; more only cost memory. */
const MAX_THREADS = 16;

/** TOUCHSTONE_PARSE_THREADS: how many threads parse (0: this thread only); unset or empty: chosen here. */
function forcedThreads(): number | undefined {
  const text = process.env.TOUCHSTONE_PARSE_THREADS?.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > MAX_THREADS) {
    throw new UsageError(`TOUCHSTONE_PARSE_THREADS must be a whole number from 0 to ${MAX_THREADS}, not "${text.slice(0, 40)}"`);
  }
  return Number(text);
}

/** How many worker threads parse `bytes` of YAML (TOUCHSTONE_PARSE_THREADS, when set, decides instead). */
export function parseThreads(bytes: number, { meanwhile, cores }: { meanwhile: boolean; cores: number }): number {
  const minBytes = meanwhile ? MIN_BYTES.meanwhile : MIN_BYTES.waiting;
  // On one core a thread only takes turns with this one.
  return bytes < minBytes || cores < 2 ? 0 : Math.min(cores, 4, Math.ceil(bytes / minBytes));
}

/** The files each worker thread parses; none when the workspace is small. */
function plan(root: string, meanwhile: boolean): string[][] {
  const files = filesToParseAhead(root);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const threads = forcedThreads() ?? parseThreads(bytes, { meanwhile, cores: availableParallelism() });
  if (threads === 0 || files.length === 0) return [];
  // Largest first, each to the least loaded thread: the threads finish together.
  const shares = Array.from({ length: threads }, () => ({ bytes: 0, files: [] as string[] }));
  for (const file of files.sort((a, b) => b.size - a.size)) {
    const share = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    share.bytes += file.size;
    share.files.push(file.rel);
  }
  return shares.map((s) => s.files).filter((f) => f.length > 0);
}

function runWorker(root: string, files: string[]): Promise<[string, PreparsedFile][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(WORKER, import.meta.url), { workerData: { root, files } });
    const parsed: [string, PreparsedFile][] = [];
    worker.on('message', (message: [string, PreparsedFile] | null) => {
      if (message === null) resolve(parsed);
      else parsed.push(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`parse worker exited with code ${code}`)));
  });
}
