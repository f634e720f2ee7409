// Throw-away Redis and PostgreSQL servers for tests: each on a free local port, its data in a
// temporary folder, stopped (and the folder removed) by `stop()`. Where the binaries are missing the
// starters return null and say so once, so the tests that need them are skipped, not failed.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Service {
  url: string;
  stop: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const REDIS = process.env.LKJIP_REDIS_SERVER ?? which('redis-server');

/** Why the Redis tests cannot run here, or null when they can. */
export const redisMissing: string | null = REDIS ? null : 'no redis-server on the PATH (apt-get install -y redis-server)';

/**
 * Starts redis-server on a free port with nothing persisted.
 *
 * @example
 *   const redis = await startRedis(); // { url: 'redis://127.0.0.1:41234', stop }
 */
export async function startRedis(): Promise<Service> {
  if (!REDIS) throw new Error(redisMissing!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-redis-'));
  const port = await freePort();
  const child = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitForPort(port, child, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The folder of PostgreSQL's server programs (initdb, pg_ctl), the newest installed. */
function postgresBin(): string | null {
  if (process.env.LKJIP_PG_BIN) return process.env.LKJIP_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return path.join(root, newest, 'bin');
  const initdb = which('initdb');
  return initdb ? path.dirname(initdb) : null;
}

const PG_BIN = postgresBin();
const IS_ROOT = process.getuid?.() === 0;
// PostgreSQL refuses to run as root: then the server runs as the `postgres` user via runuser.
const PG_USER = IS_ROOT ? pgSystemUser() : null;

function pgSystemUser(): { uid: number; gid: number } | null {
  if (!which('runuser')) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export const postgresMissing: string | null = !PG_BIN
  ? 'no PostgreSQL server programs in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)'
  : IS_ROOT && !PG_USER
    ? 'running as root without a `postgres` user and runuser to start PostgreSQL as'
    : null;

/**
 * Creates a cluster in a temporary folder and starts it on a free port (trust authentication,
 * no fsync); the URL names the `postgres` database as the `postgres` role.
 *
 * @example
 *   const pg = await startPostgres(); // { url: 'postgres://postgres@127.0.0.1:41235/postgres', stop }
 */
export async function startPostgres(): Promise<Service> {
  if (postgresMissing) throw new Error(postgresMissing);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-pg-'));
  chmodSync(dir, 0o700);
  if (PG_USER) chownSync(dir, PG_USER.uid, PG_USER.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const as = (cmd: string, args: string[]) => (PG_USER ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];
  const run = (cmd: string, args: string[]) => {
    const [c, a] = as(path.join(PG_BIN!, cmd), args);
    const r = spawnSync(c, a, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not listen on port ${port} within 20 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
