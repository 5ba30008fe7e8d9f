import { describe, expect, it } from 'vitest';
import { defaultSettings, isActiveOn, parseSettings, readSettings, ruleCovers, siteRuleFor, withSiteEnabled } from './settings';

describe('settings', () => {
  it('falls back to defaults for missing or damaged settings', () => {
    expect(readSettings(undefined)).toEqual(defaultSettings());
    expect(readSettings({ format: 1, paused: 'yes', disabledHosts: [] })).toEqual(defaultSettings());
    expect(readSettings({ ...defaultSettings(), refreshHours: 1 })).toEqual(defaultSettings());
  });

  it('explains why settings are not valid', () => {
    expect(parseSettings({ ...defaultSettings(), tooltipDelayMs: 99999 })).toEqual({ ok: false, error: expect.stringMatching(/^tooltipDelayMs: /) });
    expect(parseSettings({ ...defaultSettings(), disabledSites: ['not a host!'] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^disabledSites\.0: a hostname/),
    });
    expect(parseSettings('{}').ok).toBe(false);
  });

  it('carries settings from every earlier format forward', () => {
    const fromV1 = readSettings({ format: 1, paused: true, disabledHosts: ['a.com'] });
    expect(fromV1).toEqual({ ...defaultSettings(), paused: true, disabledSites: ['a.com'] });
    const fromV2 = readSettings({ format: 2, paused: false, disabledHosts: ['b.org'], refreshHours: 48 });
    expect(fromV2).toEqual({ ...defaultSettings(), disabledSites: ['b.org'], refreshHours: 48 });
    const { broadNamesEverywhere: _, paintEveryMention: __, ...v3 } = { ...defaultSettings(), format: 3, highlightStyle: 'background' as const };
    expect(readSettings(v3)).toEqual({ ...defaultSettings(), highlightStyle: 'background' });
    expect(parseSettings({ ...defaultSettings(), broadNamesEverywhere: 'yes' }).ok).toBe(false);
  });

  it('turns a site off and on again by exact hostname', () => {
    const off = withSiteEnabled(defaultSettings(), 'News.Example.com', false);
    expect(off.disabledSites).toEqual(['news.example.com']);
    expect(isActiveOn(off, 'news.example.com')).toBe(false);
    expect(isActiveOn(off, 'example.com')).toBe(true);
    expect(withSiteEnabled(off, 'news.example.com', true).disabledSites).toEqual([]);
  });

  it('does not list a site twice', () => {
    const twice = withSiteEnabled(withSiteEnabled(defaultSettings(), 'a.com', false), 'a.com', false);
    expect(twice.disabledSites).toEqual(['a.com']);
  });

  it('reads *.domain as the domain and every host under it', () => {
    expect(ruleCovers('*.example.com', 'example.com')).toBe(true);
    expect(ruleCovers('*.example.com', 'a.b.example.com')).toBe(true);
    expect(ruleCovers('*.example.com', 'badexample.com')).toBe(false);
    const s = { ...defaultSettings(), disabledSites: ['*.example.com'] };
    expect(isActiveOn(s, 'news.example.com')).toBe(false);
    expect(siteRuleFor(s, 'news.example.com')).toBe('*.example.com');
  });

  it('runs only on the listed sites in "only" mode', () => {
    const only = { ...defaultSettings(), siteMode: 'only' as const, enabledSites: ['*.reuters.com'] };
    expect(isActiveOn(only, 'www.reuters.com')).toBe(true);
    expect(isActiveOn(only, 'example.com')).toBe(false);
    const plus = withSiteEnabled(only, 'example.com', true);
    expect(plus.enabledSites).toEqual(['*.reuters.com', 'example.com']);
    expect(isActiveOn(plus, 'example.com')).toBe(true);
  });

  it('pauses everywhere', () => {
    expect(isActiveOn({ ...defaultSettings(), paused: true }, 'a.com')).toBe(false);
  });
});
