import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { parseUpdateConfig } from './src/core/update-config.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  host_permissions?: string[];
};
// package.json is the one place the version is written.
manifest.version = pkg.version;

// Where dataset updates come from and which keys may sign them. Test builds
// set CHIPLENS_UPDATE_CONFIG to a config of their own (a local server and a
// throwaway key); everything else uses dataset/update-config.json.
const configPath = process.env.CHIPLENS_UPDATE_CONFIG ?? fileURLToPath(new URL('./dataset/update-config.json', import.meta.url));
const updateConfig = parseUpdateConfig(JSON.parse(readFileSync(configPath, 'utf8')));
if (!updateConfig.ok) throw new Error(`${configPath}: ${updateConfig.error}`);
// The background may fetch from the update server and nowhere else.
manifest.host_permissions = [`${new URL(updateConfig.value.latestUrl).origin}/*`];

export default defineConfig({
  define: {
    __CHIPLENS_UPDATE_CONFIG__: JSON.stringify(updateConfig.value),
  },
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
    outDir: process.env.CHIPLENS_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: false,
    sourcemap: false,
  },
});
