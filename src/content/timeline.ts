// ChipLens's marks on the page's performance timeline, where `npm run
// bench` reads its work. A page can read its own timeline, so the marks
// exist only in benchmark builds (CHIPLENS_BENCH=1): in a user's browser
// they would tell every page that ChipLens is installed.

/** Marks a moment, e.g. `chiplens:first-screen`. */
export function mark(name: string, detail?: unknown): void {
  if (__CHIPLENS_BENCH__) performance.mark(name, detail === undefined ? undefined : { detail });
}

/** Time taken by `measured` tasks since the last `work`, by name. */
const pending = new Map<string, number>();

/**
 * Puts a stretch of ChipLens's own work on the timeline, with one entry per
 * name for the `measured` parts of it: an entry per block would make the
 * timeline's own cost part of the work it measures.
 */
export function work(start: number, end: number): void {
  if (!__CHIPLENS_BENCH__) return;
  performance.measure('chiplens:work', { start, end });
  for (const [name, ms] of pending) performance.measure(name, { start: end - ms, end });
  pending.clear();
}

/** Runs `task` as ChipLens's work, on the timeline. */
export function timed(task: () => void): void {
  const started = performance.now();
  task();
  work(started, performance.now());
}

/**
 * Runs `task` as part of the work in progress, its time added up under
 * `name` (e.g. `chiplens:furniture`) until that work goes on the timeline.
 */
export function measured<T>(name: string, task: () => T): T {
  if (!__CHIPLENS_BENCH__) return task();
  const started = performance.now();
  const result = task();
  pending.set(name, (pending.get(name) ?? 0) + performance.now() - started);
  return result;
}
