import { describe, expect, it } from 'vitest';
import type { Dataset } from '../core/dataset-schema';
import { UPDATE_STATE_KEY, type UpdateState } from '../core/update-state';
import type { CheckResult } from './dataset-updater';
import type { KeyValueArea } from './dataset-store';
import { REFRESH_ALARM, RefreshScheduler } from './refresh-scheduler';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-28T12:00:00Z');

function setup(results: (CheckResult | Error)[], { online = true, hours = 24, installedFails = false, random = 0.5 } = {}) {
  const data: Record<string, unknown> = {};
  const area: KeyValueArea = {
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
  };
  const alarms: { name: string; when: number }[] = [];
  const installed: number[] = [];
  let now = T0;
  let checks = 0;
  const scheduler = new RefreshScheduler({
    area,
    alarms: {
      create: (name, info) => alarms.push({ name, when: info.when }),
      get: async (name) => alarms.find((a) => a.name === name),
    },
    check: async (_installed, install) => {
      checks++;
      const result = results.shift() ?? { outcome: 'current', version: 1 };
      if (result instanceof Error) throw result;
      if (result.outcome === 'updated') await install({ version: result.version } as Dataset, 'k');
      return result;
    },
    installed: async () => {
      if (installedFails) throw new Error('the stored dataset cannot be read');
      return { version: 1, entries: 400 };
    },
    install: async (d) => void installed.push(d.version),
    refreshHours: async () => hours,
    isOnline: () => online,
    now: () => now,
    random: () => random,
  });
  return {
    scheduler,
    alarms,
    installed,
    checks: () => checks,
    stored: () => data[UPDATE_STATE_KEY] as UpdateState,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('RefreshScheduler', () => {
  it('plans the first check a few minutes after install', async () => {
    const s = setup([]);
    await s.scheduler.ensureScheduled({ soon: true });
    expect(s.alarms).toEqual([{ name: REFRESH_ALARM, when: T0 + 2 * 60_000 }]);
  });

  it('after a check, plans the next one an interval later and records it', async () => {
    const s = setup([{ outcome: 'updated', version: 2 }], { hours: 12 });
    const state = await s.scheduler.checkNow();
    expect(s.installed).toEqual([2]);
    expect(state).toMatchObject({ failures: 0, lastCheckAt: new Date(T0).toISOString(), lastUpdateAt: new Date(T0).toISOString() });
    expect(s.alarms.at(-1)!.when).toBe(T0 + 12 * HOUR);
    expect(s.stored()).toEqual(state);
  });

  it('backs off after failures, doubling from five minutes up to the interval, and clears the error on success', async () => {
    const fail: CheckResult = { outcome: 'failed', error: 'the update server answered HTTP 500 for latest.json' };
    const s = setup([fail, fail, fail, { outcome: 'current', version: 1 }], { hours: 6 });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const state = await s.scheduler.checkNow();
      waits.push(Date.parse(state.nextCheckAt!) - T0);
      expect(state.lastError?.message).toMatch(/HTTP 500/);
    }
    expect(waits).toEqual([5 * 60_000, 10 * 60_000, 20 * 60_000]);
    const ok = await s.scheduler.checkNow();
    expect(ok.failures).toBe(0);
    expect(ok.lastError).toBeUndefined();
    expect(Date.parse(ok.nextCheckAt!) - T0).toBe(6 * HOUR);
  });

  it('does not go to the network while the browser is offline, and says so', async () => {
    const s = setup([], { online: false });
    const state = await s.scheduler.checkNow();
    expect(s.checks()).toBe(0);
    expect(state.lastError?.message).toBe('the browser is offline');
  });

  it('runs one check at a time', async () => {
    const s = setup([]);
    await Promise.all([s.scheduler.checkNow(), s.scheduler.checkNow()]);
    expect(s.checks()).toBe(1);
  });

  it('keeps a plan that survived a restart, or runs a missed one soon', async () => {
    const s = setup([]);
    await s.scheduler.checkNow();
    const planned = Date.parse(s.stored().nextCheckAt!);
    await s.scheduler.ensureScheduled();
    expect(s.alarms.at(-1)!.when).toBe(planned);
    s.advance(48 * HOUR);
    await s.scheduler.ensureScheduled();
    expect(s.alarms.at(-1)!.when).toBe(T0 + 48 * HOUR + 60_000);
  });

  it('records a stale channel apart from errors, backs off, and clears it when a fresh notice comes', async () => {
    const stale: CheckResult = { outcome: 'stale', error: 'the newest signed notice expired on 2026-11-01' };
    const s = setup([{ outcome: 'failed', error: 'HTTP 500' }, stale, { outcome: 'current', version: 1 }], { hours: 6 });
    await s.scheduler.checkNow();
    const state = await s.scheduler.checkNow();
    expect(state.stale?.message).toMatch(/expired on 2026-11-01/);
    expect(state.lastError).toBeUndefined();
    expect(Date.parse(state.nextCheckAt!) - T0).toBe(10 * 60_000);
    const fresh = await s.scheduler.checkNow();
    expect(fresh.stale).toBeUndefined();
    expect(fresh.failures).toBe(0);
  });

  it('keeps a stale channel through failures that read no notice, and drops it after one that read a fresh notice', async () => {
    const stale: CheckResult = { outcome: 'stale', error: 'expired' };
    const s = setup([stale, { outcome: 'failed', error: 'HTTP 500' }, { outcome: 'failed', error: 'refused: version 9 is dated in the future', fresh: true }]);
    await s.scheduler.checkNow();
    expect((await s.scheduler.checkNow()).stale?.message).toBe('expired');
    const after = await s.scheduler.checkNow();
    expect(after.stale).toBeUndefined();
    expect(after.lastError?.message).toMatch(/dated in the future/);
  });

  it('plans the next check even when the check or the dataset throws', async () => {
    for (const s of [setup([new Error('IndexedDB went away')]), setup([], { installedFails: true })]) {
      const state = await s.scheduler.checkNow();
      expect(state.lastError?.message).toMatch(/^unexpected error: (IndexedDB went away|the stored dataset cannot be read)$/);
      expect(s.alarms.at(-1)).toEqual({ name: REFRESH_ALARM, when: T0 + 5 * 60_000 });
      expect(s.stored().nextCheckAt).toBe(new Date(T0 + 5 * 60_000).toISOString());
    }
  });

  it('on a worker start, plans a check only when no alarm is set', async () => {
    const s = setup([]);
    await s.scheduler.ensureAlarm();
    expect(s.alarms).toEqual([{ name: REFRESH_ALARM, when: T0 + 2 * 60_000 }]);
    await s.scheduler.ensureAlarm();
    expect(s.alarms).toHaveLength(1);
  });

  it('spreads checks by up to 10 % either way', async () => {
    const when = async (random: number) => Date.parse((await setup([], { hours: 10, random }).scheduler.checkNow()).nextCheckAt!) - T0;
    expect(await when(0)).toBe(9 * HOUR);
    expect(await when(1)).toBe(11 * HOUR);
    expect(await when(0.25)).toBe(9.5 * HOUR);
  });
});
