// Decides when the dataset is checked for updates and runs the checks: one
// alarm, every `refreshHours` (user setting) with jitter so installs don't
// all ask at once, sooner after a failure with exponential backoff, and a
// "check now" from the popup. It owns the update state in storage.local.
import { readUpdateState, UPDATE_STATE_KEY, type UpdateState } from '../core/update-state';
import type { CheckResult, Install, Installed } from './dataset-updater';
import type { KeyValueArea } from './dataset-store';

export const REFRESH_ALARM = 'dataset-refresh';
const MINUTE = 60_000;
const FIRST_RETRY_MS = 5 * MINUTE;
/** A new install looks for a newer published copy soon, not a day later. */
const FIRST_CHECK_MS = 2 * MINUTE;

export interface SchedulerDeps {
  area: KeyValueArea;
  alarms: { create(name: string, info: { when: number }): unknown; get(name: string): Promise<unknown> };
  check(installed: Installed, install: Install): Promise<CheckResult>;
  installed(): Promise<Installed>;
  install: Install;
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

  /**
   * Plans a check if no alarm is set. The worker calls it every time it
   * starts, so that a worker that stopped between taking a dataset and
   * planning the next check (or crashed in a check) still has one planned.
   */
  async ensureAlarm(): Promise<void> {
    if (!(await this.deps.alarms.get(REFRESH_ALARM))) await this.ensureScheduled();
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
    const state = await this.state().catch(() => ({ failures: 0 }) as UpdateState);
    const at = new Date(this.deps.now()).toISOString();
    const result = await this.attempt();
    const next: UpdateState = { ...state, lastCheckAt: at };
    // Whatever happened, the next check is planned before this one returns.
    if (result.outcome === 'failed' || result.outcome === 'stale') {
      next.failures = state.failures + 1;
      if (result.outcome === 'stale') {
        next.stale = { at, message: result.error };
        delete next.lastError;
      } else {
        next.lastError = { at, message: result.error };
        if (result.fresh) delete next.stale;
      }
      const backoff = Math.min(await this.intervalMs(), FIRST_RETRY_MS * 2 ** (next.failures - 1));
      return this.plan(next, this.deps.now() + this.jitter(backoff));
    }
    next.failures = 0;
    delete next.lastError;
    delete next.stale;
    if (result.outcome === 'updated') next.lastUpdateAt = at;
    return this.plan(next, this.deps.now() + this.jitter(await this.intervalMs()));
  }

  /** One check; anything thrown (storage, a broken dataset) is a failure to report, not a reason to stop. */
  private async attempt(): Promise<CheckResult> {
    if (!this.deps.isOnline()) return { outcome: 'failed', error: 'the browser is offline' };
    try {
      return await this.deps.check(await this.deps.installed(), this.deps.install);
    } catch (error) {
      return { outcome: 'failed', error: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private async plan(state: UpdateState, when: number): Promise<UpdateState> {
    const next = { ...state, nextCheckAt: new Date(when).toISOString() };
    await this.deps.area.set({ [UPDATE_STATE_KEY]: next });
    await this.deps.alarms.create(REFRESH_ALARM, { when });
    return next;
  }

  private async intervalMs(): Promise<number> {
    // Settings that cannot be read fall back to a day rather than stopping the plan.
    const hours = await this.deps.refreshHours().catch(() => 24);
    return hours * 60 * MINUTE;
  }

  /** ±10 %, so that installs spread their checks. */
  private jitter(ms: number): number {
    return Math.round(ms * (0.9 + 0.2 * this.deps.random()));
  }
}
