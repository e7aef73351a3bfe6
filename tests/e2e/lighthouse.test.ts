/**
 * Lighthouse on the fixture site: accessibility, best practices and SEO must be 100 on the
 * home page, a post, a tag page and the not-found page (issue 15). Performance is not
 * asserted: it depends on how busy the machine is; `npm run lighthouse` prints it.
 *
 * Cost: one Chromium for the file and one Lighthouse run per page, in the mobile preset,
 * with the three steady categories only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLighthouseChrome, type LighthouseChrome } from '../../scripts/lib/lighthouse/chrome.ts';
import { NOT_FOUND, type AuditTarget } from '../../scripts/lib/lighthouse/pages.ts';
import { auditPage } from '../../scripts/lib/lighthouse/run.ts';
import { STEADY_CATEGORIES, describeShortfalls, shortfalls, type PageScores } from '../../scripts/lib/lighthouse/scores.ts';
import { readDist, siteDir } from '../support/dist.ts';
import { serveDist, type StaticServer } from '../support/static-server.ts';

const PAGES: AuditTarget[] = [
  { name: 'home', path: '' },
  { name: 'post with pictures', path: 'posts/fixture-hero-image/' },
  { name: 'tag', path: 'tags/recovery/' },
  NOT_FOUND,
];

const FULL_MARKS = { accessibility: 100, 'best-practices': 100, seo: 100 };
const LIGHTHOUSE_RUN = 120_000;

let chrome: LighthouseChrome;
let server: StaticServer;

beforeAll(async () => {
  server = await serveDist(siteDir('site'));
  chrome = await launchLighthouseChrome();
});
afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

const measure = (url: string, target: AuditTarget): Promise<PageScores> =>
  auditPage(url, target, { port: chrome.port, preset: 'mobile', categories: STEADY_CATEGORIES });

describe('Lighthouse on the fixture site (mobile)', () => {
  it.each(PAGES)('scores 100 for accessibility, best practices and SEO on $name (/$path)', { timeout: LIGHTHOUSE_RUN }, async (target) => {
    const result = await measure(server.url, target);
    expect(result.scores, describeShortfalls(shortfalls([result]))).toEqual(FULL_MARKS);
    expect(result.offsite).toEqual([]);
  });

  it('takes points off a post with its language and a picture description removed', { timeout: LIGHTHOUSE_RUN }, async () => {
    const post = readDist(siteDir('site'), 'posts/fixture-hero-image/index.html');
    const broken = post.replace(/<html lang="[^"]*"/, '<html').replace(/(<img\b[^>]*?)\salt="[^"]*"/, '$1');
    expect(broken).not.toBe(post);
    const dir = mkdtempSync(join(tmpdir(), 'lighthouse-planted-'));
    writeFileSync(join(dir, 'index.html'), broken);
    const planted = await serveDist(dir);
    try {
      const result = await measure(planted.url, { name: 'planted', path: '' });
      expect(result.scores.accessibility).toBeLessThan(100);
      expect(result.lost.accessibility?.map((a) => a.id)).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt']));
    } finally {
      await planted.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
