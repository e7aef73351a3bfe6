/**
 * A reader in a real browser (Debian's Chromium) on the built fixture site:
 * the reading path with and without JavaScript, search, phones, and the
 * Content-Security-Policy (no blocked script, no request to another origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, searchStatus } from '../support/browser.ts';
import { siteDir } from '../support/dist.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

/** How long to wait for a script to finish; never a measure of speed. */
const WAIT = { timeout: 15_000 };

let browser: Browser;
let site: StaticServer;
let based: StaticServer;

beforeAll(async () => {
  [site, based] = await Promise.all([serveStatic(siteDir('site')), serveStatic(siteDir('base'), { base: '/blog/' })]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), based?.close()]);
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations, script errors and requests that left the site's origin. */
  problems: string[];
}

/** A fresh context whose every request to another origin is blocked and reported, as are CSP violations. */
async function open(server: StaticServer, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext(options);
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === server.origin) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return { context, page, problems };
}

/** Runs `steps` in a fresh watched context, then checks nothing was blocked or failed. */
async function reading(server: StaticServer, options: BrowserContextOptions, steps: (page: Page) => Promise<void>): Promise<void> {
  const { context, page, problems } = await open(server, options);
  try {
    await steps(page);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

async function h1(page: Page): Promise<string> {
  return (await page.locator('h1').first().innerText()).trim();
}

/** Follows a link the way a reader does and checks the browser ends up where it pointed. */
async function follow(page: Page, link: ReturnType<Page['locator']>): Promise<string> {
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  await Promise.all([page.waitForURL((u) => u.pathname === new URL(href!, page.url()).pathname), link.click()]);
  return new URL(page.url()).pathname;
}

describe('reading path', () => {
  it('goes home → post → topic → post → related post → search, and lands on the post searched for', async () => {
    await reading(site, {}, async (page) => {
      await page.goto(site.url);
      const firstCard = page.locator('.post-list .card-title a').filter({ hasText: 'Fixture post with a citation' });
      const postTitle = (await firstCard.innerText()).trim();
      await follow(page, firstCard);
      expect(await h1(page)).toBe(postTitle);
      expect(await page.locator('.prose').innerText()).not.toBe('');

      // A topic with several posts.
      const tag = page.locator('.post-tags a').filter({ hasText: '#recovery' });
      await follow(page, tag);
      expect(await h1(page)).toContain('#recovery');
      const others = page.locator('.post-list .card-title a').filter({ hasNotText: postTitle });
      expect(await others.count()).toBeGreaterThan(0);
      const second = others.first();
      const secondTitle = (await second.innerText()).trim();
      await follow(page, second);
      expect(await h1(page)).toBe(secondTitle);

      // Related posts share a topic with this one.
      const related = page.locator('section.related a');
      expect(await related.count()).toBeGreaterThan(0);
      const relatedTitle = (await related.first().innerText()).trim();
      const target = await follow(page, related.first());
      expect(await h1(page)).toBe(relatedTitle);
      const topics = await page.locator('.post-tags a').allInnerTexts();
      expect(topics).toContain('#recovery');

      // Search for the longest word of that post's text, by keyboard.
      const words = (await page.locator('.prose').innerText()).match(/[A-Za-z]{5,}/g) ?? [];
      const word = words.reduce((a, b) => (b.length > a.length ? b : a), '');
      expect(word.length).toBeGreaterThanOrEqual(5);
      await follow(page, page.locator('.site-header a', { hasText: 'Search' }));
      const box = page.getByLabel('Words to look for');
      await box.focus();
      await page.keyboard.type(word);
      await page.keyboard.press('Enter');
      expect(await searchStatus(page)).toMatch(/found for/);
      expect(new URL(page.url()).searchParams.get('q')).toBe(word);
      const hit = page.locator('.search-results a').filter({ hasText: relatedTitle });
      expect(await hit.count()).toBe(1);
      expect(new URL((await hit.getAttribute('href'))!, page.url()).pathname).toBe(target);
      expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
      await hit.focus();
      await Promise.all([page.waitForURL((u) => u.pathname === target), page.keyboard.press('Enter')]);
      expect(await h1(page)).toBe(relatedTitle);
    });
  });

  it('search says so when nothing matches, and never offers a draft or scheduled post', async () => {
    await reading(site, {}, async (page) => {
      await page.goto(`${site.url}search/?q=xylophone`);
      expect(await searchStatus(page)).toMatch(/^No posts found for “xylophone”/);
      expect(await page.locator('.search-results li').count()).toBe(0);
      // Pagefind forgives typos, so a marker may bring up some public post; never the unpublished one.
      for (const word of ['DRAFTMARKER', 'FUTUREMARKER', 'LATERTODAYMARKER', 'draftonlytag', 'futureonlytag']) {
        await page.goto(`${site.url}search/?q=${word}`);
        expect(await searchStatus(page)).not.toBe('');
        expect(await page.locator('.search-results').innerText()).not.toMatch(/MARKER|onlytag/);
        const hrefs = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
        for (const href of hrefs) expect(href).not.toMatch(/draft-fixture|future-fixture|later-today/);
      }
    });
  });

  it('search works under the base path /blog/, with results linking inside it', async () => {
    await reading(based, {}, async (page) => {
      await page.goto(`${based.url}search/?q=citation`);
      expect(await searchStatus(page)).toMatch(/found for/);
      const hrefs = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^\/blog\/posts\/[a-z0-9-]+\/$/);
      await follow(page, page.locator('.search-results a').first());
      expect(await page.locator('article.post').count()).toBe(1);
    });
  });

  it('the byline script turns a recent date into "… ago" under the CSP, keeping the date in its title', async () => {
    await reading(site, {}, async (page) => {
      // Pin the reader's clock a day and a half after the fixture post's date.
      await page.clock.setFixedTime(new Date('2026-11-21T12:00:00-05:00'));
      await page.goto(`${site.url}posts/custom-slug-fixture/`);
      const time = page.locator('.byline time[data-relative]');
      await expect.poll(() => time.getAttribute('title'), WAIT).toBe('November 20, 2026');
      expect(await time.innerText()).not.toBe('November 20, 2026');
      expect(await time.innerText()).toMatch(/ago|yesterday/);
    });
  });
});

describe('without JavaScript', () => {
  it('every page of the reading path works and the search page explains itself', async () => {
    await reading(site, { javaScriptEnabled: false }, async (page) => {
      await page.goto(site.url);
      await follow(page, page.locator('.pagination a[rel="next"]'));
      expect(await h1(page)).toMatch(/page 2/i);
      await follow(page, page.locator('.post-list .card-title a').first());
      expect(await page.locator('.prose').innerText()).not.toBe('');
      // The script did not run, so the date reads as a date.
      expect(await page.locator('.byline time').first().innerText()).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
      await follow(page, page.locator('.post-tags a').first());
      await follow(page, page.locator('.post-list .card-title a').first());
      await follow(page, page.locator('.byline a[rel="author"]'));
      expect(await page.locator('.post-list li').count()).toBeGreaterThan(0);
      await follow(page, page.locator('.site-header a', { hasText: 'Archive' }));
      await follow(page, page.locator('.archive-month h3 a').first());
      expect(await page.locator('.post-list li').count()).toBeGreaterThan(0);
      await follow(page, page.locator('.site-header a', { hasText: 'Search' }));
      expect(await page.locator('main').innerText()).toContain('Search needs JavaScript');
    });
  });
});

describe('on a phone', () => {
  const PHONE = { width: 360, height: 740 };
  const pages = [
    '',
    'page/2/',
    'posts/fixture-hero-image/',
    'posts/fixture-massage-study/',
    'posts/fixture-mdx-post/',
    'tags/',
    'tags/recovery/',
    'authors/',
    'authors/ada-fixture/',
    'archive/',
    'archive/2026/',
    'archive/2026/11/',
    'search/?q=massage',
    'no-such-page/',
  ];

  it('no page scrolls sideways at 360 px wide', async () => {
    await reading(site, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, async (page) => {
      const wide: string[] = [];
      for (const path of pages) {
        await page.goto(site.url + path);
        if (path.startsWith('search/')) expect(await searchStatus(page)).not.toBe('');
        // Compared with the screen's width itself: a phone browser widens its layout to fit overflowing content.
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > PHONE.width) wide.push(`${path || '(home)'}: ${scroll}px content on a ${PHONE.width}px screen`);
      }
      expect(wide).toEqual([]);
    });
  });
});
