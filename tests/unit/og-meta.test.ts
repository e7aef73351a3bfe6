import { describe, expect, it } from 'vitest';
import { ogLocale, socialMetaTags, type SocialPage } from '../../src/lib/og/meta.ts';

const page: SocialPage = {
  siteName: 'Wellness Rituals',
  lang: 'en-US',
  timeZone: 'America/New_York',
  title: 'Massage after exercise',
  description: 'What one study found inside the muscle.',
  url: 'https://www.myrituals.me/blog/posts/massage-after-exercise/',
  image: {
    url: 'https://www.myrituals.me/blog/og/posts/massage-after-exercise.png',
    alt: 'The card',
    width: 1200,
    height: 630,
    type: 'image/png',
  },
};

const asMap = (p: SocialPage) => socialMetaTags(p).map((t) => `${t.attribute}:${t.key}=${t.content}`);

describe('social meta tags', () => {
  it('give every page its title, description, URL, image with size and alt, and a large Twitter card', () => {
    expect(asMap(page)).toEqual([
      'property:og:site_name=Wellness Rituals',
      'property:og:locale=en_US',
      'property:og:type=website',
      'property:og:title=Massage after exercise',
      'property:og:description=What one study found inside the muscle.',
      'property:og:url=https://www.myrituals.me/blog/posts/massage-after-exercise/',
      'property:og:image=https://www.myrituals.me/blog/og/posts/massage-after-exercise.png',
      'property:og:image:type=image/png',
      'property:og:image:width=1200',
      'property:og:image:height=630',
      'property:og:image:alt=The card',
      'name:twitter:card=summary_large_image',
    ]);
  });

  it("make a post an article with times in the studio's offset, author page and every tag", () => {
    const tags = asMap({
      ...page,
      article: {
        published: new Date('2026-11-01T04:00:00Z'),
        modified: new Date('2026-11-05T05:00:00Z'),
        authorUrl: 'https://www.myrituals.me/blog/authors/lauren-walker/',
        tags: ['massage', 'recovery'],
      },
    });
    expect(tags).toContain('property:og:type=article');
    expect(tags).not.toContain('property:og:type=website');
    // Daylight time on November 1, standard time on November 5.
    expect(tags).toContain('property:article:published_time=2026-11-01T00:00:00-04:00');
    expect(tags).toContain('property:article:modified_time=2026-11-05T00:00:00-05:00');
    expect(tags).toContain('property:article:author=https://www.myrituals.me/blog/authors/lauren-walker/');
    expect(tags.filter((t) => t.startsWith('property:article:tag='))).toEqual([
      'property:article:tag=massage',
      'property:article:tag=recovery',
    ]);
  });

  it('leave out the modified time of a post never updated', () => {
    const tags = asMap({
      ...page,
      article: { published: new Date('2026-11-01T04:00:00Z'), authorUrl: 'https://x.test/a/', tags: ['massage'] },
    });
    expect(tags.some((t) => t.includes('modified_time'))).toBe(false);
  });

  it('write the locale the Open Graph way', () => {
    expect(ogLocale('en-US')).toBe('en_US');
    expect(ogLocale('en')).toBe('en');
  });
});
