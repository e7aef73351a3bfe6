/**
 * `astro dev` as a writer uses it: drafts and scheduled posts with their
 * badges, and a post with problems shown at its own address as the list
 * `npm run check` prints, read in a real browser.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';

// What the dev server used to accept although `npm run check` refused it: a month 13, an unknown
// author, a hero picture that is not there.
const BROKEN = `---
title: A post with three slips
description: Written for the dev server test, with a date, an author and a picture that the check refuses.
author: nobody-here
date: 2026-13-01
tags: [massage]
image:
  src: ./images/not-there.jpg
  alt: A picture that was never saved
---

Some text.
`;

/** A post that is valid when the server starts; the last test edits it while the server runs. */
const EDITED = 'posts/2026-11-25-edited-while-running.md';
const version = (description: string, marker: string) => `---
title: A post edited while the server runs
description: ${description}
author: ada-fixture
date: 2026-11-25
tags: [massage]
---

${marker}: the text of this version.
`;
const FIRST = version('The first version of a post that the dev server test edits into a broken one and back.', 'FIRSTVERSIONMARKER');
// The slip of issue 13: an unquoted colon, which leaves the whole frontmatter unreadable.
const BROKEN_EDIT = version('Edited: now with a colon, which YAML reads as the start of a new field.', 'SECONDVERSIONMARKER');
const FIXED = version('"Edited: the colon is quoted now, so the post is valid again and shows."', 'THIRDVERSIONMARKER');

describe('astro dev previews unpublished posts', () => {
  let server: DevServer;
  let browser: Browser;
  // Inside the project, so messages name the file as people see it: relative to the project.
  const content = join(OUT, 'dev-preview-content');

  beforeAll(async () => {
    rmSync(content, { recursive: true, force: true });
    cpSync(join(FIXTURES, 'content'), content, { recursive: true });
    writeFileSync(join(content, 'posts/2026-11-26-three-slips.md'), BROKEN);
    writeFileSync(join(content, EDITED), FIRST);
    [server, browser] = await Promise.all([
      startDevServer({ CONTENT_DIR: content, BLOG_NOW: FIXTURE_NOW, ASTRO_CACHE_DIR: join(OUT, 'dev-preview-cache') }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), browser?.close()]);
  });

  it('shows a draft with a draft badge', async () => {
    const html = await (await fetch(`${server.url}/posts/draft-fixture/`)).text();
    expect(html).toContain('DRAFTMARKER fixture draft');
    expect(html).toMatch(/<span class="badge badge-draft"[^>]*>Draft: not published<\/span>/);
  });

  it('shows a future post with a scheduled badge', async () => {
    const html = await (await fetch(`${server.url}/posts/future-fixture/`)).text();
    expect(html).toMatch(/<span class="badge badge-scheduled"[^>]*>Scheduled: not public yet<\/span>/);
  });

  it('lists unpublished posts on the home page with their badges, and public ones without', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('LATERTODAYMARKER');
    expect(html).toContain('badge-scheduled');
    const study = await (await fetch(`${server.url}/posts/fixture-massage-study/`)).text();
    expect(study).not.toContain('class="badge');
  });

  it('shows a post with problems at its own address, in the words of npm run check', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${server.url}/posts/three-slips/`);
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.locator('h1').innerText()).toBe('This post has problems');
      // textContent keeps the two spaces between the parts, as npm run check prints them. Polled: the dev
      // server may reload the page once while it prepares its modules.
      await expect
        .poll(() => page.locator('article li').allTextContents())
        .toEqual([
          'tests/.out/dev-preview-content/posts/2026-11-26-three-slips.md:4  author  "nobody-here" is not an author. Known authors: ada-fixture, ben-sample',
          'tests/.out/dev-preview-content/posts/2026-11-26-three-slips.md:5  date  "2026-13-01" is not a day on the calendar; write 2026-11-27 or 2026-11-27T07:00:00-05:00',
          'tests/.out/dev-preview-content/posts/2026-11-26-three-slips.md:8  image → src  points to "./images/not-there.jpg", which does not exist; check the file name and that the path starts with ./',
        ]);
    } finally {
      await page.close();
    }
  });

  it('names the post with problems on the home page, linking to its list', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      const notice = page.locator('aside[role="status"]');
      await expect.poll(() => notice.innerText()).toContain('1 post has problems and would not be published');
      await notice.getByRole('link', { name: 'tests/.out/dev-preview-content/posts/2026-11-26-three-slips.md' }).click();
      await expect.poll(() => page.url()).toBe(`${server.url}/posts/three-slips/`);
    } finally {
      await page.close();
    }
  });

  // Last: it changes the content the tests above read. Waits are bounds for the dev server to notice a
  // save, not expectations about its speed.
  it('follows a post edited into a broken one and back while it runs, never showing an older version', async () => {
    const address = `${server.url}/posts/edited-while-running/`;
    const html = async () => (await fetch(address)).text();
    const saved = { timeout: 30_000, interval: 250 };
    expect(await html()).toContain('FIRSTVERSIONMARKER');

    writeFileSync(join(content, EDITED), BROKEN_EDIT);
    await expect.poll(html, saved).toContain('This post has problems');
    expect(await html()).not.toContain('FIRSTVERSIONMARKER');
    const page = await browser.newPage();
    try {
      await page.goto(address);
      await expect
        .poll(() => page.locator('article li').allTextContents())
        .toEqual([
          'tests/.out/dev-preview-content/posts/2026-11-25-edited-while-running.md:3  description  has a colon in its text, which YAML reads as a new field; put the whole text in double quotes: description: "Edited: now with a colon, which YAML reads as the start of a new field."',
        ]);
    } finally {
      await page.close();
    }

    writeFileSync(join(content, EDITED), FIXED);
    await expect.poll(html, saved).toContain('THIRDVERSIONMARKER');
    const fixed = await html();
    expect(fixed).not.toContain('This post has problems');
    expect(fixed).toMatch(/<h1[^>]*>A post edited while the server runs<\/h1>/);
  });
});
