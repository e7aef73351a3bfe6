import { join } from 'node:path';
import { FIXTURES, FIXTURE_NOW, OUT } from './paths.ts';
import type { SiteBuild } from './build-site.ts';

/** Made-up studios with every detail set (address, hours, phone, photo) and a newsletter service, so no test needs the real ones. */
export const FIXTURE_SETTINGS = join(FIXTURES, 'settings/site.json');

/** The fixture sites the build and browser tests read. */
export const SITES = {
  /** The main fixture: public, draft, scheduled, MDX and image posts. A small API page size, so the JSON API has several pages. */
  site: {
    name: 'site',
    contentDir: join(FIXTURES, 'content'),
    now: FIXTURE_NOW,
    env: { SITE_API_PAGE_SIZE: '6', SITE_SETTINGS_FILE: FIXTURE_SETTINGS },
  },
  /** The same content served under /blog/. */
  base: {
    name: 'base',
    contentDir: join(FIXTURES, 'content'),
    base: '/blog/',
    now: FIXTURE_NOW,
    env: { SITE_SETTINGS_FILE: FIXTURE_SETTINGS },
  },
  /** No posts at all, and the studio's own settings (no studio details): every output must still be valid. */
  empty: { name: 'empty', contentDir: join(FIXTURES, 'empty'), now: FIXTURE_NOW },
  /**
   * Hostile and unlucky content (tests/fixtures/hostile/), built as the publish workflow builds it:
   * posts with problems held back, and the workflow's record of the build written.
   */
  hostile: {
    name: 'hostile',
    contentDir: join(FIXTURES, 'hostile'),
    now: FIXTURE_NOW,
    env: { BLOG_HOLD_BACK: '1', BLOG_PUBLISH_REPORT: join(OUT, 'hostile', 'publish-report.json') },
  },
} satisfies Record<string, SiteBuild>;

export type SiteName = keyof typeof SITES;
