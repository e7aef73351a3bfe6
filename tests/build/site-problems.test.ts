/**
 * Issue 13: in the publish workflow's hold-back mode (BLOG_HOLD_BACK=1) a post
 * with problems is left out, but a problem that is not about one post still
 * stops the build: a broken author file that two or more posts use, broken
 * site settings. An author file that only one post names is held back with it.
 * Each build must end with the problem in `file:line  field  fix` words, no
 * stack trace, and the output folder as the last good build left it.
 *
 * Both builds stop before Astro renders a page (the author file when the
 * content is read, the settings when the config is loaded), so they are quick.
 * Fixture: tests/fixtures/site-problems/ (see its README).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/build-site.ts';
import { listDist } from '../support/dist.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';

const FIXTURE = join(FIXTURES, 'site-problems');
/** What the last good build left in the output folder. */
const EARLIER_PAGE = '<!doctype html><title>The last good build</title>\n';

function holdBackBuild(name: string, contentDir: string, env: Record<string, string> = {}) {
  const root = join(OUT, name);
  rmSync(root, { recursive: true, force: true });
  const outDir = join(root, 'dist');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), EARLIER_PAGE);
  const result = astroBuild({ contentDir, now: FIXTURE_NOW, outDir, cacheDir: join(root, 'cache'), env: { BLOG_HOLD_BACK: '1', ...env } });
  return { ...result, outDir };
}

function expectOutputUntouched(outDir: string): void {
  expect(listDist(outDir)).toEqual(['index.html']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe(EARLIER_PAGE);
  // Nor the host rule files that go beside the output.
  expect(existsSync(`${outDir}-deploy`)).toBe(false);
}

describe('problems that are not about one post stop a hold-back build', () => {
  it('an author file that two posts use', () => {
    const build = holdBackBuild('site-problems-author', join(FIXTURE, 'content'));
    expect(build.ok).toBe(false);
    expect(build.output).toContain('Content has problems. Fix these and build again');
    expect(build.output).toContain(
      '  tests/fixtures/site-problems/content/authors/bea-fixture.yaml:3  bio  is too short; write one or two sentences (20 to 400 characters)\n',
    );
    expect(build.output).toContain('(These are not about one post, so no post can be held back for them.)');
    // Neither post is held back and the other published: the whole build stops.
    expect(build.output).not.toContain('Held back');
    expect(build.output).not.toMatch(/An unhandled error|Stack trace|^\s+at /m);
    expectOutputUntouched(build.outDir);
  }, 120_000);

  it("but an author file that one post uses is held back with that post (a new writer's first post), and the rest goes out", () => {
    const content = join(OUT, 'site-problems-one-author-post', 'content');
    rmSync(content, { recursive: true, force: true });
    cpSync(join(FIXTURE, 'content'), content, { recursive: true });
    rmSync(join(content, 'posts/2026-11-19-also-by-the-broken-author.md'));
    const root = join(OUT, 'site-problems-one-author-post');
    const outDir = join(root, 'dist');
    const build = astroBuild({
      contentDir: content,
      now: FIXTURE_NOW,
      outDir,
      cacheDir: join(root, 'cache'),
      env: { BLOG_HOLD_BACK: '1' },
    });
    expect(build.ok, build.output.slice(-2000)).toBe(true);
    expect(build.output).toContain('Held back 1 post and 1 author file');
    expect(build.output).toMatch(/authors\/bea-fixture\.yaml:3 {2}bio {2}is too short/);
    expect(build.output).toMatch(
      /posts\/2026-11-20-by-the-broken-author\.md:4 {2}author {2}"bea-fixture" cannot be shown: its file \S*authors\/bea-fixture\.yaml has problems of its own/,
    );
    expect(existsSync(join(outDir, 'posts/by-a-good-author/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'posts/by-the-broken-author/index.html'))).toBe(false);
    const everything = listDist(outDir)
      .filter((f) => /\.(html|xml|json|txt)$/.test(f))
      .map((f) => readFileSync(join(outDir, f), 'utf8'))
      .join('\n');
    expect(everything).not.toContain('BROKENAUTHORMARKER');
    expect(everything).not.toContain('bea-fixture');
  }, 120_000);

  it('the site settings', () => {
    const build = holdBackBuild('site-problems-settings', join(FIXTURES, 'content'), {
      SITE_SETTINGS_FILE: join(FIXTURE, 'settings.json'),
    });
    expect(build.ok).toBe(false);
    expect(build.output).toContain(
      '  tests/fixtures/site-problems/settings.json:7  textToBook → e164  must be the number in international form, like +14075552331\n',
    );
    expect(build.output).toContain(
      '  tests/fixtures/site-problems/settings.json:9  postPerPage  is not a field here. Did you mean `postsPerPage`? Rename or remove it\n',
    );
    expect(build.output).not.toMatch(/An unhandled error|Stack trace|^\s+at /m);
    expectOutputUntouched(build.outDir);
  }, 120_000);
});
