import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
import { TOOLTIP_MODULE_PATH } from './src/content/tooltip/tooltip-path.ts';
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

const outDir = process.env.CHIPLENS_OUT_DIR ?? 'dist';
const target = 'chrome120';

/**
 * The tooltip is an ES module of its own, loaded by the content script on
 * the first hover, so that every page loads only the code that finds and
 * highlights names. The content script is one IIFE (no chunks), hence a
 * second build once the first has finished, and the manifest entry that
 * lets the content script import the module.
 */
function tooltipModule(): Plugin {
  return {
    name: 'chiplens-tooltip-module',
    apply: 'build',
    enforce: 'post',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [preact()],
        build: {
          outDir,
          emptyOutDir: false,
          target,
          modulePreload: false,
          sourcemap: false,
          lib: { entry: fileURLToPath(new URL('./src/content/tooltip/tooltip-module.ts', import.meta.url)), formats: ['es'], fileName: () => TOOLTIP_MODULE_PATH },
        },
      });
      const path = join(outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: unknown[] };
      // A per-session URL: pages cannot fetch the module to detect ChipLens.
      built.web_accessible_resources = [
        ...(built.web_accessible_resources ?? []),
        { resources: [TOOLTIP_MODULE_PATH], matches: ['<all_urls>'], use_dynamic_url: true },
      ];
      writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

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
    tooltipModule(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target,
    modulePreload: false,
    sourcemap: false,
  },
});
