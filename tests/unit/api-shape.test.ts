import { describe, expect, it } from 'vitest';
import {
  apiAuthorResponseSchema,
  apiAuthorsResponseSchema,
  apiPostResponseSchema,
  apiPostsPageSchema,
  apiSearchIndexSchema,
  apiTagResponseSchema,
  apiTagsResponseSchema,
} from '../../src/schema/api.ts';
import { createApiModel, type ApiAuthorInput, type ApiPostInput } from '../../src/lib/api/shape.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { CRANE_2012 } from './support/citations.ts';

const urls = createUrls({ url: 'https://example.com', base: '/blog/' });

const authors: ApiAuthorInput[] = [
  {
    id: 'ada',
    name: 'Ada Example',
    role: 'Massage therapist',
    bio: 'Ada writes about recovery and sleep.',
    links: [],
    avatar: '/blog/_astro/ada.jpg',
  },
  {
    id: 'ben',
    name: 'Ben Example',
    role: 'Stretch coach',
    bio: 'Ben writes about stretching at a desk.',
    links: [{ label: 'Site', url: 'https://ben.example' }],
  },
  { id: 'cy', name: 'Cy Nobody', role: 'Front desk', bio: 'Cy has not written anything yet at all.', links: [] },
];

function post(n: number, over: Partial<ApiPostInput> = {}): ApiPostInput {
  return {
    slug: `post-${n}`,
    title: `Post number ${n}`,
    description: `The description of post number ${n}, long enough to pass the content rules.`,
    authorId: n % 2 ? 'ada' : 'ben',
    date: new Date(Date.UTC(2026, 10, 20 - n, 12)),
    tags: n % 2 ? ['massage', 'recovery'] : ['stretching'],
    citations: [],
    readingMinutes: n,
    ogImage: `/blog/og/post-${n}.png`,
    ...over,
  };
}

// Newest first, as getPosts() gives them.
const posts = [1, 2, 3, 4, 5].map((n) => post(n));
const api = createApiModel({ posts, authors, urls });

describe('post pages', () => {
  it('splits the posts into pages of `limit`, newest first, with totals', () => {
    const pages = api.postsPages(2);
    expect(pages.map((p) => p.posts.map((s) => s.slug))).toEqual([['post-1', 'post-2'], ['post-3', 'post-4'], ['post-5']]);
    for (const page of pages) {
      expect(page.meta.pagination).toMatchObject({ limit: 2, pages: 3, total: 5 });
      apiPostsPageSchema.parse(page);
    }
  });

  it('links each page to its neighbours by absolute URL, null at the ends', () => {
    const [first, second, last] = api.postsPages(2).map((p) => p.meta.pagination);
    expect(first).toMatchObject({ page: 1, prev: null, next: 'https://example.com/blog/api/v1/posts/page/2.json' });
    expect(second).toMatchObject({
      page: 2,
      prev: 'https://example.com/blog/api/v1/posts/page/1.json',
      next: 'https://example.com/blog/api/v1/posts/page/3.json',
    });
    expect(last).toMatchObject({ page: 3, prev: 'https://example.com/blog/api/v1/posts/page/2.json', next: null });
  });

  it('gives an empty site one empty page', () => {
    const pages = createApiModel({ posts: [], authors, urls }).postsPages(20);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.posts).toEqual([]);
    expect(pages[0]!.meta.pagination).toEqual({ page: 1, limit: 20, pages: 1, total: 0, next: null, prev: null });
  });

  it('embeds the author and tag objects, with counts of public posts', () => {
    const first = api.postsPages(20)[0]!.posts[0]!;
    expect(first.author).toMatchObject({
      id: 'ada',
      count: 3,
      url: 'https://example.com/blog/authors/ada/',
      avatar: 'https://example.com/blog/_astro/ada.jpg',
    });
    expect(first.tags).toEqual([
      {
        slug: 'massage',
        count: 3,
        url: 'https://example.com/blog/tags/massage/',
        api_url: 'https://example.com/blog/api/v1/tags/massage.json',
      },
      {
        slug: 'recovery',
        count: 3,
        url: 'https://example.com/blog/tags/recovery/',
        api_url: 'https://example.com/blog/api/v1/tags/recovery.json',
      },
    ]);
    expect(first.url).toBe('https://example.com/blog/posts/post-1/');
    expect(first.api_url).toBe('https://example.com/blog/api/v1/posts/post-1.json');
    expect(first.og_image).toBe('https://example.com/blog/og/post-1.png');
    expect(first.feature_image).toBeNull();
  });
});

