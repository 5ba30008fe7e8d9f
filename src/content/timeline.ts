// ChipLens's marks on the page's performance timeline, where `npm run
// bench` reads its work. A page can read its own timeline, so the marks
// exist only in benchmark builds (CHIPLENS_BENCH=1): in a user's browser
// they would tell every page that ChipLens is installed.

/** Marks a moment, e.g. `chiplens:first-screen`. */
export function mark(name: string, detail?: unknown): void {
  if (__CHIPLENS_BENCH__) performance.mark(name, detail === undefined ? undefined : { detail });
}

/** Puts a stretch of ChipLens's own work on the timeline. */
export function work(start: number, end: number): void {
  if (__CHIPLENS_BENCH__) performance.measure('chiplens:work', { start, end });
}

/** Runs `task` as ChipLens's work, on the timeline. */
export function timed(task: () => void): void {
  const started = performance.now();
  task();
  work(started, performance.now());
}

/** Runs `task` and puts it on the timeline under `name`, e.g. `chiplens:furniture`. */
export function measured<T>(name: string, task: () => T): T {
  if (!__CHIPLENS_BENCH__) return task();
  const started = performance.now();
  const result = task();
  performance.measure(name, { start: started, end: performance.now() });
  return result;
}
