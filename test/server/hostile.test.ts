// Requests a browser would never send: malformed multipart bodies, paths that escape or miss the
// static folders. Each gets a coded 4xx answer and leaves no stack trace in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, start } from './helpers.js';

type Server = Awaited<ReturnType<typeof start>>;

const UPLOAD = 'POST /api/documents HTTP/1.1';
const PART = '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n';

describe('hostile requests', () => {
  let s: Server;
  const logs: string[] = [];
  beforeAll(async () => {
    s = await start({ log: (line) => logs.push(line) });
  });
  afterAll(() => s.close());

  it.each([
    ['no boundary', 'multipart/form-data', 'hello'],
    ['a truncated body', 'multipart/form-data; boundary=XX', `${PART}%PDF-1.4 cut here`],
    ['garbage', 'multipart/form-data; boundary=XX', '\x00\x01\x02garbage\xff\xfe'],
    ['a malformed part header', 'multipart/form-data; boundary=XX', '--XX\r\nContent-Disp\x00\r\n\r\nx\r\n--XX--\r\n'],
    ['an empty body', 'multipart/form-data; boundary=XX', ''],
    ['no multipart at all', 'text/plain', '%PDF-1.4'],
  ])('an upload with %s is a 400 E_BAD_ARGUMENT', async (_what, type, body) => {
    const res = await rawRequest(s.url, UPLOAD, body, { 'Content-Type': type });
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
    const res = await rawRequest(s.url, `GET ${p} HTTP/1.1`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'E_NOT_FOUND' } });
  });

  it('still serves the renderer', async () => {
    const res = await rawRequest(s.url, 'GET /vendor/pdfjs/build/pdf.mjs HTTP/1.1');
    expect(res.status).toBe(200);
  });

  it('logged no stack trace for any of them', () => {
    expect(logs.filter((l) => /\n\s+at /.test(l))).toEqual([]);
  });
});
