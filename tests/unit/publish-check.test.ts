import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishCheck } from '../../src/integrations/publish-check.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { auditPublished, type AuditPost } from '../../src/lib/publish-audit.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { makeContent, post } from './support/temp-content.ts';

const at = (iso: string) => new Date(iso);
const p = (slug: string, date: string, draft = false): AuditPost => ({ slug, file: `posts/${slug}.md`, date: at(date), draft });

describe('auditPublished', () => {
  const posts = [p('due', '2026-11-27T07:00:00-05:00'), p('draft', '2026-11-01', true), p('tonight', '2026-11-27T18:00:00-05:00'), p('during', '2026-11-27T12:00:30-05:00')];
  const from = at('2026-11-27T12:00:00-05:00');
  const until = at('2026-11-27T12:01:00-05:00');

  it('finds a due post without a page and a draft or scheduled post with one', () => {
    const result = auditPublished(posts, { from, until, hasPage: (slug) => ['draft', 'tonight'].includes(slug) });
    expect(result.missing.map((x) => x.slug)).toEqual(['due']);
    expect(result.leaked.map((x) => x.slug)).toEqual(['draft', 'tonight']);
  });

  it('accepts a post whose time came during the build either way', () => {
    for (const pages of [['due'], ['due', 'during']]) {
      const result = auditPublished(posts, { from, until, hasPage: (slug) => pages.includes(slug) });
      expect([result.missing, result.leaked]).toEqual([[], []]);
      expect(result.published).toBe(1);
    }
  });
});

describe('the publish-check integration', () => {
  afterEach(() => vi.unstubAllEnvs());

  const fm = (title: string, date: string, extra = '') =>
    `title: ${title}\ndescription: A description long enough to pass the fifty character minimum.\nauthor: ada-fixture\ndate: ${date}\ntags: [massage]${extra}`;

  function build(pages: string[]) {
    const content = makeContent({
      'posts/2026-11-20-due-post.md': post(fm('Due post', '2026-11-20')),
      'posts/2026-11-21-a-draft.md': post(fm('A draft', '2026-11-21', '\ndraft: true')),
      'posts/2026-12-01-next-month.md': post(fm('Next month', '2026-12-01')),
    });
    const dist = mkdtempSync(join(tmpdir(), 'publish-check-dist-'));
    for (const slug of pages) {
      mkdirSync(join(dist, 'posts', slug), { recursive: true });
      writeFileSync(join(dist, 'posts', slug, 'index.html'), '<!doctype html>');
    }
    vi.stubEnv('CONTENT_DIR', content);
    vi.stubEnv('BLOG_NOW', FIXTURE_NOW);
    const info = vi.fn();
    const logger = { info } as unknown as AstroIntegrationLogger;
    const integration = publishCheck({ timeZone: 'America/New_York' });
    const hooks = integration.hooks;
    const run = () => {
      (hooks['astro:build:start'] as (o: unknown) => void)({ logger });
      (hooks['astro:build:done'] as (o: unknown) => void)({ dir: pathToFileURL(`${dist}/`), logger, pages: [], assets: new Map() });
    };
    return { run, info, integration, content };
  }

  it('takes the posts from the content check when it has them, instead of reading them again', () => {
    const { run, info, integration, content } = build(['due-post']);
    integration.contentChecked(checkContent({ contentDir: content, timeZone: 'America/New_York', now: new Date(FIXTURE_NOW), rules: [] }));
    rmSync(content, { recursive: true, force: true });
    expect(run).not.toThrow();
    expect(info).toHaveBeenCalledWith('all 1 posts due by now are in the build; drafts and scheduled posts are not');
  });

  it('passes when exactly the due posts have pages', () => {
    const { run, info } = build(['due-post']);
    expect(run).not.toThrow();
    expect(info).toHaveBeenCalledWith('all 1 posts due by now are in the build; drafts and scheduled posts are not');
  });

  it('stops the build, naming the file and the page, when a due post is missing', () => {
    const { run } = build([]);
    expect(run).toThrow(/These posts are due but have no page in the build[^\n]*\n.*2026-11-20-due-post\.md {2}→ {2}posts\/due-post\/index\.html is missing/);
  });

  it('stops the build when a draft or a scheduled post has a page', () => {
    const { run } = build(['due-post', 'a-draft', 'next-month']);
    expect(run).toThrow(/a-draft\.md {2}→ {2}posts\/a-draft\/index\.html must not exist yet\n.*next-month\.md {2}→ {2}posts\/next-month\/index\.html must not exist yet/);
  });
});
