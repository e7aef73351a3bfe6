import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublished } from '../../src/integrations/steps/publish-check.ts';
import { auditPublished, type AuditPost } from '../../src/lib/publish-audit.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { makeContent, post, readFolder } from './support/temp-content.ts';

const at = (iso: string) => new Date(iso);
const p = (slug: string, date: string, draft = false, valid = true): AuditPost => ({
  slug,
  file: `posts/${slug}.md`,
  date: at(date),
  draft,
  valid,
});

describe('auditPublished', () => {
  const posts = [
    p('due', '2026-11-27T07:00:00-05:00'),
    p('draft', '2026-11-01', true),
    p('tonight', '2026-11-27T18:00:00-05:00'),
    p('broken', '2026-11-20', false, false),
  ];
  const now = at('2026-11-27T12:00:00-05:00');

  it('finds a public post without a page, and a draft, scheduled or held-back post with one', () => {
    const result = auditPublished(posts, { now, hasPage: (slug) => ['draft', 'tonight', 'broken'].includes(slug) });
    expect(result.missing.map((x) => x.slug)).toEqual(['due']);
    expect(result.leaked.map((x) => x.slug)).toEqual(['draft', 'tonight', 'broken']);
  });

  it('counts the public posts that have their page', () => {
    const result = auditPublished(posts, { now, hasPage: (slug) => slug === 'due' });
    expect([result.missing, result.leaked, result.published]).toEqual([[], [], 1]);
  });

  it('lets the public one of two files at one address own the page', () => {
    const twins = [p('same', '2026-11-20'), { ...p('same', '2026-11-21', false, false), file: 'posts/same-2.md' }];
    expect(auditPublished(twins, { now, hasPage: () => true }).leaked).toEqual([]);
  });
});

describe('the publish check step', () => {
  const fm = (title: string, date: string, extra = '') =>
    `title: ${title}\ndescription: A description long enough to pass the fifty character minimum.\nauthor: ada-fixture\ndate: ${date}\ntags: [massage]${extra}`;
  const posts = readFolder(
    makeContent({
      'posts/2026-11-20-due-post.md': post(fm('Due post', '2026-11-20')),
      'posts/2026-11-21-a-draft.md': post(fm('A draft', '2026-11-21', '\ndraft: true')),
      'posts/2026-12-01-next-month.md': post(fm('Next month', '2026-12-01')),
      'posts/2026-11-22-broken.md': post(fm('Broken', '2026-11-22', '\nauthor2: x')),
    }),
  );

  function dist(pages: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'publish-check-dist-'));
    for (const slug of pages) {
      mkdirSync(join(dir, 'posts', slug), { recursive: true });
      writeFileSync(join(dir, 'posts', slug, 'index.html'), '<!doctype html>');
    }
    return dir;
  }

  it('passes when exactly the public posts have pages', () => {
    expect(checkPublished(posts, new Date(FIXTURE_NOW), dist(['due-post']))).toBe(1);
  });

  it('stops the build, naming the file and the page, when a public post is missing', () => {
    expect(() => checkPublished(posts, new Date(FIXTURE_NOW), dist([]))).toThrow(
      /These posts are due but have no page in the build[^\n]*\n.*2026-11-20-due-post\.md {2}→ {2}posts\/due-post\/index\.html is missing/,
    );
  });

  it('stops the build when a draft, a scheduled or a held-back post has a page', () => {
    expect(() => checkPublished(posts, new Date(FIXTURE_NOW), dist(['due-post', 'a-draft', 'next-month', 'broken']))).toThrow(
      /a-draft\.md {2}→ {2}posts\/a-draft\/index\.html must not exist yet\n.*next-month\.md {2}→ {2}posts\/next-month\/index\.html must not exist yet\n.*broken\.md {2}→ {2}posts\/broken\/index\.html must not exist yet/,
    );
  });
});
