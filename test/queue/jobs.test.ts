import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { jobId, reachable, redactRedis, redisConnection } from '../../src/queue/jobs.js';
import { sha } from '../store/fixtures.js';

describe('queue jobs', () => {
  it('name a job by content hash and result version', () => {
    const a = jobId(sha('a'), 's1-abc');
    expect(a.startsWith(`${sha('a')}-`)).toBe(true);
    expect(jobId(sha('a'), 's1-abc')).toBe(a);
    expect(jobId(sha('a'), 's1-abc+no-ocr')).not.toBe(a);
    expect(jobId(sha('b'), 's1-abc')).not.toBe(a);
    // BullMQ keys use ':' as a separator.
    expect(a).not.toContain(':');
  });

  it('take redis:// and rediss:// locations and refuse anything else (E_BAD_ARGUMENT)', () => {
    expect(redisConnection('redis://10.0.0.5:6379').url).toBe('redis://10.0.0.5:6379');
    expect(redisConnection('rediss://:pw@cache.internal:6380/2').url).toBe('rediss://:pw@cache.internal:6380/2');
    for (const bad of ['http://x:6379', 'localhost:6379', 'redis://', '']) {
      let err: unknown;
      try {
        redisConnection(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('E_BAD_ARGUMENT');
    }
  });

  it('hide a password in messages', () => {
    expect(redactRedis('redis://:s3cret@host:6379')).toBe('redis://:***@host:6379');
    expect(redactRedis('redis://user:s3cret@host:6379/1')).toBe('redis://user:***@host:6379/1');
    expect(redactRedis('redis://host:6379')).toBe('redis://host:6379');
  });

  it('give up on a Redis that does not answer with E_QUEUE', async () => {
    const err = await reachable(new Promise(() => undefined), 'redis://:pw@10.255.255.1:6379', 50).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('E_QUEUE');
    expect((err as AppError).message).not.toContain(':pw@');
    await expect(reachable(Promise.resolve(7), 'redis://h:1', 50)).resolves.toBe(7);
  });
});

describe('queue options on the command line', () => {
  it('refuse --db and --concurrency on a queued batch, and a worker without a Redis URL (exit 2)', async () => {
    const { run } = await import('../../src/cli/main.js');
    const write = process.stderr.write.bind(process.stderr);
    let err = '';
    process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
    try {
      expect(await run(['batch', 'test/fixtures/pdf', '--out', 'unused', '--queue', 'redis://127.0.0.1:1', '--db', 'x.db'])).toBe(2);
      expect(err).toMatch(/E_BAD_ARGUMENT: With --queue the workers keep the results/);
      expect(await run(['batch', 'test/fixtures/pdf', '--out', 'unused', '--queue', 'redis://127.0.0.1:1', '--concurrency', '2'])).toBe(2);
      expect(await run(['worker', '--queue', 'http://127.0.0.1:6379'])).toBe(2);
      expect(err).toMatch(/E_BAD_ARGUMENT: --queue must be a Redis URL/);
    } finally {
      process.stderr.write = write;
    }
  });
});
