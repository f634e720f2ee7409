import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * sha256 over the parts, joined unambiguously.
 *
 * @example
 *   contentHash('table-structure.v1', '{"id":"t7",…}'); // '3f1c…' (64 hex digits)
 */
export function contentHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.length}:${p}\n`);
  return h.digest('hex');
}

/**
 * A directory of JSON answers by content hash, so a re-run asks the model nothing. Writes go
 * through a temporary file and a rename, so a killed run never leaves half a file behind.
 *
 * @example
 *   const cache = new JsonCache('.lkjip/cache', 'table-structure');
 *   await cache.set(key, answer);
 *   await cache.get(key); // answer
 */
export class JsonCache {
  readonly dir: string;

  constructor(root: string, namespace: string) {
    this.dir = path.join(root, namespace);
  }

  async get<T>(key: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file(key), 'utf8')) as T;
    } catch {
      // Missing or unreadable: the answer is simply asked again.
      return null;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file(key)}.${randomUUID()}.tmp`;
    await writeFile(tmp, JSON.stringify(value, null, 2) + '\n');
    await rename(tmp, this.file(key));
  }

  private file(key: string): string {
    if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`not a content hash: ${key}`);
    return path.join(this.dir, `${key}.json`);
  }
}
