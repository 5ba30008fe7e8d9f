// Serves the demo and test pages on 127.0.0.1: every text fixture in
// tests/fixtures rendered as a news article, plus the hand-written HTML
// pages in tests/pages. Used by `npm start` and by the browser tests.
import { createServer } from 'node:http';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'tests', 'fixtures');
const pages = join(root, 'tests', 'pages');

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function guessLang(text) {
  const cyr = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const lat = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (han > cyr && han > lat / 3) return 'zh';
  if (cyr > lat) return 'ru';
  return 'en';
}

/** A fixture file: "URL:" and "TITLE:" header lines, a blank line, then paragraphs. */
export function renderArticle(text) {
  const lines = text.split('\n');
  const header = {};
  while (lines.length && /^[A-Z]+: /.test(lines[0])) {
    const [key, ...rest] = lines.shift().split(': ');
    header[key] = rest.join(': ');
  }
  const body = lines
    .join('\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
  const lang = header.LANG ?? guessLang(text);
  const title = header.TITLE ?? 'ChipLens demo';
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{max-width:720px;margin:40px auto;padding:0 16px;font:17px/1.6 Georgia,'Noto Serif','Noto Serif CJK SC',serif;color:#222}
h1{font:700 26px/1.3 system-ui,sans-serif}.source{color:#666;font:13px system-ui,sans-serif}</style></head>
<body><article><h1>${escapeHtml(title)}</h1>
<p class="source">${header.URL ? `Source: ${escapeHtml(header.URL)}` : ''}</p>
${body}
</article></body></html>`;
}

function listFixtures() {
  return readdirSync(fixtures)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => basename(f, '.txt'));
}

function index() {
  const items = listFixtures().map((name) => `<li><a href="/fixtures/${name}.html">${escapeHtml(name)}</a></li>`);
  const extra = existsSync(pages)
    ? readdirSync(pages)
        .filter((f) => f.endsWith('.html'))
        .map((f) => `<li><a href="/pages/${f}">${escapeHtml(f)}</a></li>`)
    : [];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ChipLens demo pages</title></head>
<body style="font:16px system-ui;max-width:720px;margin:40px auto"><h1>ChipLens demo pages</h1>
<p>Hover a highlighted name to see its facts. Open the ChipLens toolbar button to search or switch it off for this site.</p>
<ul>${items.join('')}${extra.join('')}</ul></body></html>`;
}

export function startFixtureServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html', index());
    const fixture = /^\/fixtures\/([\w.-]+)\.html$/.exec(url.pathname);
    if (fixture && listFixtures().includes(fixture[1])) {
      return send(200, 'text/html', renderArticle(readFileSync(join(fixtures, `${fixture[1]}.txt`), 'utf8')));
    }
    const page = /^\/pages\/([\w.-]+\.(html|js))$/.exec(url.pathname);
    if (page && existsSync(join(pages, page[1]))) {
      return send(200, page[2] === 'js' ? 'text/javascript' : 'text/html', readFileSync(join(pages, page[1]), 'utf8'));
    }
    return send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, origin: `http://${host}:${address.port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
