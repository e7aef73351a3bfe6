import { describe, expect, it } from 'vitest';
import { authorSubscribePath, readerLinks, tagSubscribePath } from '../../src/lib/feeds/subscribe.ts';
import { isNoindexPath } from '../../src/lib/seo/sitemap.ts';

describe('readerLinks', () => {
  const links = readerLinks('https://example.com/blog/tags/massage/rss.xml');

  it('hands the whole feed address to each web reader, encoded', () => {
    const encoded = encodeURIComponent('https://example.com/blog/tags/massage/rss.xml');
    expect(links.find((l) => l.name === 'Feedly')!.href).toBe(`https://feedly.com/i/subscription/feed/${encoded}`);
    expect(links.find((l) => l.name === 'Inoreader')!.href).toBe(`https://www.inoreader.com/?add_feed=${encoded}`);
    for (const l of links.slice(0, -1)) expect(new URL(l.href).protocol).toBe('https:');
  });

  it("offers the device's own feed app by the feed:// scheme", () => {
    expect(links.at(-1)).toEqual({ name: 'A feed app on this device', href: 'feed://example.com/blog/tags/massage/rss.xml' });
  });
});

describe('subscribe pages', () => {
  it('have one address per topic and writer, kept out of search engines; the main one is indexed', () => {
    expect(tagSubscribePath('massage')).toBe('subscribe/tags/massage/');
    expect(authorSubscribePath('ada')).toBe('subscribe/authors/ada/');
    expect(isNoindexPath(tagSubscribePath('massage'))).toBe(true);
    expect(isNoindexPath(authorSubscribePath('ada'))).toBe(true);
    expect(isNoindexPath('subscribe/')).toBe(false);
  });
});
