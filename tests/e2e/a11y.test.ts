/**
 * axe-core in Chromium on every kind of page, in the light and the dark colour
 * scheme. Any violation fails with its rule, the elements and how to fix it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { launchChromium, searchStatus } from '../support/browser.ts';
import { siteDir } from '../support/dist.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES: Record<string, string> = {
  home: '',
  'home, page 2': 'page/2/',
  'post with pictures': 'posts/fixture-hero-image/',
  'post with sources': 'posts/fixture-massage-study/',
  'MDX post': 'posts/fixture-mdx-post/',
  topics: 'tags/',
  topic: 'tags/recovery/',
  writers: 'authors/',
  writer: 'authors/ada-fixture/',
  archive: 'archive/',
  'archive year': 'archive/2026/',
  'archive month': 'archive/2026/11/',
  search: 'search/',
  'search with results': 'search/?q=massage',
  'search in one topic': 'search/?q=fixture&tag=recovery',
  book: 'book/',
  subscribe: 'subscribe/',
  'subscribe to a topic': 'subscribe/tags/massage/',
  'subscribe to a writer': 'subscribe/authors/ada-fixture/',
  'not found': 'no-such-page/',
};

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(siteDir('site'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function describeViolations(results: AxeResults): string[] {
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, ' ')}`).join('\n    ')}`,
  );
}

async function audit(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  // A run that checked nothing would pass silently.
  if (results.passes.length === 0) throw new Error(`axe-core checked nothing on ${page.url()}`);
  return describeViolations(results);
}

describe.each(['light', 'dark'] as const)('axe-core in the %s colour scheme', (scheme) => {
  it('finds no violations on any kind of page', async () => {
    const context = await browser.newContext({ colorScheme: scheme });
    try {
      const page = await context.newPage();
      const found: string[] = [];
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(server.url + path);
        if (path.includes('?q=')) expect(await searchStatus(page)).toMatch(/found for/);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        for (const v of await audit(page)) found.push(`${name} (/${path}): ${v}`);
      }
      expect(found, found.join('\n\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
