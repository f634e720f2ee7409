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
