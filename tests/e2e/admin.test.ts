/**
 * The editor at /admin/ of the built fixture site, in Debian's Chromium, with
 * GitHub out of reach: its requests to GitHub are answered by the test
 * (tests/support/admin.ts) and any other host is refused. What the editor saves
 * (through Sveltia's test backend, which keeps the repository in the browser)
 * goes through the same content check as the build.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readContent } from '../../src/lib/content/read-content.ts';
import { site } from '../../src/site.config.ts';
import { launchChromium } from '../support/browser.ts';
import { seedTestRepo, testRepoStamp, waitForTestRepo, watchAdmin, type AdminTraffic } from '../support/admin.ts';
import { siteDir } from '../support/dist.ts';
import { FIXTURES } from '../support/paths.ts';
import { serveDist, type StaticServer } from '../support/static-server.ts';

const CONTENT = join(FIXTURES, 'content');
const STUDY = 'content/posts/2026-11-01-fixture-massage-study.md';

/** The fixture posts and authors as they would sit in the repository. */
function fixtureRepository(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(CONTENT, 'posts')).filter((f) => f.endsWith('.md'))) {
    files[`content/posts/${name}`] = readFileSync(join(CONTENT, 'posts', name), 'utf8');
  }
  for (const name of readdirSync(join(CONTENT, 'authors')))
    files[`content/authors/${name}`] = readFileSync(join(CONTENT, 'authors', name), 'utf8');
  return files;
}

