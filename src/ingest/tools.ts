/**
 * The external tools (pdftoppm, tesseract) a thread has running, told to whoever must be able to
 * stop them from outside: a thread that is ended while it waits on a tool (a job's timeout) cannot
 * kill that tool itself, so the thread that ends it does (see pipeline/thread.ts).
 */
type ToolWatcher = (pid: number, running: boolean) => void;

let watcher: ToolWatcher | undefined;

/**
 * Sets the function told of each tool process as it starts (`running` true) and ends.
 *
 * @example
 *   watchTools((pid, running) => parentPort!.postMessage({ type: 'tool', pid, running }));
 */
export function watchTools(fn: ToolWatcher | undefined): void {
  watcher = fn;
}

/** Tells the watcher, if any, that a tool process started or ended. */
export function toolStarted(pid: number | undefined, running: boolean): void {
  if (pid === undefined) return;
  try {
    watcher?.(pid, running);
  } catch {
    // Telling must not fail the tool's run.
  }
}
