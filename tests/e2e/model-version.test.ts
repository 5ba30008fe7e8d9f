// A card is about what was pointed at: a model's version written after its
// name ("Qwen3-Max") gets a card titled with that version, saying whose
// version it is, without the family's release date and licence, which
// would be wrong for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension, settledHighlights, type ExtensionBrowser } from './browser';
import { hoverForCard, waitForNoCard } from './tooltip-probe';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/pages/model-version.html`);
  await settledHighlights(page, { atLeast: 4 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a version of a model', () => {
  it("shows the family's card, with its release date and licence, for the family's name", async () => {
    const card = await hoverForCard(page, 'Qwen');
    expect(await card.text('.title')).toBe('Qwen (Tongyi Qianwen)');
    expect(await card.count('[data-variant-of]')).toBe(0);
    expect(await card.text('.facts')).toMatch(/Released/);
  });

  it('shows a card about the version for the version', async () => {
    await page.mouse.move(2, 2);
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    const card = await hoverForCard(page, 'Qwen3-Max');
    expect(await card.text('.title')).toBe('Qwen3-Max');
    expect(await card.text('[data-variant-of]')).toBe('A version of Qwen (Tongyi Qianwen)');
    const facts = await card.text('.facts');
    expect(facts).toMatch(/Maker/);
    expect(facts).not.toMatch(/Released|Open weights/);
  });
});
