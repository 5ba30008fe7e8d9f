// Decides when the dataset is checked for updates and runs the checks: one
// alarm, every `refreshHours` (user setting) with jitter so installs don't
// all ask at once, sooner after a failure with exponential backoff, and a
// "check now" from the popup. It owns the update state in storage.local.
import type { Dataset } from '../core/dataset-schema';
import { readUpdateState, UPDATE_STATE_KEY, type UpdateState } from '../core/update-state';
import type { CheckResult } from './dataset-updater';
import type { KeyValueArea } from './dataset-store';

export const REFRESH_ALARM = 'dataset-refresh';
const MINUTE = 60_000;
const FIRST_RETRY_MS = 5 * MINUTE;
/** A new install looks for a newer published copy soon, not a day later. */
const FIRST_CHECK_MS = 2 * MINUTE;

export interface SchedulerDeps {
  area: KeyValueArea;
  alarms: { create(name: string, info: { when: number }): unknown };
  check(current: number, etag: string | undefined, install: (d: Dataset) => Promise<void>): Promise<CheckResult>;
  currentVersion(): Promise<number>;
  install(dataset: Dataset): Promise<void>;
  refreshHours(): Promise<number>;
  isOnline(): boolean;
  now(): number;
  random(): number;
}

export class RefreshScheduler {
  private running: Promise<UpdateState> | undefined;

  constructor(private readonly deps: SchedulerDeps) {}

  async state(): Promise<UpdateState> {
    return readUpdateState((await this.deps.area.get(UPDATE_STATE_KEY))[UPDATE_STATE_KEY]);
  }

  /** Makes sure a check is planned (after install, update or browser start). */
  async ensureScheduled({ soon = false } = {}): Promise<UpdateState> {
    const state = await this.state();
    const planned = state.nextCheckAt ? Date.parse(state.nextCheckAt) : NaN;
    const now = this.deps.now();
    // A plan already in the past (the browser was closed) runs a minute from now.
    const when = !soon && Number.isFinite(planned) ? Math.max(planned, now + MINUTE) : now + this.jitter(FIRST_CHECK_MS);
    return this.plan(state, when);
  }

  /** Re-plans after the interval setting changed. */
  async rescheduleFromLastCheck(): Promise<UpdateState> {
    const state = await this.state();
    const last = state.lastCheckAt ? Date.parse(state.lastCheckAt) : this.deps.now();
    const when = Math.max(this.deps.now() + MINUTE, last + (await this.intervalMs()));
    return this.plan(state, when);
  }

  /** Runs a check unless one is under way, in which case it waits for that one. */
  checkNow(): Promise<UpdateState> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<UpdateState> {
    const state = await this.state();
    const at = new Date(this.deps.now()).toISOString();
    const result: CheckResult = this.deps.isOnline()
      ? await this.deps.check(await this.deps.currentVersion(), state.etag, this.deps.install)
      : { outcome: 'failed', error: 'the browser is offline' };
    const next: UpdateState = { ...state, lastCheckAt: at };
    if (result.outcome === 'failed') {
      next.failures = state.failures + 1;
      next.lastError = { at, message: result.error };
      const backoff = Math.min(await this.intervalMs(), FIRST_RETRY_MS * 2 ** (next.failures - 1));
      return this.plan(next, this.deps.now() + this.jitter(backoff));
    }
    next.failures = 0;
    delete next.lastError;
    if (result.etag) next.etag = result.etag;
    if (result.outcome === 'updated') next.lastUpdateAt = at;
    return this.plan(next, this.deps.now() + this.jitter(await this.intervalMs()));
  }

  private async plan(state: UpdateState, when: number): Promise<UpdateState> {
    const next = { ...state, nextCheckAt: new Date(when).toISOString() };
    await this.deps.area.set({ [UPDATE_STATE_KEY]: next });
    await this.deps.alarms.create(REFRESH_ALARM, { when });
    return next;
  }

  private async intervalMs(): Promise<number> {
    return (await this.deps.refreshHours()) * 60 * MINUTE;
  }

  /** ±10 %, so that installs spread their checks. */
  private jitter(ms: number): number {
    return Math.round(ms * (0.9 + 0.2 * this.deps.random()));
  }
}
