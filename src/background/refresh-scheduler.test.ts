import { describe, expect, it } from 'vitest';
import type { Dataset } from '../core/dataset-schema';
import { UPDATE_STATE_KEY, type UpdateState } from '../core/update-state';
import type { CheckResult } from './dataset-updater';
import type { KeyValueArea } from './dataset-store';
import { REFRESH_ALARM, RefreshScheduler } from './refresh-scheduler';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-28T12:00:00Z');

function setup(results: CheckResult[], { online = true, hours = 24 } = {}) {
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
    alarms: { create: (name, info) => alarms.push({ name, when: info.when }) },
    check: async (_current, _etag, install) => {
      checks++;
      const result = results.shift() ?? { outcome: 'current', version: 1 };
      if (result.outcome === 'updated') await install({ version: result.version } as Dataset);
      return result;
    },
    currentVersion: async () => 1,
    install: async (d) => void installed.push(d.version),
    refreshHours: async () => hours,
    isOnline: () => online,
    now: () => now,
    random: () => 0.5,
  });
  return {
    scheduler,
    alarms,
    installed,
    checks: () => checks,
    stored: () => data[UPDATE_STATE_KEY] as UpdateState,
    advance: (ms: number) => void (now += ms),
  };
}

describe('RefreshScheduler', () => {
  it('plans the first check a few minutes after install', async () => {
    const s = setup([]);
    await s.scheduler.ensureScheduled({ soon: true });
    expect(s.alarms).toEqual([{ name: REFRESH_ALARM, when: T0 + 2 * 60_000 }]);
  });

  it('after a check, plans the next one an interval later and records it', async () => {
    const s = setup([{ outcome: 'updated', version: 2, etag: '"e"' }], { hours: 12 });
    const state = await s.scheduler.checkNow();
    expect(s.installed).toEqual([2]);
    expect(state).toMatchObject({ failures: 0, etag: '"e"', lastCheckAt: new Date(T0).toISOString(), lastUpdateAt: new Date(T0).toISOString() });
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
});
