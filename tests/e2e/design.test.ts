/**
 * The site as a reader sees it, in Chromium on a 390 px phone and a 1280 px
 * laptop, light and dark: a screenshot of each kind of page (written to
 * tests/.out/screenshots/ for people to look at) and assertions on its layout,
 * never on its pixels: the header is one row and at most about 64 px tall on a
 * phone with the booking link on screen, nothing scrolls sideways, pictures
 * are there, and neither fonts nor pictures move the page when they arrive.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, searchStatus } from '../support/browser.ts';
import { siteDir } from '../support/dist.ts';
import { OUT } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const SHOTS = join(OUT, 'screenshots');

const PAGES = {
  home: '',
  post: 'posts/fixture-hero-image/',
  tag: 'tags/stretching/',
  search: 'search/?q=massage',
  subscribe: 'subscribe/',
  book: 'book/',
  'not found': 'no-such-page/',
} as const;

const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  laptop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
} satisfies Record<string, BrowserContextOptions>;

/** The phone header's height: one row of 44 px touch targets with a little air. */
const PHONE_HEADER_MAX = 64;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(siteDir('site'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Box = { x: number; y: number; width: number; height: number };

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen at ${page.url()}`);
  return found;
}

/** Opens a page and waits until what it shows is settled: fonts, pictures above the fold, search results. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(server.url + path, { waitUntil: 'load' });
  if (path.startsWith('search/')) expect(await searchStatus(page)).toMatch(/found for/);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe.each(Object.keys(SCREENS) as (keyof typeof SCREENS)[])('on a %s', (screen) => {
  describe.each(['light', 'dark'] as const)('in the %s scheme', (scheme) => {
    it('every kind of page: header in one row, booking at hand, nothing wider than the screen, pictures present', async () => {
      const options = SCREENS[screen];
      const context = await browser.newContext({ ...options, colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      try {
        for (const [name, path] of Object.entries(PAGES)) {
          await open(page, path);
          await page.screenshot({ path: join(SHOTS, `${screen}-${scheme}-${name.replace(/\s+/g, '-')}.png`), fullPage: true });
          const width = options.viewport.width;

          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) problems.push(`${name}: content ${scroll}px wide on a ${width}px screen`);

          const header = await box(page, '.site-header');
          const brand = await box(page, '.brand');
          const book = await box(page, '.nav-book');
          if (screen === 'phone' && header.height > PHONE_HEADER_MAX) problems.push(`${name}: header ${header.height}px tall`);
          // One row: the name, the menu and the booking link share a middle line.
          const rowItems = [brand, book, ...(screen === 'phone' ? [await box(page, '.menu-button')] : [await box(page, '#site-menu')])];
          const middles = rowItems.map((b) => b.y + b.height / 2);
          if (Math.max(...middles) - Math.min(...middles) > 4)
            problems.push(`${name}: header items are not in one row (${middles.join(', ')})`);
          if (book.x < 0 || book.x + book.width > width || book.y + book.height > header.y + header.height) {
            problems.push(`${name}: the booking link is not fully on screen in the header`);
          }
          if (!(await page.locator('.nav-book').isVisible())) problems.push(`${name}: the booking link is hidden`);

          // Every picture has its size reserved before it loads.
          const unsized = await page.locator('main img:not([width][height])').count();
          if (unsized > 0) problems.push(`${name}: ${unsized} picture(s) without width and height`);
        }
        // Pictures: the post's hero and every card's picture (a photo or the designed stand-in, never an empty box).
        await open(page, PAGES.post);
        const hero = page.locator('figure.hero img');
        expect(await hero.isVisible()).toBe(true);
        expect(await hero.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
        for (const path of [PAGES.home, PAGES.tag]) {
          // (The tag page is opened last: the assertion after the loop is about it.)
          await open(page, path);
          const media = page.locator('.card-media');
          expect(await media.count()).toBeGreaterThan(0);
          for (const m of await media.all()) {
            const b = await m.boundingBox();
            expect(b && b.width > 40 && b.height > 40, `${path}: a card picture has no room`).toBe(true);
            expect(await m.locator('img, .card-standin').count()).toBe(1);
          }
        }
        expect(await page.locator('.card-media img').count(), 'the topic page shows the hero of the post that has one').toBeGreaterThan(0);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});

describe('on the narrowest phone (320 px)', () => {
  it('no page scrolls sideways and the header stays one row', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      const wide: string[] = [];
      for (const path of [
        ...Object.values(PAGES),
        'authors/ada-fixture/',
        'archive/',
        'subscribe/tags/massage/',
        'posts/fixture-massage-study/',
      ]) {
        await open(page, path);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > 320) wide.push(`${path || '(home)'}: ${scroll}px`);
        const header = await box(page, '.site-header');
        if (header.height > PHONE_HEADER_MAX) wide.push(`${path || '(home)'}: header ${header.height}px tall`);
      }
      expect(wide).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the phone menu', () => {
  it('opens, lists every section and leads there, without JavaScript', async () => {
    const context = await browser.newContext({ ...SCREENS.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await open(page, PAGES.post);
      const menu = page.locator('#site-menu');
      expect(await menu.isVisible()).toBe(false);
      await page.locator('.menu-button').click();
      expect(await menu.isVisible()).toBe(true);
      expect(await menu.locator('a').allInnerTexts()).toEqual(['Journal', 'Topics', 'Writers', 'Archive', 'Search']);
      // Inside the screen, below the header.
      const header = await box(page, '.site-header');
      const list = await box(page, '#site-menu');
      expect(list.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
      expect(list.x + list.width).toBeLessThanOrEqual(SCREENS.phone.viewport.width);
      await Promise.all([page.waitForURL((u) => u.pathname === '/tags/'), menu.locator('a', { hasText: 'Topics' }).click()]);
      expect(await page.locator('h1').innerText()).toBe('Topics');
    } finally {
      await context.close();
    }
  });
});

/** Where the page's landmarks sit, and their line height: what a reader would see jump if fonts or pictures moved it. */
async function landmarks(page: Page): Promise<Record<string, { top: number; height: number; line: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { top: number; height: number; line: number }> = {};
    const at = (name: string, el: Element | null) => {
      if (!el) return;
      const r = el.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(el).lineHeight) || 0;
      out[name] = { top: Math.round(r.top + window.scrollY), height: Math.round(r.height), line };
    };
    at('header', document.querySelector('.site-header'));
    at('h1', document.querySelector('h1'));
    at('hero', document.querySelector('figure.hero, .card-lead .card-media'));
    at('first paragraph', document.querySelector('.prose p, .card-lead .card-summary'));
    return out;
  });
}

describe('nothing moves as fonts and pictures arrive', () => {
  it.each(Object.keys(SCREENS) as (keyof typeof SCREENS)[])(
    'on a %s: the stand-in fonts and the empty picture boxes take the room the real ones will',
    async (screen) => {
      const shifts: string[] = [];
      for (const path of [PAGES.home, PAGES.post]) {
        const loaded = await browser.newContext(SCREENS[screen]);
        const bare = await browser.newContext(SCREENS[screen]);
        try {
          const full = await loaded.newPage();
          await open(full, path);
          // The same page before fonts and pictures arrive: their requests never answer.
          await bare.route(/\.(woff2|avif|webp|jpe?g|png)(\?|$)/, (route) => route.abort());
          const early = await bare.newPage();
          await early.goto(server.url + path, { waitUntil: 'load' });
          expect(
            await early.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded' && !f.family.includes('fallback')).length),
          ).toBe(0);
          const a = await landmarks(full);
          const b = await landmarks(early);
          expect(Object.keys(a).length).toBe(4);
          for (const [key, after] of Object.entries(a)) {
            const before = b[key]!;
            // Nothing above moves: the header, the title and the picture sit where they will stay.
            if (Math.abs(after.top - before.top) > 8)
              shifts.push(`${path || '(home)'} ${key} top: ${before.top} before, ${after.top} after`);
            // A block of text may wrap one word differently in the stand-in, so end one line shorter or longer; never more.
            const slack = after.height > after.line * 1.5 ? after.line + 2 : 8;
            if (Math.abs(after.height - before.height) > slack)
              shifts.push(`${path || '(home)'} ${key} height: ${before.height} before, ${after.height} after`);
          }
        } finally {
          await Promise.all([loaded.close(), bare.close()]);
        }
      }
      expect(shifts).toEqual([]);
    },
  );

  it('Chromium records no layout shift while a post loads on a phone', async () => {
    const context = await browser.newContext(SCREENS.phone);
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { shift: number }).shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!e.hadRecentInput) (window as unknown as { shift: number }).shift += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (const path of [PAGES.post, PAGES.home]) {
        await open(page, path);
        expect(await page.evaluate(() => (window as unknown as { shift: number }).shift), path).toBeLessThan(0.01);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the subscribe page', () => {
  it('shows the feed address as text to select without JavaScript, and a Copy button that copies it with', async () => {
    const bare = await browser.newContext({ javaScriptEnabled: false });
    const full = await browser.newContext();
    try {
      const before = await bare.newPage();
      await open(before, PAGES.subscribe);
      expect(await before.locator('#feed-address').inputValue()).toMatch(/^https:\/\/.+\/rss\.xml$/);
      expect(await before.locator('[data-copy]').isVisible()).toBe(false);

      await full.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const page = await full.newPage();
      await open(page, PAGES.subscribe);
      const address = await page.locator('#feed-address').inputValue();
      await page.locator('[data-copy]').click();
      await expect.poll(() => page.locator('[data-copy-status]').innerText()).toMatch(/^Copied/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
      // With a newsletter service set (the fixture settings), the sign-up form posts to it alone.
      const form = page.locator('form.signup');
      expect(await form.getAttribute('action')).toMatch(/^https:\/\/buttondown\.com\//);
      expect(await form.locator('input[type="email"]').getAttribute('name')).toBe('email');
    } finally {
      await Promise.all([bare.close(), full.close()]);
    }
  });
});
