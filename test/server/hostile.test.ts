// Requests a browser would never send: malformed multipart bodies, paths that escape or miss the
// static folders. Each gets a coded 4xx answer and leaves no stack trace in the log.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { createMemoryStore } from '../../src/store/index.js';
import { rawRequest, start } from './helpers.js';

type Server = Awaited<ReturnType<typeof start>>;

const exec = promisify(execFile);
const UPLOAD = 'POST /api/documents HTTP/1.1';
const PART = '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n';

/** Each hostile request is answered within this, and all of them leave the server's memory within HOSTILE_MEMORY_MB of where it started. */
const ANSWER_MS = 2000;
const HOSTILE_MEMORY_MB = 200;

describe('hostile requests', () => {
  let s: Server;
  const logs: string[] = [];
  let rss = 0;
  beforeAll(async () => {
    s = await start({ log: (line) => logs.push(line) });
    rss = process.memoryUsage().rss;
  });
  /** rawRequest, answered within ANSWER_MS. */
  const timed = async (...args: Parameters<typeof rawRequest>) => {
    const t = performance.now();
    const res = await rawRequest(...args);
    expect(performance.now() - t).toBeLessThan(ANSWER_MS);
    return res;
  };
  afterAll(() => s.close());

  it.each([
    ['no boundary', 'multipart/form-data', 'hello'],
    ['a truncated body', 'multipart/form-data; boundary=XX', `${PART}%PDF-1.4 cut here`],
    ['garbage', 'multipart/form-data; boundary=XX', '\x00\x01\x02garbage\xff\xfe'],
    ['a malformed part header', 'multipart/form-data; boundary=XX', '--XX\r\nContent-Disp\x00\r\n\r\nx\r\n--XX--\r\n'],
    ['an empty body', 'multipart/form-data; boundary=XX', ''],
    ['no multipart at all', 'text/plain', '%PDF-1.4'],
  ])('an upload with %s is a 400 E_BAD_ARGUMENT', async (_what, type, body) => {
    const res = await timed(s.url, UPLOAD, body, { 'Content-Type': type });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'E_BAD_ARGUMENT' } });
  });

  it.each([
    '/vendor/pdfjs/build/nope.mjs',
    '/vendor/pdfjs/build/%2e%2e/%2e%2e/package.json',
    '/vendor/pdfjs/build/..%2f..%2fpackage.json',
    '/vendor/pdfjs/build/%ZZ',
    '/vendor/pdfjs/build',
    '/vendor/pdfjs/cmaps/',
    '/vendor/pdfjs/',
    '/%2e%2e/%2e%2e/package.json',
    '/index.html/..%5c..%5cpackage.json',
    '/%ZZ',
  ])('GET %s is a 404 E_NOT_FOUND', async (p) => {
    const res = await timed(s.url, `GET ${p} HTTP/1.1`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'E_NOT_FOUND' } });
  });

  it('still serves the renderer', async () => {
    const res = await rawRequest(s.url, 'GET /vendor/pdfjs/build/pdf.mjs HTTP/1.1');
    expect(res.status).toBe(200);
  });

  it('logged no stack trace for any of them, and stayed within a memory bound', () => {
    expect(logs.filter((l) => /\n\s+at /.test(l))).toEqual([]);
    expect((process.memoryUsage().rss - rss) / 1048576).toBeLessThan(HOSTILE_MEMORY_MB);
  });
});

describe('a server without a token answers only requests addressed to it', () => {
  let s: Server;
  let port: string;
  beforeAll(async () => {
    s = await start();
    port = new URL(s.url).port;
  });
  afterAll(() => s.close());

  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1:1', '127.0.0.1', 'rebound.example:PORT', '10.0.0.1:PORT'])('refuses Host "%s" with 403 E_FORBIDDEN', async (host) => {
    for (const p of ['/api/documents', '/']) {
      const res = await rawRequest(s.url, `GET ${p} HTTP/1.1`, '', { Host: host.replace('PORT', port) });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'E_FORBIDDEN' } });
    }
  });

  it('accepts every loopback name with its port', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST']) {
      expect((await rawRequest(s.url, 'GET /api/documents HTTP/1.1', '', { Host: `${name}:${port}` })).status).toBe(200);
    }
  });

  it('refuses an upload from another site, and accepts one from its own page', async () => {
    const body = `${PART}%PDF-1.4\r\n--XX--\r\n`;
    const type = { 'Content-Type': 'multipart/form-data; boundary=XX' };
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`]) {
      const res = await rawRequest(s.url, UPLOAD, body, { ...type, Origin: origin });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'E_FORBIDDEN' } });
    }
    expect(await s.store.listDocuments()).toEqual([]);
    const own = await rawRequest(s.url, UPLOAD, body, { ...type, Origin: `http://127.0.0.1:${port}` });
    expect(own.status).not.toBe(403);
  });
});

describe('authentication fails closed', () => {
  it('refuses an empty token', async () => {
    await expect(start({ auth: { token: '' } })).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });
    await expect(start({ auth: { token: '  ' } })).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });
  });

  it('refuses to listen beyond loopback without a token, unless told it is on purpose', async () => {
    await expect(startServer({ store: createMemoryStore(), log: () => undefined }, { host: '0.0.0.0' })).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });
    const open = await startServer({ store: createMemoryStore(), log: () => undefined, insecureNoToken: true }, { host: '0.0.0.0' });
    try {
      const url = open.url.replace('0.0.0.0', '127.0.0.1');
      expect((await rawRequest(url, 'GET /api/documents HTTP/1.1', '', { Host: 'reports.example' })).status).toBe(200);
      expect((await rawRequest(url, 'GET /api/documents HTTP/1.1', '', { Host: 'reports.example', Origin: 'http://evil.example' })).status).toBe(403);
    } finally {
      await open.close();
    }
  });

  it('with a token, any Host is answered and the token decides', async () => {
    const s = await start({ auth: { token: 't0ken' } });
    try {
      expect((await rawRequest(s.url, 'GET /api/documents HTTP/1.1', '', { Host: 'reports.example' })).status).toBe(401);
      expect((await rawRequest(s.url, 'GET /api/documents HTTP/1.1', '', { Host: 'reports.example', Authorization: 'Bearer t0ken' })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('lkjip serve refuses --token "" and a public --host without a token', async () => {
    for (const args of [['--token', ''], ['--host', '0.0.0.0']]) {
      const r = await lkjip(['serve', '--port', '0', '--db', 'memory:', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^lkjip: E_BAD_ARGUMENT: .*(empty|insecure-no-token)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

async function lkjip(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', ['bin/lkjip.js', ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
