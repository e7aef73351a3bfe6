/**
 * The Open Graph and Twitter tags of a page, as data: SocialMeta.astro prints
 * them, tests and other outputs can read them without rendering a page.
 */
import type { CardPost } from './card.ts';
import { isoWithOffset } from '../zoned-time.ts';

/** What a post page hands its layout for its social tags: the post and its author. */
export interface ArticleSource {
  post: CardPost & { slug: string; updated?: Date | undefined };
  author: { id: string; name: string };
}

export interface MetaTag {
  /** Open Graph uses `property`, Twitter `name`. */
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

export interface SocialImage {
  url: string;
  alt: string;
  width: number;
  height: number;
  type: string;
}

export interface SocialArticle {
  published: Date;
  modified?: Date | undefined;
  /** Absolute URL of the author's page (Open Graph wants a profile, not a name). */
  authorUrl: string;
  tags: readonly string[];
}

export interface SocialPage {
  siteName: string;
  /** BCP 47 language tag of the site, e.g. en-US. */
  lang: string;
  /** The studio's time zone: article times carry its offset, as the pages' <time> elements do. */
  timeZone: string;
  title: string;
  description: string;
  /** Absolute URL of the page: its canonical address. */
  url: string;
  image: SocialImage;
  /** Posts: `og:type` article with its dates, author and tags. */
  article?: SocialArticle | undefined;
}

/** en-US → en_US, the form og:locale takes. */
export function ogLocale(lang: string): string {
  return lang.replace('-', '_');
}

export function socialMetaTags(page: SocialPage): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content });
  const tags: MetaTag[] = [
    og('og:site_name', page.siteName),
    og('og:locale', ogLocale(page.lang)),
    og('og:type', page.article ? 'article' : 'website'),
    og('og:title', page.title),
    og('og:description', page.description),
    og('og:url', page.url),
    og('og:image', page.image.url),
    og('og:image:type', page.image.type),
    og('og:image:width', String(page.image.width)),
    og('og:image:height', String(page.image.height)),
    og('og:image:alt', page.image.alt),
  ];
  if (page.article) {
    const a = page.article;
    tags.push(og('article:published_time', isoWithOffset(a.published, page.timeZone)));
    if (a.modified) tags.push(og('article:modified_time', isoWithOffset(a.modified, page.timeZone)));
    tags.push(og('article:author', a.authorUrl));
    for (const tag of a.tags) tags.push(og('article:tag', tag));
  }
  tags.push({ attribute: 'name', key: 'twitter:card', content: 'summary_large_image' });
  return tags;
}
