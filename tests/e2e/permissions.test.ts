// What the built extension asks of the browser, against what the README and
// the store listing justify: a permission added without a reason there, or a
// reason left behind for one taken out, fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser';

const ROOT = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
  permissions?: string[];
  content_scripts?: { matches: string[]; js: string[]; css?: string[]; run_at: string }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  commands?: Record<string, unknown>;
  content_security_policy?: { extension_pages?: string };
};
const { latestUrl } = JSON.parse(readFileSync(join(ROOT, 'dataset/update-config.json'), 'utf8')) as { latestUrl: string };

/** The rows of the table under `heading` in a Markdown file, as raw lines. */
function tableRows(file: string, heading: RegExp): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const at = text.search(heading);
  if (at < 0) throw new Error(`${file}: no heading ${heading}`);
  const lines = text.slice(at).split('\n').slice(1);
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows.slice(2);
}

const DOCS = [
  ['README.md', /^## Permissions$/m],
  ['docs/store-listing.md', /^## Permissions/m],
] as const;

describe('permissions', () => {
  it('are storage and alarms, with no host permission and nothing optional', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms']);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable']) {
      expect(manifest[key], key).toBeUndefined();
    }
  });

  it('run the content script on http and https pages, and expose only the tooltip module, to those pages only', () => {
    // The early read of storage as the page starts loading, then the content script once it is parsed.
    expect(manifest.content_scripts?.map(({ matches, js, run_at }) => ({ matches, js, run_at }))).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['src/content/early-read.js'], run_at: 'document_start' },
      { matches: ['http://*/*', 'https://*/*'], js: ['src/content/index.js'], run_at: 'document_idle' },
    ]);
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['src/content/tooltip.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
  });

  it('let the extension connect to the update server and nowhere else', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages: `script-src 'self'; object-src 'none'; connect-src 'self' ${new URL(latestUrl).origin}`,
    });
  });

  it.each(DOCS)('are each justified in %s', (file, heading) => {
    const rows = tableRows(file, heading);
    const row = (needle: string) => rows.filter((r) => r.split('|')[1]!.includes(needle));
    for (const permission of manifest.permissions ?? []) expect(row(`\`${permission}\``), permission).toHaveLength(1);
    for (const command of Object.keys(manifest.commands ?? {})) expect(row(`\`${command}\``), command).toHaveLength(1);
    for (const match of manifest.content_scripts![0]!.matches) expect(row(`\`${match}\``), match).toHaveLength(1);
    expect(row('`connect-src`'), 'connect-src').toHaveLength(1);
    for (const file of manifest.web_accessible_resources!.flatMap((r) => r.resources)) expect(row(`\`${file}\``), file).toHaveLength(1);
    // Nothing justified that the manifest does not ask for.
    expect(rows).toHaveLength((manifest.permissions ?? []).length + 4);
  });
});
