/**
 * Starting and stopping the web app: used by `lkjip serve` and by the API and browser tests.
 */
import type { AddressInfo } from 'node:net';
import { AppError } from '../errors.js';
import type { Store } from '../store/index.js';
import { createApp, type AppOptions, type LkjipApp } from './app.js';

export { createApp, type AppOptions, type LkjipApp } from './app.js';
export type { Answerer, AskInput } from './chat.js';

export interface RunningServer {
  url: string;
  app: LkjipApp;
  /** Stops taking requests, lets running jobs finish, and closes the store when `closeStore`. */
  close(opts?: { closeStore?: boolean }): Promise<void>;
}

/**
 * Listens on host:port (port 0: any free port).
 *
 * @example
 *   const server = await startServer({ store: createMemoryStore() }, { port: 0 });
 *   await fetch(`${server.url}/api/health`);
 *   await server.close();
 */
export async function startServer(opts: AppOptions, listen: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const host = listen.host ?? '127.0.0.1';
  if (!opts.auth && !opts.insecureNoToken && !isLoopback(host)) {
    throw new AppError('E_BAD_ARGUMENT', `Listening on ${host} without a token would let anyone who reaches it upload and read reports: set a token (--token or LKJIP_TOKEN), or pass --insecure-no-token`, { stage: 'server' });
  }
  const app = createApp(opts);
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(listen.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  }).catch((err: NodeJS.ErrnoException) => {
    void app.jobs.close();
    const why = err.code === 'EADDRINUSE' ? `port ${listen.port} is already in use` : err.code === 'EACCES' ? `no permission to listen on port ${listen.port}` : err.message;
    throw new AppError('E_BAD_ARGUMENT', `Cannot listen on ${host}:${listen.port}: ${why}`, { stage: 'server' }, { cause: err });
  });
  await app.ready;
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    app,
    async close({ closeStore = false } = {}) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests still running get a moment to finish; keep-alive sockets do not hold the close.
      const force = setTimeout(() => server.closeAllConnections(), 2000).unref();
      await closed;
      clearTimeout(force);
      await app.jobs.close();
      if (closeStore) await (opts.store as Store).close();
    },
  };
}

/** Loopback addresses and names: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
