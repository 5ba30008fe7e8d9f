// `npm start`: serves the demo pages on 127.0.0.1 and opens Chromium with
// the freshly built extension on the seed article. Without a display it
// says so and explains how to load dist/ by hand, keeping the pages served.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startFixtureServer } from './fixture-server.mjs';
import { findChromium } from './chromium.mjs';

const dist = resolve('dist');
const server = await startFixtureServer({ port: Number(process.env.PORT ?? 8173) }).catch(() => startFixtureServer());
const demo = `${server.origin}/fixtures/01-ru-servernews-seed.html`;
const byHand = `
To load ChipLens by hand in Chromium, Chrome or Edge:
  1. open chrome://extensions and turn on "Developer mode";
  2. click "Load unpacked" and choose ${dist};
  3. open ${demo} (all demo pages: ${server.origin}/).
Press Ctrl+C to stop serving the demo pages.`;

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let chrome;
try {
  chrome = findChromium();
} catch (error) {
  console.log(error.message);
}

if (!hasDisplay || !chrome) {
  console.log(
    !hasDisplay ? '\nNo display found (DISPLAY and WAYLAND_DISPLAY are unset): cannot open a browser window here.' : '\nNo Chromium found (set CHROME_PATH).',
  );
  console.log(byHand);
} else {
  console.log(`Opening Chromium with ChipLens on ${demo}`);
  const webExt = spawn(
    resolve('node_modules/.bin/web-ext'),
    ['run', '--target', 'chromium', '--source-dir', dist, '--chromium-binary', chrome, '--start-url', demo, '--no-reload'],
    { stdio: 'inherit' },
  );
  webExt.on('exit', async (code) => {
    await server.close();
    if (code) console.log(byHand);
    process.exit(code ?? 0);
  });
}
process.on('SIGINT', async () => {
  await server.close();
  process.exit(0);
});