describe('the editor at /admin/', () => {
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serveDist(siteDir('site'), '/');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function open(options: { testBackend: boolean; width?: number }): Promise<{ page: Page; traffic: AdminTraffic }> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const traffic = await watchAdmin(page, server.origin, options);
    return { page, traffic };
  }

  /** Open the editor on the test backend, holding the fixture repository. */
  async function openWithTestRepo(width?: number) {
    const opened = await open({ testBackend: true, ...(width ? { width } : {}) });
    await opened.page.goto(`${server.url}robots.txt`);
    await seedTestRepo(opened.page, fixtureRepository());
    await opened.page.goto(`${server.url}admin/`);
    await opened.page.getByRole('button', { name: /Test Repository/ }).click();
    return opened;
  }

  /** Open a post from the list of posts (on a phone the list of collections comes first). */
  async function openPost(page: Page, title: string) {
    await page.goto(`${server.url}admin/#/collections/posts`);
    await page.getByText(title, { exact: true }).click();
    await page.getByRole('textbox', { name: 'Title' }).waitFor();
  }

  async function saveEntry(page: Page) {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText(/Entry (saved|created)/)
      .first()
      .waitFor();
  }

  /** Scroll the form down to the text (fields far down are drawn once scrolled to); the text opens as Markdown. */
  async function showBody(page: Page) {
    const body = page.locator('[data-key-path="body"] :is(textarea, [contenteditable="true"]):visible');
    await page.mouse.move(300, 600);
    for (let i = 0; i < 20 && (await body.count()) === 0; i++) await page.mouse.wheel(0, 1500);
    await body.waitFor();
    return body;
  }

  const posts = (page: Page, ready: (files: Record<string, string>) => boolean) => waitForTestRepo(page, 'content/posts', ready);

  it('opens with GitHub blocked: the sign-in screen, no console error, no request but to GitHub', async () => {
    const { page, traffic } = await open({ testBackend: false });
    await page.goto(`${server.url}admin/`);
    await page.getByRole('button', { name: /Sign In with\s*\S*GitHub/ }).waitFor();
    await expect(page.getByRole('button', { name: /Access Token/ }).count()).resolves.toBe(1);
    // Let the start-up requests finish: Sveltia's check of GitHub's status page is answered in the page
    // (src/admin/github-status.ts), so it must show up neither here nor as a refused request in the console.
    await page.waitForLoadState('networkidle');
    expect(traffic.errors).toEqual([]);
    expect(traffic.elsewhere).toEqual([]);
    for (const url of traffic.github) expect(new URL(url).hostname).toBe('api.github.com');
  });

  it('creates a post with a hero picture that passes the content check', async () => {
    const picture = join(mkdtempSync(join(tmpdir(), 'admin-picture-')), 'breathing-hands.jpg');
    cpSync(join(CONTENT, 'posts/images/hero.jpg'), picture);
    const { page, traffic } = await openWithTestRepo();
    await page.goto(`${server.url}admin/#/collections/posts/new`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Breathing before a stretch');
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('Three slow breaths before a table-top stretch help your muscles let go. Here is how to do them.');
    await page.getByRole('radiogroup', { name: 'Author' }).getByRole('radio', { name: 'Ada Fixture' }).check();
    await page.locator('input[type="datetime-local"]').first().fill('2026-12-01T07:00');
    // A list needing at least one tag starts with one empty item.
    const tags = page.locator('[data-key-path="tags"] input[type="text"]');
    await tags.last().fill('stretching');
    await page.getByRole('button', { name: /Add.*Tags/ }).click();
    await tags.last().fill('breathing');
    await (await showBody(page)).click();
    await page.keyboard.type('Breathe in for **four** counts and out for six, three times, before the first stretch.');
    // The hero picture, uploaded next to the posts, with its alt text.
    await page.getByRole('checkbox', { name: /Add.*Hero picture/ }).click();
    await page.locator('[data-key-path="image.src"] input[type="file"]').first().setInputFiles(picture);
    await page.locator('[data-key-path="image.alt"] textarea').fill('Hands resting on a stretch table');
    await saveEntry(page);

    const isNew = (path: string) => path.endsWith('-breathing-before-a-stretch.md');
    const saved = Object.entries(await posts(page, (files) => Object.keys(files).some(isNew))).filter(([path]) => isNew(path));
    expect(saved.map(([path]) => path)).toHaveLength(1);
    const [path, text] = saved[0]!;
    expect(path).toMatch(/^content\/posts\/\d{4}-\d{2}-\d{2}-breathing-before-a-stretch\.md$/);
    expect(text).toContain('\ntags: [stretching, breathing]\n');
    expect(text).toContain('\ndate: 2026-12-01T07:00:00-05:00\n');
    expect(text).toMatch(/^---\ntitle: Breathing before a stretch\n/);
    expect(text).toMatch(/\n---\n\nBreathe in for \*\*four\*\* counts and out for six, three times, before the first stretch\.\n$/);
    expect(text).toContain('\nimage:\n  src: ./images/breathing-hands.jpg\n  alt: Hands resting on a stretch table\n');
    const uploaded = await waitForTestRepo(page, 'content/posts', (files) => 'content/posts/images/breathing-hands.jpg' in files);
    expect(Object.keys(uploaded)).toContain('content/posts/images/breathing-hands.jpg');

    // The file, in a copy of the fixture content, through the check that guards the build.
    const dir = mkdtempSync(join(tmpdir(), 'admin-saved-'));
    try {
      cpSync(CONTENT, dir, { recursive: true });
      writeFileSync(join(dir, path.replace(/^content\//, '')), text);
      cpSync(picture, join(dir, 'posts/images/breathing-hands.jpg'));
      const report = readContent({ contentDir: dir, timeZone: site.timezone, root: dir, now: new Date() });
      const mine = report.problems.filter((p) => p.file.endsWith('breathing-before-a-stretch.md'));
      expect(mine.filter((p) => p.severity === 'error')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(traffic.errors).toEqual([]);
    expect(traffic.elsewhere).toEqual([]);
    expect(traffic.github).toEqual([]);
  });

  it('saves an opened post unchanged byte for byte, and an edit changes only its line', async () => {
    const { page, traffic } = await openWithTestRepo();
    const original = fixtureRepository()[STUDY]!;
    await openPost(page, 'Fixture post with a citation');
    // The preview shows the post as the site does: byline with the author's name, the Sources list.
    const preview = page.locator('iframe').first().contentFrame();
    await expect(preview.locator('.byline').innerText()).resolves.toMatch(/^By Ada Fixture · November 1, 2026 · \d+ min read/);
    await expect(preview.locator('.sources li').first().innerText()).resolves.toContain('Crane, J. D.');

    // Saved without a change (the whole form drawn, text included), the file is written again, byte for byte as it was.
    await showBody(page);
    const seeded = await testRepoStamp(page, STUDY);
    await page.waitForTimeout(20); // so a rewrite gets a later time
    await saveEntry(page);
    for (let i = 0; i < 100 && (await testRepoStamp(page, STUDY)) === seeded; i++) await page.waitForTimeout(100);
    expect(await testRepoStamp(page, STUDY), 'the save wrote the file').not.toBe(seeded);
    expect((await posts(page, (files) => STUDY in files))[STUDY]).toBe(original);

    await openPost(page, 'Fixture post with a citation');
    await page.getByRole('textbox', { name: 'Title' }).fill('Fixture post with a citation, retitled');
    await saveEntry(page);
    const edited = (await posts(page, (files) => files[STUDY] !== original))[STUDY]!;
    const before = original.split('\n');
    const after = edited.split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['title: Fixture post with a citation, retitled']);
    expect(traffic.errors).toEqual([]);
    expect(traffic.elsewhere).toEqual([]);
  });

  it('keeps the Markdown of the text as written when another field changes (comments, tables, code, footnotes)', async () => {
    const path = 'content/posts/2026-11-02-markdown-kinds.md';
    const original = [
      '---',
      'title: Every kind of Markdown',
      'description: A post whose text uses every kind of Markdown the editor could be tempted to rewrite.',
      'author: ada-fixture',
      'date: 2026-11-02',
      'tags: [massage]',
      '---',
      '',
      '<!--',
      '  A note for the writer, as `npm run new` leaves one.',
      '-->',
      '',
      'Some *text* and __bold__ with a [reference link][ref].',
      '',
      '* a star list',
      '* second item',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '```js',
      'const x = 1;',
      '```',
      '',
      'A footnote.[^1]',
      '',
      '[ref]: https://example.org/',
      '[^1]: The note.',
      '',
    ].join('\n');
    const opened = await open({ testBackend: true });
    const { page, traffic } = opened;
    await page.goto(`${server.url}robots.txt`);
    await seedTestRepo(page, { ...fixtureRepository(), [path]: original });
    await page.goto(`${server.url}admin/`);
    await page.getByRole('button', { name: /Test Repository/ }).click();
    await openPost(page, 'Every kind of Markdown');
    await page.getByRole('textbox', { name: 'Title' }).first().fill('Every kind of Markdown, kept');
    // The text is drawn once scrolled to, and drawing it is what could rewrite it.
    const body = await showBody(page);
    await expect(body.evaluate((e) => ('value' in e ? String(e.value) : e.textContent))).resolves.toContain('The note.');
    await saveEntry(page);
    const saved = (await posts(page, (files) => files[path] !== original))[path]!;
    expect(saved).toBe(original.replace('title: Every kind of Markdown\n', 'title: Every kind of Markdown, kept\n'));
    expect(traffic.errors).toEqual([]);
  });

  it('fits a 390 px phone screen: no sideways scrolling, the form within the screen', async () => {
    const { page, traffic } = await openWithTestRepo(390);
    const widths = () => page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect((await widths()).page).toBeLessThanOrEqual(390);
    await openPost(page, 'Fixture post with a citation');
    const title = page.getByRole('textbox', { name: 'Title' });
    const box = (await title.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect((await widths()).page).toBeLessThanOrEqual(390);
    await expect(page.getByRole('button', { name: 'Save', exact: true }).isVisible()).resolves.toBe(true);
    expect(traffic.errors).toEqual([]);
    expect(traffic.elsewhere).toEqual([]);
  });
});
