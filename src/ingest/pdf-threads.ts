/**
 * Reading a PDF's pages on several threads. Each helper thread opens its own copy of the document
 * and takes the next unread page from a counter it shares with the others and with the calling
 * thread, which reads pages too; so a slow page holds up no one, and the pages come back in the
 * order they finish (the caller puts them in page order). pdf.js gives the same words and rules for
 * a page whichever thread reads it. A thread that cannot start or dies is no error: the caller reads
 * the pages it did not deliver.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageRead } from './pdf.js';

/** What a helper thread is given (pdf-thread.ts). */
export interface ThreadJob {
  bytes: Uint8Array;
  file: string;
  wanted: number[];
  /** One Int32: the index into `wanted` of the next page to claim. */
  counter: SharedArrayBuffer;
}

export type FromThread = { type: 'page'; read: PageRead } | { type: 'done' };

/**
 * How many threads read a document of `pages` pages, the caller's included: the threads asked for,
 * at most one a page; one unless asked. A helper thread loads pdf.js, parses the document and warms
 * up on its own (about 0.3 s of a core before its first page, and its own copy of every font) while
 * a page costs 10–30 ms, so more threads pay only on long documents with cores to spare. Measured on
 * 2 cores that other work kept busy: 67 pages 2.5–2.9 s on two threads against 2.1–2.4 s on one,
 * 1,005 pages 14.3–15.1 s against 14.3–15.3 s, with an eighth more CPU time and 40 MiB more memory.
 *
 * @example
 *   threadCount(undefined, 67); // 1
 *   threadCount(3, 67);         // 3
 *   threadCount(4, 2);          // 2
 */
export function threadCount(requested: number | undefined, pages: number): number {
  return Math.max(1, Math.min(requested ?? 1, pages));
}

export interface Helpers {
  /** The index into the wanted pages that the caller reads next; past the end when none is left. */
  claim(): number;
  /** Settles when every helper thread has ended, whichever way. */
  finished: Promise<void>;
}

/**
 * Starts `threads - 1` helper threads on the document; each page one of them reads is handed to
 * `onPage`. The caller claims pages with `claim()` until none is left, then awaits `finished`.
 *
 * @example
 *   const helpers = readInThreads(bytes, file, wanted, 2, (r) => read.set(r.page.page, r));
 *   for (let i = helpers.claim(); i < wanted.length; i = helpers.claim()) {
 *     const r = await readPageOrWarn(doc, wanted[i]);
 *     read.set(r.page.page, r);
 *   }
 *   await helpers.finished;
 */
export function readInThreads(bytes: Uint8Array, file: string, wanted: number[], threads: number, onPage: (read: PageRead) => void): Helpers {
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const claim = (): number => Atomics.add(next, 0, 1);
  const job: ThreadJob = { bytes, file, wanted, counter };
  const helpers = Array.from({ length: Math.max(0, threads - 1) }, () => helper(job, onPage));
  return { claim, finished: Promise.all(helpers).then(() => undefined) };
}

function helper(job: ThreadJob, onPage: (read: PageRead) => void): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = start(job);
    } catch {
      resolve();
      return;
    }
    worker.on('message', (m: FromThread) => {
      if (m.type === 'page') onPage(m.read);
      else void worker.terminate();
    });
    // The pages it claimed and did not deliver are read by the caller.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve());
  });
}

function start(job: ThreadJob): Worker {
  if (fileURLToPath(import.meta.url).endsWith('.js')) return new Worker(new URL('./pdf-thread.js', import.meta.url), { workerData: job });
  // From the TypeScript sources (tsx, vitest): the thread registers tsx, then loads its entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./pdf-thread.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: job });
}
