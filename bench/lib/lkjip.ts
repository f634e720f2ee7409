/**
 * Loads the pipeline lazily so the first import (pdfjs and the layout code) is timed as start-up
 * rather than hidden in the runner's own import graph.
 */
type Pipeline = typeof import('../../src/pipeline/tables.js');

let loaded: Promise<{ pipeline: Pipeline; loadSeconds: number }> | undefined;

/**
 * The pipeline module and how long its first import took, in seconds.
 *
 * @example
 *   const { pipeline, loadSeconds } = await loadPipeline();
 *   await pipeline.readTables('samples/003_eded5028092eddcb.pdf');
 */
export function loadPipeline(): Promise<{ pipeline: Pipeline; loadSeconds: number }> {
  loaded ??= (async () => {
    const start = performance.now();
    const pipeline = await import('../../src/pipeline/tables.js');
    return { pipeline, loadSeconds: (performance.now() - start) / 1000 };
  })();
  return loaded;
}

export interface ColdStart {
  /** Whole child process, node and tsx start-up included. */
  processSeconds: number;
  /** First import of the pipeline in the child. */
  importSeconds: number;
  /** First `readTables` call in the child. */
  firstCallSeconds: number;
}

/**
 * Times a cold start in a fresh node process: importing the pipeline and the first `readTables`
 * call on `pages` (a contiguous range, or all pages).
 *
 * @example
 *   const cold = await coldStart('samples/003_eded5028092eddcb.pdf', [1, 67]);
 */
export async function coldStart(file: string, range?: [number, number]): Promise<ColdStart> {
  const { execFile } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('./startup.ts', import.meta.url));
  const args = ['--import', 'tsx', script, file, ...(range ? [`${range[0]}-${range[1]}`] : [])];
  const start = performance.now();
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, out) => (err ? reject(err) : resolve(out))),
  );
  const processSeconds = (performance.now() - start) / 1000;
  const parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Omit<ColdStart, 'processSeconds'>;
  return { processSeconds, ...parsed };
}