describe('one post', () => {
  const full = post(9, {
    previousSlugs: ['first-name', 'second-name'],
    updated: new Date('2026-11-25T09:00:00Z'),
    canonical: 'https://elsewhere.example/original/',
    featureImage: { src: '/blog/_astro/hero.jpg', alt: 'A calm room', width: 1200, height: 675 },
    citations: [CRANE_2012],
  });
  const body =
    '<p>See <a href="../post-1/">the first post</a>, <a href="#sources">sources</a> and <img src="/blog/_astro/b.webp" alt="b">.</p><p>Tom &amp; Jerry.</p>';
  const { post: out } = createApiModel({ posts: [...posts, full], authors, urls }).post(full, body);

  it('is valid against its schema', () => {
    apiPostResponseSchema.parse({ post: out });
  });

  it("makes every URL in the body absolute, against the post's address", () => {
    expect(out.html).toContain('href="https://example.com/blog/posts/post-1/"');
    expect(out.html).toContain('href="https://example.com/blog/posts/post-9/#sources"');
    expect(out.html).toContain('src="https://example.com/blog/_astro/b.webp"');
  });

  it('gives the body as plain text', () => {
    expect(out.plaintext).toBe('See the first post, sources and .\n\nTom & Jerry.');
  });

  it('keeps the first slug as its id and names its dates in UTC', () => {
    expect(out.id).toBe('first-name');
    expect(out.slug).toBe('post-9');
    expect(out.published_at).toBe(full.date.toISOString());
    expect(out.updated_at).toBe('2026-11-25T09:00:00.000Z');
    expect(out.canonical_url).toBe('https://elsewhere.example/original/');
  });

  it('gives the hero picture with its alt text and size', () => {
    expect(out.feature_image).toEqual({ url: 'https://example.com/blog/_astro/hero.jpg', alt: 'A calm room', width: 1200, height: 675 });
  });

  it('gives each citation structured and formatted', () => {
    expect(out.citations[0]).toMatchObject({ year: 2012, doi: '10.1126/scitranslmed.3002882' });
    expect(out.citations[0]!.formatted).toBe(
      'Crane, J. D., & Tarnopolsky, M. A. (2012). Massage therapy attenuates inflammatory signaling. Science Translational Medicine, 4(119), Article 119ra13. https://doi.org/10.1126/scitranslmed.3002882',
    );
    expect(out.citations[0]!.formatted_html).toContain('<i>Science Translational Medicine</i>');
  });

  it('uses its own address as canonical and its publish time as updated_at when neither is set', () => {
    const plain = api.post(posts[0]!, '<p>x</p>').post;
    expect(plain.canonical_url).toBe(plain.url);
    expect(plain.updated_at).toBe(plain.published_at);
    expect(plain.id).toBe('post-1');
  });
});

describe('authors and tags', () => {
  it('lists every author in the given order with their counts, including one with no posts', () => {
    const out = api.authors();
    apiAuthorsResponseSchema.parse(out);
    expect(out.authors.map((a) => [a.id, a.count])).toEqual([
      ['ada', 3],
      ['ben', 2],
      ['cy', 0],
    ]);
    expect(out.authors.find((a) => a.id === 'ben')!.avatar).toBeNull();
  });

  it('gives an author with their own posts, newest first', () => {
    const out = api.author('ben');
    apiAuthorResponseSchema.parse(out);
    expect(out.posts.map((p) => p.slug)).toEqual(['post-2', 'post-4']);
    expect(api.author('cy').posts).toEqual([]);
  });

  it('lists tags most used first, then alphabetically', () => {
    const out = api.tags();
    apiTagsResponseSchema.parse(out);
    expect(out.tags.map((t) => [t.slug, t.count])).toEqual([
      ['massage', 3],
      ['recovery', 3],
      ['stretching', 2],
    ]);
  });

  it('gives a tag with its posts, newest first, and refuses a tag no public post has', () => {
    const out = api.tag('stretching');
    apiTagResponseSchema.parse(out);
    expect(out.posts.map((p) => p.slug)).toEqual(['post-2', 'post-4']);
    expect(() => api.tag('nothing')).toThrow(/nothing/);
  });

  it('names the post when its author is missing', () => {
    const broken = createApiModel({ posts: [post(1, { authorId: 'ghost' })], authors, urls });
    expect(() => broken.postsPages(10)).toThrow(/post-1.*ghost/);
  });
});

describe('search index', () => {
  it('lists every post compactly, newest first', () => {
    const out = api.search();
    apiSearchIndexSchema.parse(out);
    expect(out.posts).toHaveLength(5);
    expect(out.posts[0]).toEqual({
      slug: 'post-1',
      title: 'Post number 1',
      excerpt: posts[0]!.description,
      tags: ['massage', 'recovery'],
      date: posts[0]!.date.toISOString(),
      url: 'https://example.com/blog/posts/post-1/',
    });
  });
});
