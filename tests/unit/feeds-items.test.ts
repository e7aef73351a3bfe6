import { describe, expect, it } from 'vitest';
import { createUrls } from '../../src/lib/urls.ts';
import { feedGuid, originalSlug, permalink } from '../../src/lib/feeds/guid.ts';
import { buildFeedItem, lastChanged, newestPosts, sourcesHtml, type FeedPost } from '../../src/lib/feeds/items.ts';
import { CRANE_2012 } from './support/citations.ts';

const atRoot = createUrls({ url: 'https://studio.example', base: '/' });
const underBlog = createUrls({ url: 'https://studio.example', base: '/blog/' });

const CITATION = CRANE_2012;

function post(overrides: Partial<FeedPost> = {}): FeedPost {
  return {
    slug: 'massage-after-exercise',
    title: 'Massage after exercise',
    description: 'What one study found inside the muscle after a massage.',
    authorId: 'lauren-walker',
    date: new Date('2026-11-20T05:00:00Z'),
    tags: ['massage', 'recovery'],
    citations: [],
    previousSlugs: [],
    ...overrides,
  };
}

describe('guid policy', () => {
  it('is the permalink of the slug, with the base path', () => {
    expect(feedGuid(post(), atRoot)).toBe('https://studio.example/posts/massage-after-exercise/');
    expect(feedGuid(post(), underBlog)).toBe('https://studio.example/blog/posts/massage-after-exercise/');
  });

  it('does not change when the title, text, date, tags or author change', () => {
    const before = feedGuid(post(), atRoot);
    const edited = post({
      title: 'A new headline',
      description: 'Another summary entirely, long enough.',
      date: new Date('2026-11-21T05:00:00Z'),
      tags: ['stretching'],
      authorId: 'ben',
    });
    expect(feedGuid(edited, atRoot)).toBe(before);
  });

  it('stays the first address after a rename listed in previousSlugs', () => {
    const before = feedGuid(post({ slug: 'first-address' }), atRoot);
    const renamed = post({ slug: 'second-address', previousSlugs: ['first-address'] });
    const renamedAgain = post({ slug: 'third-address', previousSlugs: ['first-address', 'second-address'] });
    expect(feedGuid(renamed, atRoot)).toBe(before);
    expect(feedGuid(renamedAgain, atRoot)).toBe(before);
    expect(originalSlug(renamedAgain)).toBe('first-address');
    expect(permalink(atRoot, renamedAgain.slug)).toBe('https://studio.example/posts/third-address/');
  });
});

describe('newestPosts', () => {
  const posts = [
    { slug: 'b', date: new Date('2026-11-01T00:00:00Z') },
    { slug: 'c', date: new Date('2026-11-03T00:00:00Z') },
    { slug: 'a', date: new Date('2026-11-01T00:00:00Z') },
    { slug: 'd', date: new Date('2026-10-01T00:00:00Z') },
  ];
  it('keeps the newest, newest first, up to the limit', () => {
    expect(newestPosts(posts, 3).map((p) => p.slug)).toEqual(['c', 'a', 'b']);
    expect(newestPosts(posts, 30).map((p) => p.slug)).toEqual(['c', 'a', 'b', 'd']);
    expect(newestPosts([], 30)).toEqual([]);
  });
});

describe('buildFeedItem', () => {
  it('makes every URL absolute, under the base, and ends the content with the sources', () => {
    const item = buildFeedItem(
      {
        post: post({ citations: [CITATION], previousSlugs: ['old-address'] }),
        html: '<p><a href="../other/">other</a><sup><a href="#fn-1">1</a></sup></p><img src="/blog/_astro/body.webp" alt="x">',
        authorName: 'Lauren Walker',
        image: { url: '/blog/_astro/hero.jpg', type: 'image/jpeg', width: 1200, height: 675, alt: 'A calf' },
      },
      underBlog,
    );
    expect(item.url).toBe('https://studio.example/blog/posts/massage-after-exercise/');
    expect(item.guid).toBe('https://studio.example/blog/posts/old-address/');
    expect(item.contentHtml).toContain('href="https://studio.example/blog/posts/other/"');
    expect(item.contentHtml).toContain('href="https://studio.example/blog/posts/massage-after-exercise/#fn-1"');
    expect(item.contentHtml).toContain('src="https://studio.example/blog/_astro/body.webp"');
    expect(item.contentHtml).toMatch(
      /<section class="sources"><h2>Sources<\/h2><ol><li>Crane, J\. D\., &amp; Tarnopolsky.*<\/li><\/ol><\/section>$/,
    );
    expect(item.contentHtml).toContain('<a href="https://doi.org/10.1126/scitranslmed.3002882">');
    expect(item.author).toEqual({ name: 'Lauren Walker', url: 'https://studio.example/blog/authors/lauren-walker/' });
    expect(item.image?.url).toBe('https://studio.example/blog/_astro/hero.jpg');
    expect(item.summary).toBe(post().description);
  });

  it('has no sources section and no image when the post has none', () => {
    const item = buildFeedItem({ post: post(), html: '<p>Hi</p>' }, atRoot);
    expect(item.contentHtml).toBe('<p>Hi</p>');
    expect(item.image).toBeUndefined();
    expect(item.author).toBeUndefined();
    expect(sourcesHtml([])).toBe('');
  });
});

describe('lastChanged', () => {
  const now = new Date('2026-11-27T17:00:00Z');
  const item = (published: string, updated?: string) =>
    buildFeedItem({ post: post({ date: new Date(published), updated: updated ? new Date(updated) : undefined }), html: '' }, atRoot);

  it('is the newest publish or update date', () => {
    expect(lastChanged([item('2026-11-01T00:00:00Z'), item('2026-11-02T00:00:00Z', '2026-11-10T00:00:00Z')], now)).toEqual(
      new Date('2026-11-10T00:00:00Z'),
    );
  });

  it('is never after now, even when an update is dated ahead', () => {
    expect(lastChanged([item('2026-11-01T00:00:00Z', '2026-12-24T00:00:00Z')], now)).toEqual(now);
  });

  it('is now for an empty feed', () => {
    expect(lastChanged([], now)).toEqual(now);
  });
});

describe('HTML that leaves the site', () => {
  it('keeps text, links and pictures, and drops code and embedded pages', () => {
    const html =
      '<p onclick="x()">Hi <a href="javascript:alert(1)">bad</a> <a href="../other/">good</a></p><script>alert(1)</script><iframe src="https://e.example/"></iframe><img src="/p.jpg" alt="A picture" onerror="x()">';
    const item = buildFeedItem({ post: post(), html }, atRoot);
    expect(item.contentHtml).toBe(
      '<p>Hi <a>bad</a> <a href="https://studio.example/posts/other/">good</a></p><img src="https://studio.example/p.jpg" alt="A picture" />',
    );
  });
});
