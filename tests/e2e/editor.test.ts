/**
 * The browser editor, as a marketer uses it: `astro dev` on loopback with a
 * temporary copy of the fixture content, Debian's Chromium, and the files it
 * writes checked by the same content check that guards the build.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readContent } from '../../src/lib/content/read-content.ts';
import { site } from '../../src/site.config.ts';
import { launchChromium } from '../support/browser.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';

const GOOD_DESCRIPTION = 'Three slow breaths before a table-top stretch help your muscles let go. Here is how to do them on the table.';

describe('the browser editor under astro dev', () => {
  let server: DevServer;
  let browser: Browser;
  let content: string;
  /** Every address the browser asked for while the editor was open. */
  const requested: string[] = [];

  const postsDir = () => join(content, 'posts');
  const postFiles = () => readdirSync(postsDir()).filter((f) => f.endsWith('.md'));

  async function openEditor(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
    // The first visit may wait for Vite to bundle the editor's modules.
    await page.getByRole('link', { name: 'Posts' }).first().waitFor({ timeout: 150_000 });
    return page;
  }

  async function fillNewPost(page: Page, post: { title: string; description: string; updated?: string }) {
    await page.getByRole('textbox', { name: 'Title' }).fill(post.title);
    await page.getByRole('textbox', { name: 'Description' }).fill(post.description);
    await page.getByRole('combobox', { name: 'Author' }).click();
    await page.keyboard.type('ada');
    await page.getByRole('option', { name: 'ada-fixture' }).click();
    const days = page.locator('input[type=date]');
    await days.nth(0).fill('2026-12-01');
    if (post.updated) await days.nth(1).fill(post.updated);
    await page.getByRole('textbox', { name: 'Tags' }).fill('stretching, breathing');
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('Breathe in for four counts and out for six.');
  }

  async function save(page: Page, button: 'Create' | 'Save') {
    const response = page.waitForResponse((r) => r.url().includes('/api/keystatic/update'), { timeout: 30_000 });
    await page.getByRole('button', { name: button }).click();
    return response;
  }

  beforeAll(async () => {
    content = mkdtempSync(join(tmpdir(), 'editor-content-'));
    cpSync(join(FIXTURES, 'content'), content, { recursive: true });
    server = await startDevServer(
      { CONTENT_DIR: content, BLOG_NOW: FIXTURE_NOW, ASTRO_CACHE_DIR: join(OUT, 'editor-cache') },
      120_000,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it('opens on loopback, lists the posts, and fetches nothing from outside this machine', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await openEditor('/keystatic/collection/posts');
    await page.getByText('2026-11-01-fixture-massage-study').waitFor({ timeout: 30_000 });
    const response = await page.request.get(`${server.url}/keystatic/`);
    expect(response.headers()['content-security-policy']).toContain("default-src 'self'");
    const outside = requested.filter((u) => !u.startsWith(`${server.url}/`) && !/^(data|blob):/.test(u));
    expect(outside).toEqual([]);
    await page.close();
  }, 240_000);

  it('creates a post whose file the content check accepts', async () => {
    const page = await openEditor('/keystatic/collection/posts/create');
    await fillNewPost(page, { title: 'Breathing before a stretch session', description: GOOD_DESCRIPTION });
    expect((await save(page, 'Create')).status()).toBe(200);
    await page.waitForURL(/\/keystatic\/collection\/posts\/item\//);

    const [file] = postFiles().filter((f) => /^\d{4}-\d{2}-\d{2}-breathing-before-a-stretch-session\.md$/.test(f));
    expect(file).toBeDefined();
    const text = readFileSync(join(postsDir(), file!), 'utf8');
    expect(text).toBe(
      [
        '---',
        'title: Breathing before a stretch session',
        `description: ${GOOD_DESCRIPTION}`,
        'author: ada-fixture',
        'date: 2026-12-01',
        'tags: [stretching, breathing]',
        '---',
        '',
        'Breathe in for four counts and out for six.',
        '',
      ].join('\n'),
    );
    const report = readContent({ contentDir: content, timeZone: site.timezone, root: content, now: new Date() });
    expect(report.problems.filter((p) => p.file === `posts/${file}` && p.severity === 'error')).toEqual([]);
    const checked = report.posts.find((p) => p.file === `posts/${file}`);
    expect(checked?.data?.title).toBe('Breathing before a stretch session');
    expect(checked?.data?.tags).toEqual(['stretching', 'breathing']);
    await page.close();
  }, 240_000);

  it("refuses an invalid field with the schema's message, and writes nothing", async () => {
    const before = postFiles();
    const page = await openEditor('/keystatic/collection/posts/create');
    await fillNewPost(page, { title: 'A post with a short description', description: 'Too short.' });
    await page.getByRole('button', { name: 'Create' }).click();
    await expect
      .poll(() => page.getByText('Description is shorter than 50 characters; write one full sentence that sums the post up').count())
      .toBeGreaterThan(0);
    expect(postFiles()).toEqual(before);
    await page.close();
  }, 240_000);

  it("refuses a post the content check rejects, showing the check's message, and writes nothing", async () => {
    const before = postFiles();
    const page = await openEditor('/keystatic/collection/posts/create');
    await fillNewPost(page, { title: 'Updated before it was published', description: GOOD_DESCRIPTION, updated: '2026-11-01' });
    const response = await save(page, 'Create');
    expect(response.status()).toBe(422);
    await page.getByText(/updated\s+is before `date`; a post cannot be updated before it is published/).waitFor({ timeout: 30_000 });
    expect(postFiles()).toEqual(before);
    await page.close();
  }, 240_000);

  it('saves one change to an existing post as that change alone', async () => {
    const path = join(postsDir(), '2026-11-01-fixture-massage-study.md');
    const original = readFileSync(path, 'utf8');
    const page = await openEditor('/keystatic/collection/posts/item/2026-11-01-fixture-massage-study');
    await page.getByRole('checkbox', { name: 'Draft' }).click();
    expect((await save(page, 'Save')).status()).toBe(200);
    const after = readFileSync(path, 'utf8');
    const added = after.split('\n').filter((line, i, all) => all.indexOf(line) === i && !original.split('\n').includes(line));
    expect(added).toEqual(['draft: true']);
    expect(after.replace('draft: true\n', '')).toBe(original);
    await page.close();
  }, 240_000);
});
