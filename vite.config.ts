import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
import { TOOLTIP_MODULE_PATH } from './src/content/tooltip/tooltip-path.ts';
import { parseUpdateConfig } from './src/core/update-config.ts';
import { BUNDLED_DATASET_FILE } from './src/core/storage-keys.ts';
import { loadBundledDatasetJson } from './dataset/index-node.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// package.json is the one place the version is written.
manifest.version = pkg.version;

// Where dataset updates come from and which keys may sign them. Test builds
// set CHIPLENS_UPDATE_CONFIG to a config of their own (a local server and a
// throwaway key); everything else uses dataset/update-config.json.
const configPath = process.env.CHIPLENS_UPDATE_CONFIG ?? fileURLToPath(new URL('./dataset/update-config.json', import.meta.url));
const updateConfig = parseUpdateConfig(JSON.parse(readFileSync(configPath, 'utf8')));
if (!updateConfig.ok) throw new Error(`${configPath}: ${updateConfig.error}`);
// The background and ChipLens's own pages may connect to the update server
// and nowhere else: the browser refuses any other fetch from them. No host
// permission is declared for that server. The content script's matches
// (every http and https page) already give the extension's pages host access
// to it, which is what lets the background read the answer without the
// server sending CORS headers, and what keeps the request free of an Origin
// header naming the extension.
const updateOrigin = new URL(updateConfig.value.latestUrl).origin;
// 'self': the background reads the bundled dataset, a file of the package.
manifest.content_security_policy = { extension_pages: `script-src 'self'; object-src 'none'; connect-src 'self' ${updateOrigin}` };

/** Firefox's add-on id; a stable one keeps the user's storage across updates. */
const FIREFOX_ID = 'chiplens@chiplens.github.io';

/**
 * The manifest for Firefox: the same extension, with background scripts
 * instead of a service worker and Gecko's settings in place of Chrome's
 * minimum version.
 */
function firefoxManifest(chrome: typeof manifest): typeof manifest {
  const { minimum_chrome_version: _chromeOnly, ...rest } = chrome;
  return {
    ...rest,
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ID,
        // 140 (an ESR) is the first release that reads
        // data_collection_permissions, which the store asks of new add-ons;
        // it has all the content script uses: the CSS Custom Highlight API
        // and DecompressionStream. (The tooltip is bundled into the Firefox
        // content script, so no dynamic import() is needed.)
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/**
 * The tooltip is an ES module of its own, loaded by the content script on
 * the first hover, so that every page loads only the code that finds and
 * highlights names. The content script is one IIFE (no chunks), hence a
 * second build once the first has finished, and the manifest entry that
 * lets the content script import the module.
 */
function tooltipModule(outDir: string, target: string): Plugin {
  return {
    name: 'chiplens-tooltip-module',
    apply: 'build',
    enforce: 'post',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [preact(), withoutInnerHtml()],
        build: {
          outDir,
          emptyOutDir: false,
          target,
          modulePreload: false,
          sourcemap: false,
          lib: {
            entry: fileURLToPath(new URL('./src/content/tooltip/tooltip-module.ts', import.meta.url)),
            formats: ['es'],
            fileName: () => TOOLTIP_MODULE_PATH,
          },
        },
      });
      const path = join(outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: unknown[] };
      // A per-session URL: pages cannot fetch the module to detect ChipLens.
      // Reachable from the pages the content script runs on, and no others.
      const contentScriptMatches = [...new Set((manifest.content_scripts as { matches: string[] }[]).flatMap((script) => script.matches))];
      built.web_accessible_resources = [
        ...(built.web_accessible_resources ?? []),
        { resources: [TOOLTIP_MODULE_PATH], matches: contentScriptMatches, use_dynamic_url: true },
      ];
      writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

/**
 * The dataset shipped with the extension, as a file of its own at the
 * package's root: the background reads it when it needs it, instead of
 * parsing megabytes of script every time the browser wakes it.
 */
function bundledDataset(): Plugin {
  return {
    name: 'chiplens-bundled-dataset',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUNDLED_DATASET_FILE, source: JSON.stringify(loadBundledDatasetJson()) });
    },
  };
}

/**
 * Takes the one innerHTML assignment out of preact: the one behind
 * `dangerouslySetInnerHTML`, which ChipLens never uses (its views render
 * dataset text as text only). The bundles then hold no innerHTML sink at
 * all, and Firefox's add-on linter, which flags any, passes clean. It works
 * on the finished files, the content script included (crxjs bundles that
 * without the project's plugins), and fails the build if any other
 * innerHTML assignment shows up.
 */
function withoutInnerHtml(): Plugin {
  const SINK = /\b\w+\.innerHTML\s*=\s*\w+\.__html\b/g;
  const REFUSE = '(()=>{throw new Error("ChipLens: dangerouslySetInnerHTML is not supported")})()';
  return {
    name: 'chiplens-without-inner-html',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (!file.fileName.endsWith('.js')) continue;
          const code = file.type === 'chunk' ? file.code : String(file.source);
          const next = code.replace(SINK, REFUSE);
          if (/\.innerHTML\s*=(?!=)/.test(next)) this.error(`${file.fileName}: an innerHTML assignment this build does not expect`);
          if (file.type === 'chunk') file.code = next;
          else file.source = next;
        }
      },
    },
  };
}

// `vite build --mode firefox` (npm run build:firefox) builds for Firefox into dist-firefox/.
export default defineConfig(({ mode }) => {
  const forFirefox = mode === 'firefox';
  const outDir = process.env.CHIPLENS_OUT_DIR ?? (forFirefox ? 'dist-firefox' : 'dist');
  const target = forFirefox ? 'firefox140' : 'chrome120';
  return {
    define: {
      __CHIPLENS_UPDATE_CONFIG__: JSON.stringify(updateConfig.value),
      __CHIPLENS_FIREFOX__: JSON.stringify(forFirefox),
      // For the browser test of the fallback painter only.
      __CHIPLENS_FORCE_OVERLAY__: JSON.stringify(process.env.CHIPLENS_FORCE_OVERLAY === '1'),
      // `npm run bench` only: marks on the page's timeline, which pages can read.
      __CHIPLENS_BENCH__: JSON.stringify(process.env.CHIPLENS_BENCH === '1'),
    },
    plugins: [
      preact(),
      crx({
        manifest: (forFirefox ? firefoxManifest(manifest) : manifest) as unknown as ManifestV3Export,
        browser: forFirefox ? 'firefox' : 'chrome',
        // One self-contained content script: no loader, no chunks exposed to
        // every site through web_accessible_resources, no <link> in pages.
        contentScripts: { standaloneFiles: ['src/content/early-read.ts', 'src/content/index.ts'] },
      }),
      // Firefox's content script bundles the tooltip (see tooltip-loader.ts).
      ...(forFirefox ? [] : [tooltipModule(outDir, target)]),
      bundledDataset(),
      withoutInnerHtml(),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target,
      modulePreload: false,
      sourcemap: false,
      // Pages the manifest does not name: the welcome page opened on install.
      rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
    },
  };
});
