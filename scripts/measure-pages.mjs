// Highlights on a folder of saved pages: `npm run measure:pages -- <folder>
// [<build>]`. Each page is NAME.html, served as saved on 127.0.0.1 (nothing
// else is fetched); beside it, NAME.expected.html may hold the page's
// article (as Mozilla Readability's test pages do), and a highlight whose
// text is not in it counts as outside the article. Prints, per page and in
// total, the highlights and how many lie outside the article.
//
// The pages are not kept in the project (they are other sites' pages); it
// measures the furniture and topic gates on real ordinary pages, before and
// after a change: run it with an older build as <build> for "before".
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './chromium.mjs';

const [folder, build = 'dist'] = process.argv.slice(2);
if (!folder || !existsSync(folder)) {
  console.error('Usage: npm run measure:pages -- <folder of NAME.html [+ NAME.expected.html]> [<build folder, default dist>]');
  process.exit(2);
}
const dist = resolve(build);
if (!existsSync(join(dist, 'manifest.json'))) {
  console.error(`No build in ${dist}: run npm run build first.`);
  process.exit(2);
}
const names = readdirSync(folder)
  .filter((file) => file.endsWith('.html') && !file.endsWith('.expected.html'))
  .map((file) => file.slice(0, -'.html'.length))
  .sort();

const server = createServer((request, response) => {
  const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
  if (!names.includes(name)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(folder, `${name}.html`)));
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** Text as compared: no tags or entities, single spaces. */
const plain = (html) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');

const profile = mkdtempSync(join(tmpdir(), 'chiplens-measure-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: ensureChromium(),
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
});
// Saved pages refer to their sites' scripts, styles and images: none is fetched.
await context.route(
  (url) => url.origin !== origin,
  (route) => route.abort(),
);
await context.waitForEvent('page', { timeout: 5000 }).catch(() => undefined);
for (const page of context.pages()) if (page.url().startsWith('chrome-extension:')) await page.close();

/** Every ChipLens highlight on the page: its text and the text of the node around it. */
function readHighlights() {
  return [...CSS.highlights.entries()]
    .filter(([name]) => name.startsWith('chiplens-'))
    .flatMap(([, highlight]) =>
      [...highlight].map((range) => {
        const node = range.startContainer;
        const text = node.nodeType === Node.TEXT_NODE ? node.data : '';
        const around = text.trim().length >= 12 ? text : ((node.parentElement ?? node).closest?.('p,li,h1,h2,h3,h4,td,div')?.textContent ?? text);
        return { text: text.slice(range.startOffset, range.endOffset), around: around.trim().slice(0, 300) };
      }),
    );
}

let total = 0;
let outside = 0;
for (const name of names) {
  const page = await context.newPage();
  await page.goto(`${origin}/${encodeURIComponent(name)}`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  // Scrolled through, so that what waits below the viewport is placed too; then read until the count holds.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 700) {
      scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 60));
    }
  });
  let found = [];
  for (let last = -1, tries = 0; tries < 12 && found.length !== last; tries++) {
    last = found.length;
    await page.waitForTimeout(500);
    found = await page.evaluate(readHighlights);
  }
  await page.close();
  const expectedFile = join(folder, `${name}.expected.html`);
  const article = existsSync(expectedFile) ? plain(readFileSync(expectedFile, 'utf8')) : undefined;
  const out = article === undefined ? [] : found.filter((h) => !article.includes(plain(h.around).trim().slice(0, 120)));
  total += found.length;
  outside += out.length;
  if (found.length > 0) {
    const names = [...new Set(found.map((h) => h.text))].join(', ');
    console.log(`${name}: ${found.length} highlights (${names})${article === undefined ? '' : `, ${out.length} outside the article`}`);
    for (const h of out) console.log(`  outside: ${h.text} | ${plain(h.around).trim().slice(0, 80)}`);
  }
}
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();
const share = total === 0 ? 0 : (100 * outside) / total;
console.log(`${names.length} pages: ${total} highlights, ${outside} outside the article (${share.toFixed(1)} %)`);
