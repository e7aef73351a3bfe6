import { describe, expect, it } from 'vitest';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { createUrls } from '../../src/lib/urls.ts';
import { buildFeedItem, type FeedPost } from '../../src/lib/feeds/items.ts';
import { rssFeedXml, type FeedChannel } from '../../src/lib/feeds/rss.ts';
import { jsonFeed } from '../../src/lib/feeds/json-feed.ts';
import { assertWellFormedXml } from '../support/xml.ts';

const urls = createUrls({ url: 'https://studio.example', base: '/blog/' });

const channel: FeedChannel = {
  title: 'Rituals & Notes',
  description: 'A journal about massage <and> stretching.',
  homeUrl: 'https://studio.example/blog/',
  selfUrl: 'https://studio.example/blog/rss.xml',
  language: 'en-US',
  updated: new Date('2026-11-20T05:00:00Z'),
  image: { url: 'https://studio.example/blog/feed-icon.png', width: 144, height: 144 },
};

function post(slug: string, overrides: Partial<FeedPost> = {}): FeedPost {
  return {
    slug,
    title: `Post ${slug} & "friends"`,
    description: 'A summary with <angle brackets> & an ampersand in it.',
    authorId: 'ada',
    date: new Date('2026-11-20T05:00:00Z'),
    tags: ['massage', 'thai-massage'],
    citations: [],
    previousSlugs: [],
    ...overrides,
  };
}

const items = [
  buildFeedItem(
    {
      post: post('renamed', { previousSlugs: ['first'] }),
      html: '<p>Body with <a href="../x/">a link</a> &amp; <![CDATA[ tricky ]]> text]]></p>',
      authorName: "Ada O'Neil & Co",
      image: { url: '/blog/_astro/hero.jpg', type: 'image/jpeg', width: 1200, height: 675, alt: 'A "calf" & a hand' },
    },
    urls,
  ),
  buildFeedItem({ post: post('plain', { date: new Date('2026-11-19T05:00:00Z') }), html: '<p>Plain</p>', authorName: 'Ben' }, urls),
];

describe('RSS', () => {
  it('round-trips through a parser with every element the feed promises', () => {
    const xml = rssFeedXml(channel, items);
    assertWellFormedXml(xml, 'the feed');
    // No XSL view: browsers are dropping XSLT, and the subscribe page explains feeds instead.
    expect(xml).not.toContain('xml-stylesheet');
    const feed = parseRssFeed(xml);
    expect(feed.title).toBe(channel.title);
    expect(feed.description).toBe(channel.description);
    expect(feed.link).toBe('https://studio.example/blog/');
    expect(feed.language).toBe('en-US');
    expect(feed.lastBuildDate).toBe('Fri, 20 Nov 2026 05:00:00 GMT');
    expect(feed.image).toMatchObject({ url: channel.image!.url, title: channel.title, link: channel.homeUrl, width: 144, height: 144 });
    expect(feed.atom?.links).toContainEqual({ href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' });

    const [renamed, plain] = feed.items!;
    expect(renamed!.title).toBe('Post renamed & "friends"');
    expect(renamed!.link).toBe('https://studio.example/blog/posts/renamed/');
    expect(renamed!.guid).toEqual({ value: 'https://studio.example/blog/posts/first/', isPermaLink: true });
    expect(renamed!.description).toBe('A summary with <angle brackets> & an ampersand in it.');
    expect(renamed!.pubDate).toBe('Fri, 20 Nov 2026 05:00:00 GMT');
    expect(renamed!.categories).toEqual([{ name: 'massage' }, { name: 'thai-massage' }]);
    expect(renamed!.dc?.creators).toEqual(["Ada O'Neil & Co"]);
    expect(renamed!.content?.encoded).toBe(items[0]!.contentHtml);
    expect(renamed!.media?.contents?.[0]).toMatchObject({
      url: 'https://studio.example/blog/_astro/hero.jpg',
      medium: 'image',
      type: 'image/jpeg',
      width: 1200,
      height: 675,
    });
    expect(plain!.guid).toEqual({ value: 'https://studio.example/blog/posts/plain/', isPermaLink: true });
    expect(plain!.media).toBeUndefined();
  });

  it('is a valid channel with no items', () => {
    const xml = rssFeedXml(channel, []);
    assertWellFormedXml(xml, 'the empty feed');
    const feed = parseRssFeed(xml);
    expect(feed.title).toBe(channel.title);
    expect(feed.items ?? []).toEqual([]);
  });

  it('refuses a channel image wider than RSS allows', () => {
    expect(() => rssFeedXml({ ...channel, image: { url: 'x', width: 180, height: 180 } }, [])).toThrow(/at most 144/);
  });

  it('stays well-formed whatever characters a post holds, dropping those XML cannot carry', () => {
    const hostile = '\u0001start \u000b\u000c\u0008 a ]]> end \uFFFE\uD800 \u{1F600} ok';
    const item = buildFeedItem(
      { post: post('hostile', { title: hostile, description: hostile }), html: `<p>${hostile}</p>`, authorName: hostile },
      urls,
    );
    const xml = rssFeedXml({ ...channel, title: hostile }, [item]);
    assertWellFormedXml(xml, 'the hostile feed');
    const parsed = parseRssFeed(xml);
    expect(parsed.title).toBe('start  a ]]> end  \u{1F600} ok');
    // The HTML leaves the site re-serialised by the sanitiser: the same text, with > written &gt;.
    expect(parsed.items?.[0]?.content?.encoded).toBe('<p>start  a ]]&gt; end  \u{1F600} ok</p>');
  });
});

describe('JSON Feed', () => {
  const feed = jsonFeed(
    {
      ...channel,
      icon: 'https://studio.example/blog/apple-touch-icon.png',
      favicon: channel.image!.url,
      publisher: { name: 'Studio', url: channel.homeUrl },
    },
    items,
  );

  it('is JSON Feed 1.1 that an independent parser accepts, with the same ids as RSS', () => {
    const parsed = parseJsonFeed(JSON.parse(JSON.stringify(feed)));
    expect((feed as { version: string }).version).toBe('https://jsonfeed.org/version/1.1');
    expect(parsed.title).toBe(channel.title);
    expect(parsed.feed_url).toBe(channel.selfUrl);
    expect(parsed.home_page_url).toBe(channel.homeUrl);
    expect(parsed.items?.map((i) => i.id)).toEqual(items.map((i) => i.guid));
  });

  it('carries content, summary, authors, tags, image and both dates per item', () => {
    const { items: written } = feed as { items: Record<string, unknown>[] };
    const first = written[0]!;
    expect(first).toEqual({
      id: 'https://studio.example/blog/posts/first/',
      url: 'https://studio.example/blog/posts/renamed/',
      title: items[0]!.title,
      content_html: items[0]!.contentHtml,
      summary: items[0]!.summary,
      image: 'https://studio.example/blog/_astro/hero.jpg',
      date_published: '2026-11-20T05:00:00.000Z',
      date_modified: '2026-11-20T05:00:00.000Z',
      authors: [{ name: "Ada O'Neil & Co", url: 'https://studio.example/blog/authors/ada/' }],
      tags: ['massage', 'thai-massage'],
    });
    expect(written[1]).not.toHaveProperty('image');
  });
});
