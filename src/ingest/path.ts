import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The path to open for a name as the command line gave it. A file name that is not valid UTF-8
 * reaches Node with U+FFFD in place of its odd bytes and cannot be opened by that string; when
 * such a name does not exist, each of its parts is matched against the folder's raw (byte) entries,
 * and the file's byte path is returned when exactly one entry matches.
 *
 * @example
 *   await openablePath('laporan-\uFFFD.pdf'); // <Buffer 6c 61 … ff 2e 70 64 66>
 */
export async function openablePath(file: string): Promise<string | Buffer> {
  if (!file.includes('\uFFFD') || (await stat(file).catch(() => null))) return file;
  const abs = path.resolve(file);
  let at: Buffer = Buffer.from(path.parse(abs).root);
  for (const part of abs.slice(path.parse(abs).root.length).split(path.sep).filter(Boolean)) {
    let next: Buffer = Buffer.from(part);
    if (part.includes('\uFFFD')) {
      const entries = await readdir(at, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
      const matches = entries.filter((e) => e.toString('utf8') === part);
      if (matches.length !== 1) return file;
      next = matches[0]!;
    }
    at = at.length && at[at.length - 1] === 0x2f ? Buffer.concat([at, next]) : Buffer.concat([at, Buffer.from(path.sep), next]);
  }
  return at;
}
