import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// package.json is the one place the version is written.
manifest.version = pkg.version;

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifest as unknown as ManifestV3Export,
      // One self-contained content script: no loader, no chunks exposed to
      // every site through web_accessible_resources, no <link> in pages.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: false,
    sourcemap: false,
  },
});
