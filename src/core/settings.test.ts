import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, readSettings, withSiteEnabled } from './settings';

describe('settings', () => {
  it('falls back to defaults for missing or damaged settings', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ format: 1, paused: 'yes', disabledHosts: [] })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ ...DEFAULT_SETTINGS, refreshHours: 1 })).toEqual(DEFAULT_SETTINGS);
  });

  it('carries settings from the first format forward', () => {
    expect(readSettings({ format: 1, paused: true, disabledHosts: ['a.com'] })).toEqual({
      format: 2,
      paused: true,
      disabledHosts: ['a.com'],
      refreshHours: 24,
    });
  });

  it('turns a site off and on again by exact hostname', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'News.Example.com', false);
    expect(off.disabledHosts).toEqual(['news.example.com']);
    expect(isActiveOn(off, 'news.example.com')).toBe(false);
    expect(isActiveOn(off, 'example.com')).toBe(true);
    expect(withSiteEnabled(off, 'news.example.com', true).disabledHosts).toEqual([]);
  });

  it('does not list a site twice', () => {
    const twice = withSiteEnabled(withSiteEnabled(DEFAULT_SETTINGS, 'a.com', false), 'a.com', false);
    expect(twice.disabledHosts).toEqual(['a.com']);
  });

  it('pauses everywhere', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, paused: true }, 'a.com')).toBe(false);
  });
});
