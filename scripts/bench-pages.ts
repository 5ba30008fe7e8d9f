// The pages `npm run bench` measures on, generated from the evaluation
// corpus so that their text is real news prose with real mentions: a 1 MB
// and a 10 MB news page with links and inline markup, an endless feed that
// appends 2,000 paragraphs in batches, and a page with 5,000 mentions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures', import.meta.url));

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function corpusParagraphs(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const raw = readFileSync(join(FIXTURES, file), 'utf8').replace(/^(?:[A-Z]+: .*\n)+\n?/, '');
    for (const p of raw.split(/\n\s*\n/)) if (p.trim().length > 40) out.push(p.trim());
  }
  return out;
}

/** A paragraph with the inline markup news pages have: bold words and links. */
function marked(paragraph: string, n: number): string {
  return escapeHtml(paragraph)
    .split(' ')
    .map((word, i) => ((i + n) % 11 === 0 ? `<b>${word}</b>` : (i + n) % 17 === 0 ? `<a href="#p${n}">${word}</a>` : word))
    .join(' ');
}

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{max-width:760px;margin:20px auto;font:16px/1.5 Georgia,serif}</style></head>
<body><article><h1>${title}</h1>
${body}
</article>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

export function newsPage(bytes: number, title: string): string {
  const paragraphs = corpusParagraphs();
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const html = `<p id="p${n}">${marked(paragraphs[n % paragraphs.length]!, n)}</p>`;
    parts.push(html);
    size += Buffer.byteLength(html);
  }
  return page(title, parts.join('\n'));
}

// Everyday words that name nothing in the dataset.
const PLAIN_WORDS = (
  'the a of and to in on for with at by from about after before over under city council said would could ' +
  'weather garden river morning evening school market street train music film book story family house ' +
  'week month year people water summer winter local team match season coach player visitors museum ' +
  'bridge road festival bakery recipe kitchen village mayor plans new old small large quiet busy open'
).split(' ');

/**
 * A page of ordinary news that mentions nothing ChipLens knows, as most
 * pages a reader opens: what reading it costs when there is nothing to show.
 */
export function plainPage(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  // A fixed linear congruential sequence: the same page on every run.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let n = 0; size < bytes; n++) {
    const words = Array.from({ length: 40 + (next() % 60) }, () => PLAIN_WORDS[next() % PLAIN_WORDS.length]!);
    const sentence = words.join(' ');
    const html = `<p id="p${n}">${marked(`${sentence[0]!.toUpperCase() + sentence.slice(1)}.`, n)}</p>`;
    parts.push(html);
    size += Buffer.byteLength(html);
  }
  return page('A 1 MB page that names nothing', parts.join('\n'));
}

/** 5,000 mentions: paragraphs of ten names each, in the three languages. */
export function mentionsPage(): string {
  const names = ['NVIDIA H20', 'Huawei', 'Ascend 910B', 'Entity List', 'Qwen', 'Хуавэй', 'DeepSeek', '英伟达', 'AI Diffusion Rule', 'Alibaba'];
  const parts: string[] = [];
  for (let n = 0; n < 500; n++) parts.push(`<p>${names.map((name, i) => `${escapeHtml(name)} item ${n}-${i}.`).join(' ')}</p>`);
  return page('5,000 mentions', parts.join('\n'));
}

/** An endless feed: 20 batches of 100 paragraphs, one batch every 250 ms. */
export function feedPage(): string {
  const paragraphs = corpusParagraphs().slice(0, 400);
  const script = `
const paragraphs = ${JSON.stringify(paragraphs)};
let batch = 0;
function append() {
  performance.mark('feed:batch');
  const frag = document.createDocumentFragment();
  for (let i = 0; i < 100; i++) {
    const p = document.createElement('p');
    p.textContent = paragraphs[(batch * 100 + i) % paragraphs.length];
    frag.append(p);
  }
  document.querySelector('article').append(frag);
  if (++batch < 20) setTimeout(append, 250); else performance.mark('feed:done');
}
setTimeout(append, 500);`;
  return page('Endless feed', '<p>The feed starts below.</p>', script);
}
