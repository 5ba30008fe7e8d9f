import { describe, expect, it } from 'vitest';
import { defaultSettings, isActiveOn, parseSettings, readSettings, ruleCovers, siteRuleFor, validSiteRule, withSiteEnabled, withSiteRules } from './settings';

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

  it('highlights every kind by default', () => {
    expect(defaultSettings().kinds).toEqual({ chip: true, company: true, model: true, rule: true });
  });

  it('reads a rule without a wildcard as that host alone, whatever its case', () => {
    expect(ruleCovers('example.com', 'Example.COM')).toBe(true);
    expect(ruleCovers('example.com', 'news.example.com')).toBe(false);
  });

  it('names the exact rule for a host before a wildcard that also covers it', () => {
    const s = { ...defaultSettings(), disabledSites: ['*.example.com', 'news.example.com'] };
    expect(siteRuleFor(s, 'News.Example.com')).toBe('news.example.com');
    expect(siteRuleFor(s, 'www.example.com')).toBe('*.example.com');
  });

  it('keeps the list of sites in order as a site is added', () => {
    const off = withSiteEnabled({ ...defaultSettings(), disabledSites: ['b.com'] }, 'a.com', false);
    expect(off.disabledSites).toEqual(['a.com', 'b.com']);
  });

  it('replaces the list of the chosen mode with the rules given, trimmed, lower-cased, sorted and once each', () => {
    const only = withSiteRules(defaultSettings(), 'only', [' News.Example.com ', '*.b.org', 'news.example.com']);
    expect(only.enabledSites).toEqual(['*.b.org', 'news.example.com']);
    expect(only.disabledSites).toEqual([]);
    const except = withSiteRules({ ...defaultSettings(), disabledSites: ['old.com'] }, 'all-except', ['z.com', 'A.com']);
    expect(except.disabledSites).toEqual(['a.com', 'z.com']);
    expect(except.enabledSites).toEqual([]);
  });

  it('accepts a hostname or a wildcard domain as a site rule, as the list stores it', () => {
    expect(validSiteRule(' News.Example.com ')).toBe('news.example.com');
    expect(validSiteRule('*.example.com')).toBe('*.example.com');
    expect(validSiteRule('not a host!')).toBeUndefined();
  });
});
