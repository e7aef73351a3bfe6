import { describe, expect, it } from 'vitest';
import { cardAlt, postCard, siteCard } from '../../src/lib/og/card.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { OG_TEST_SITE } from './support/og-site.ts';

const site = OG_TEST_SITE;

describe('the Open Graph card of a post', () => {
  // 00:30 on November 21 in UTC is still November 20 in Orlando.
  const post = {
    title: 'Massage after exercise',
    date: new Date('2026-11-21T00:30:00Z'),
    readingMinutes: 4,
    tags: ['recovery', 'massage'],
  };

  it("says title, author, the day in the studio's time zone, read time and first tag", () => {
    expect(postCard(post, 'Lauren Walker', site)).toEqual({
      kind: 'post',
      look: 'light',
      siteTitle: 'Wellness Rituals',
      title: 'Massage after exercise',
      author: 'Lauren Walker',
      date: 'November 20, 2026',
      readTime: '4 min read',
      tag: '#recovery',
      palette: site.palette,
    });
  });

  it('describes itself for og:image:alt, naming only what its look shows', () => {
    const card = postCard(post, 'Lauren Walker', site);
    expect(cardAlt({ ...card, look: 'full' })).toBe(
      '“Massage after exercise”, by Lauren Walker, November 20, 2026, 4 min read. Wellness Rituals',
    );
    expect(cardAlt({ ...card, look: 'light' })).toBe('“Massage after exercise”, by Lauren Walker, November 20, 2026. Wellness Rituals');
    expect(cardAlt(siteCard(site))).toBe(`Wellness Rituals: ${site.description}`);
  });

  it('has a site card naming the journal, its sentence and the studios', () => {
    const card = siteCard(site);
    expect(card.title).toBe('The Wellness Rituals journal');
    expect(card.footer).toBe('Orlando · Longwood · myrituals.me');
  });
});

describe('Open Graph image URLs', () => {
  it('are stable paths under the base', () => {
    const urls = createUrls({ url: 'https://www.myrituals.me', base: '/blog/' });
    expect(urls.ogImagePath('rest-days')).toBe('og/posts/rest-days.png');
    expect(urls.absolute(urls.ogImagePath('rest-days'))).toBe('https://www.myrituals.me/blog/og/posts/rest-days.png');
    expect(urls.absolute(urls.siteOgImagePath())).toBe('https://www.myrituals.me/blog/og/default.png');
  });
});
