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

/**
 * How much a post's card shows (template.ts): `full`, the design of issue 15 (a
 * tag pill; the author in bold, then date and read time), or `light`, the same
 * fonts, colours and places with fewer glyphs and text elements: no tag, and
 * "author · date" as one line in one face. The site card is the same in both.
 */
export type CardLook = 'full' | 'light';

/**
 * The look every card is drawn in: light, because the full look costs about
 * 10% more CPU a card and misses issue 20's 20 ms (README and docs/performance.md
 * show both and the figures). Changing it redraws every card, as any design change does.
 */
export const DEFAULT_LOOK: CardLook = 'light';

export interface OgCard {
  /** A post's card, or the site's default card for home, tag and author pages. */
  kind: 'post' | 'site';
  look: CardLook;
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
    look: DEFAULT_LOOK,
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
    look: DEFAULT_LOOK,
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
  // Only what the picture shows: the light look has no read time.
  const by = [card.author && `by ${card.author}`, card.date, card.look === 'full' && card.readTime].filter(Boolean).join(', ');
  return `“${card.title}”${by ? `, ${by}` : ''}. ${card.siteTitle}`;
}
