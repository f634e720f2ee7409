// Starting the app on an ephemeral port and talking to it with fetch, as a client would.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startServer, type AppOptions, type RunningServer } from '../../src/server/index.js';
import { createMemoryStore } from '../../src/store/index.js';

export const SEED = 'samples/003_eded5028092eddcb.pdf';
export const SMALL = 'test/fixtures/pdf/bordered.lo.pdf';

export async function start(opts: Partial<AppOptions> = {}): Promise<RunningServer & { store: AppOptions['store'] }> {
  const store = opts.store ?? createMemoryStore();
  const server = await startServer({ store, pipeline: { ocr: 'off' }, log: () => undefined, ...opts });
  return Object.assign(server, { store });
}

export function form(file: string | { name: string; bytes: Uint8Array }, field = 'file'): FormData {
  const f = typeof file === 'string' ? { name: path.basename(file), bytes: readFileSync(file) } : file;
  const fd = new FormData();
  fd.append(field, new Blob([new Uint8Array(f.bytes)], { type: 'application/pdf' }), f.name);
  return fd;
}

export async function upload(url: string, file: Parameters<typeof form>[0], headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/documents`, { method: 'POST', body: form(file), headers });
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Polls a document until it is done or failed. */
export async function settle(url: string, id: string, headers: Record<string, string> = {}, timeoutMs = 110_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const doc = await json(await fetch(`${url}/api/documents/${id}`, { headers }));
    if (doc.status === 'done' || doc.status === 'failed') return doc;
    if (Date.now() > until) throw new Error(`document ${id} still ${String(doc.status)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Sends bytes as they are (fetch would fix the framing and the path) and reads the answer. */
export async function rawRequest(url: string, head: string, body = '', headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  const extra = Object.entries({ Host: u.host, ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const req = `${head}\r\n${extra}Connection: close\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`;
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(u.port), u.hostname, () => socket.write(req, 'latin1'));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(data));
  });
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  return { status, body: text.slice(text.indexOf('\r\n\r\n') + 4) };
}
