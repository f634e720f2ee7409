/** The thread of computeInThread (thread.ts): computes one file and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../errors.js';
import { computeAudit } from './cache.js';
import type { FromCompute, ThreadOptions } from './thread.js';

const { file, opts } = workerData as { file: string; opts: ThreadOptions };
const post = (m: FromCompute) => parentPort!.postMessage(m);

try {
  const computed = await computeAudit(file, { ...opts, onProgress: (progress) => post({ type: 'progress', progress }) });
  post({ type: 'done', computed });
} catch (err) {
  const e = toAppError(err, { stage: 'server', file });
  post({ type: 'error', error: { code: e.code, message: e.message, context: e.context } });
}
