import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';

describe('astro dev previews unpublished posts', () => {
  let server: DevServer;

  beforeAll(async () => {
    server = await startDevServer({
      CONTENT_DIR: join(FIXTURES, 'content'),
      BLOG_NOW: FIXTURE_NOW,
      ASTRO_CACHE_DIR: join(OUT, 'dev-preview-cache'),
    });
  });
  afterAll(async () => {
    await server?.stop();
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
});
