/**
 * A helper thread of `readPdf` (see pdf-threads.ts): opens its copy of the document and reads the
 * next unread page until none is left, posting each as it is read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPdf, readPageOrWarn } from './pdf.js';
import type { FromThread, ThreadJob } from './pdf-threads.js';

const { bytes, file, wanted, counter } = workerData as ThreadJob;
const next = new Int32Array(counter);
const post = (m: FromThread) => parentPort?.postMessage(m);
const doc = await openPdf(bytes, file);
try {
  for (let i = Atomics.add(next, 0, 1); i < wanted.length; i = Atomics.add(next, 0, 1)) post({ type: 'page', read: await readPageOrWarn(doc, wanted[i]!) });
} finally {
  await doc.destroy();
}
post({ type: 'done' });
