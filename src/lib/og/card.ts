/**
 * What an Open Graph card says, as plain text, before any layout: built from
 * a post and the site settings. Everything that changes a picture passes
 * through here, so the cache key can be computed from it.
 */
import { formatLongDate } from '../format-date.ts';

export interface Palette {
  background: string;
  ink: string;
  accent: string;
}

export interface OgCard {
  /** A post's card, or the site's default card for home, tag and author pages. */
  kind: 'post' | 'site';
  siteTitle: string;
  /** The big line: the post title, or the journal's name. */
  title: string;
  /** Post cards: who wrote it, when and how long it takes. */
  author?: string | undefined;
  date?: string | undefined;
  readTime?: string | undefined;
  /** Post cards: the first tag, with its "#". */
  tag?: string | undefined;
  /** Site card: the sentence under the name. */
  description?: string | undefined;
  /** Site card: where the studio is, e.g. "Orlando · Longwood". */
  footer?: string | undefined;
  palette: Palette;
}

export interface CardSite {
  title: string;
  description: string;
  url: string;
  lang: string;
  timezone: string;
  locations: readonly { name: string }[];
  palette: Palette;
}

export interface CardPost {
  title: string;
  date: Date;
  readingMinutes: number;
  tags: readonly string[];
}

export function postCard(post: CardPost, authorName: string, site: CardSite): OgCard {
  return {
    kind: 'post',
    siteTitle: site.title,
    title: post.title,
    author: authorName,
    date: formatLongDate(post.date, site.timezone, site.lang),
    readTime: `${post.readingMinutes} min read`,
    tag: post.tags[0] ? `#${post.tags[0]}` : undefined,
    palette: { ...site.palette },
  };
}

export function siteCard(site: CardSite): OgCard {
  const host = new URL(site.url).host.replace(/^www\./, '');
  return {
    kind: 'site',
    siteTitle: site.title,
    title: `The ${site.title} journal`,
    description: site.description,
    footer: [...site.locations.map((l) => l.name), host].join(' · '),
    palette: { ...site.palette },
  };
}

/** What the picture shows, for og:image:alt. */
export function cardAlt(card: OgCard): string {
  if (card.kind === 'site') return `${card.siteTitle}: ${card.description ?? card.title}`;
  const by = [card.author && `by ${card.author}`, card.date, card.readTime].filter(Boolean).join(', ');
  return `“${card.title}”${by ? `, ${by}` : ''}. ${card.siteTitle}`;
}
