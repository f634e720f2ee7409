/** The thread of computeInThread and ComputeThreads (thread.ts): computes each file it is sent, one at a time, and posts the result. */
import { parentPort } from 'node:worker_threads';
import { toAppError } from '../errors.js';
import { watchTools } from '../ingest/tools.js';
import { computeAudit } from './cache.js';
import type { FromCompute, ToCompute } from './thread.js';

const post = (m: FromCompute) => parentPort!.postMessage(m);
// The tools OCR runs are told to the other thread, which kills them if it ends this one meanwhile.
watchTools((pid, running) => post({ type: 'tool', pid, running }));

parentPort!.on('message', ({ file, opts }: ToCompute) => {
  void (async () => {
    try {
      const computed = await computeAudit(file, { ...opts, onProgress: (progress) => post({ type: 'progress', progress }) });
      post({ type: 'done', computed });
    } catch (err) {
      const e = toAppError(err, { stage: 'server', file });
      post({ type: 'error', error: { code: e.code, message: e.message, context: e.context } });
    }
  })();
});
