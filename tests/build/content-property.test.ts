/**
 * The other half of the content property (tests/unit/content-property.test.ts):
 * what the reader finds valid, the build publishes, and every file it writes
 * stays valid whatever odd text the posts carry. One seeded sample of random,
 * mostly valid posts (tests/support/post-arbitraries.ts) goes into one content
 * folder, built once in the publish workflow's hold-back mode.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent, postsWithErrors } from '../../src/lib/content/read-content.ts';
import { astroBuild } from '../support/build-site.ts';
import { listDist } from '../support/dist.ts';
import { pageBreakingErrors } from '../support/html.ts';
import { FIXTURE_NOW, OUT } from '../support/paths.ts';
import { PROPERTY_SEED, likelyValidPost } from '../support/post-arbitraries.ts';
import { assertWellFormedXml } from '../support/xml.ts';

const WORK = join(OUT, 'property');
const CONTENT = join(WORK, 'content');
const DIST = join(WORK, 'dist');
const SAMPLE = 20;

let build: { ok: boolean; output: string };
/** Addresses of the sample's posts the reader found valid and not drafts, and of the rest. */
const publishable: string[] = [];
const leftOut: string[] = [];

describe('a seeded sample of random posts, built once', () => {
  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(join(CONTENT, 'posts'), { recursive: true });
    mkdirSync(join(CONTENT, 'authors'));
    writeFileSync(
      join(CONTENT, 'authors/ada-fixture.yaml'),
      'name: Ada Fixture\nrole: Test massage therapist\nbio: Ada signs the generated posts of the property test.\n',
    );
    fc.sample(likelyValidPost, { seed: PROPERTY_SEED, numRuns: SAMPLE }).forEach((post, i) => {
      const n = String(i + 1).padStart(2, '0');
      writeFileSync(join(CONTENT, `posts/2026-11-${n}-generated-${n}${post.ext}`), post.text);
    });

    // What the check says about each post decides what the build must publish.
    const report = readContent({ contentDir: CONTENT, timeZone: 'America/New_York', now: new Date(FIXTURE_NOW) });
    const failing = postsWithErrors(report);
    for (const post of report.posts) {
      (post.data && !failing.has(post.file) && !post.data.draft ? publishable : leftOut).push(post.slug);
    }
    build = astroBuild({
      contentDir: CONTENT,
      now: FIXTURE_NOW,
      outDir: DIST,
      cacheDir: join(WORK, 'cache'),
      env: { BLOG_HOLD_BACK: '1' },
    });
  }, 180_000);

  it('builds in hold-back mode, with most of the sample publishable', () => {
    expect(build.ok, build.output.slice(-4000)).toBe(true);
    expect(publishable.length + leftOut.length).toBe(SAMPLE);
    expect(publishable.length).toBeGreaterThanOrEqual(SAMPLE / 2);
  });

  it('publishes every post the check passes, and none it fails', () => {
    const pages = listDist(DIST).filter((f) => /^posts\/[^/]+\/index\.html$/.test(f));
    expect(pages.sort()).toEqual(publishable.map((slug) => `posts/${slug}/index.html`).sort());
    for (const slug of leftOut)
      expect(
        listDist(DIST).filter((f) => f.includes(slug)),
        slug,
      ).toEqual([]);
  });

  it('writes only well-formed XML, JSON that parses and HTML without page-breaking errors', () => {
    const files = listDist(DIST);
    const read = (f: string) => readFileSync(join(DIST, f), 'utf8');
    for (const f of files.filter((f) => f.endsWith('.xml'))) assertWellFormedXml(read(f), f);
    for (const f of files.filter((f) => f.endsWith('.json'))) expect(() => JSON.parse(read(f)), f).not.toThrow();
    const broken = files.filter((f) => f.endsWith('.html')).flatMap((f) => pageBreakingErrors(read(f)).map((e) => `${f}:${e}`));
    expect(broken).toEqual([]);
  });
});
