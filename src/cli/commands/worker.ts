import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { positiveInt } from '../util.js';

export function register(program: Command): void {
  program
    .command('worker')
    .description('Audit the files that `lkjip batch --queue` puts on a BullMQ queue; run one or more on every machine to spare')
    .requiredOption('--queue <redis-url>', 'the Redis holding the queue (redis://host:6379)')
    .option('--concurrency <n>', 'files audited at the same time', '1')
    .option('--db <location>', 'store to share (postgres://… with `lkjip serve`): results found there are not recomputed, new ones are kept')
    .option('--lock-timeout <seconds>', 'a job whose worker stops answering for this long goes to another worker', '30')
    .option('--grace <seconds>', 'on SIGTERM or SIGINT, how long current jobs may finish before they are handed back to the queue', '60')
    .action(async (o: { queue: string; concurrency: string; db?: string; lockTimeout: string; grace: string }) => {
      const concurrency = positiveInt(o.concurrency, '--concurrency');
      const lockMs = positiveInt(o.lockTimeout, '--lock-timeout') * 1000;
      const graceMs = Number(o.grace) * 1000;
      if (!Number.isFinite(graceMs) || graceMs < 0) throw new AppError('E_BAD_ARGUMENT', `--grace must be a number of seconds, at least 0 (got "${o.grace}")`, { stage: 'cli' });
      const { startQueueWorker } = await import('../../queue/worker.js');
      const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
      const worker = startQueueWorker({ queue: o.queue, concurrency, lockMs, graceMs, ...(o.db ? { db: o.db } : {}), onLog: log });
      let signals = 0;
      const stop = (signal: string) => {
        // A second signal hands the current jobs back at once.
        const now = ++signals > 1;
        log(`${signal}: ${now ? 'handing back current jobs' : `taking no new job; current ones have ${o.grace} s to finish`}`);
        void worker.close(now ? { graceMs: 0 } : {}).then(() => log('stopped'));
      };
      // Handled from the start: a job taken while the worker still connects is handed back too.
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      await worker.ready;
    });
}
