/**
 * Posts from an RSS 2.0, Atom or RSS 1.0 (RDF) feed, read with feedsmith. A
 * Wix blog feed is RSS 2.0 whose items carry only a summary: such items are
 * marked `summaryOnly`, and the import reads their pages for the full text.
 */
import { parseFeed } from 'feedsmith';
import { htmlToPlainText } from '../html-text.ts';
import type { SourcePicture, SourcePost } from './source-post.ts';

/**
 * An item whose only text is a description this short (in characters of
 * text), or one that ends in an ellipsis, is taken as a summary.
 */
const SUMMARY_MAX_CHARS = 600;

type Parsed = ReturnType<typeof parseFeed>;
type RssItem = NonNullable<Extract<Parsed, { format: 'rss' }>['feed']['items']>[number];
type AtomEntry = NonNullable<Extract<Parsed, { format: 'atom' }>['feed']['entries']>[number];
type RdfItem = NonNullable<Extract<Parsed, { format: 'rdf' }>['feed']['items']>[number];

export type FeedRead =
  { ok: true; format: 'rss' | 'atom' | 'rdf'; link?: string | undefined; posts: SourcePost[] } | { ok: false; reason: string };

/** Titles in feeds are often HTML-escaped text: read them as HTML, keep the words. */
export function plainTitle(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = htmlToPlainText(value).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function looksLikeSummary(html: string): boolean {
  const text = htmlToPlainText(html).trim();
  return text.length <= SUMMARY_MAX_CHARS || /(\.\.\.|…|\[…\]|\[\.\.\.\])$/.test(text);
}

/** RSS `<author>` is "email (Name)" or just an email. */
function nameFromRssAuthor(author: string | undefined): string | undefined {
  if (!author) return undefined;
  const inParens = /\(([^)]+)\)/.exec(author)?.[1]?.trim();
  if (inParens) return inParens;
  return author.includes('@') ? undefined : author.trim() || undefined;
}

function personName(person: unknown): string | undefined {
  if (typeof person === 'string') return person;
  if (person && typeof person === 'object') {
    const p = person as { name?: unknown; email?: unknown };
    return typeof p.name === 'string' ? p.name : typeof p.email === 'string' ? p.email : undefined;
  }
  return undefined;
}

function dateText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

function isUrl(value: string | undefined): value is string {
  return !!value && /^https?:\/\//i.test(value);
}

function mediaPicture(
  media: { contents?: { url?: string; medium?: string; type?: string }[]; thumbnails?: { url?: string }[] } | undefined,
): SourcePicture | undefined {
  const content = media?.contents?.find((c) => c.url && (c.medium === 'image' || c.type?.startsWith('image/')));
  if (content?.url) return { url: content.url };
  const thumb = media?.thumbnails?.find((t) => t.url);
  return thumb?.url ? { url: thumb.url } : undefined;
}

function fromRss(item: RssItem): SourcePost | undefined {
  const guid = item.guid?.value?.trim();
  const url = item.link?.trim() || (item.guid?.isPermaLink !== false && isUrl(guid) ? guid : undefined);
  const id = guid || url;
  if (!id) return undefined;
  const full = item.content?.encoded;
  const description = item.description;
  const enclosure = item.enclosures?.find((e) => e.url && e.type?.startsWith('image/'));
  return {
    id,
    url,
    title: plainTitle(item.title),
    html: full ?? description,
    summaryOnly: !full && (!description || looksLikeSummary(description)),
    excerpt: description,
    authorName:
      item.dc?.creators?.[0] ?? (item.dc as { creator?: string } | undefined)?.creator ?? nameFromRssAuthor(personName(item.authors?.[0])),
    published: dateText(item.pubDate) ?? dateText(item.dc?.dates?.[0]),
    categories: (item.categories ?? []).map((c) => c.name?.trim() ?? '').filter(Boolean),
    hero: enclosure?.url ? { url: enclosure.url } : mediaPicture(item.media),
  };
}

function fromAtom(entry: AtomEntry): SourcePost | undefined {
  const link = entry.links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
  const id = entry.id?.trim() || link;
  if (!id) return undefined;
  const asHtml = (t: { value?: string; type?: string } | undefined) =>
    t?.value === undefined
      ? undefined
      : t.type === 'html' || t.type === 'xhtml'
        ? t.value
        : `<p>${t.value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
  const content = asHtml(entry.content as { value?: string; type?: string } | undefined);
  const summary = asHtml(entry.summary as { value?: string; type?: string } | undefined);
  const enclosure = entry.links?.find((l) => l.rel === 'enclosure' && l.type?.startsWith('image/'));
  return {
    id,
    url: link,
    title: plainTitle(asHtml(entry.title as { value?: string; type?: string } | undefined)),
    html: content ?? summary,
    summaryOnly: !content,
    excerpt: summary,
    authorName: entry.authors?.[0]?.name,
    published: dateText(entry.published) ?? dateText(entry.updated),
    categories: (entry.categories ?? []).map((c) => (c.label ?? c.term ?? '').trim()).filter(Boolean),
    hero: enclosure?.href ? { url: enclosure.href } : mediaPicture((entry as { media?: Parameters<typeof mediaPicture>[0] }).media),
  };
}

function fromRdf(item: RdfItem): SourcePost | undefined {
  const url = item.link?.trim();
  if (!url) return undefined;
  const full = item.content?.encoded;
  return {
    id: (item as { rdf?: { about?: string } }).rdf?.about ?? url,
    url,
    title: plainTitle(item.title),
    html: full ?? item.description,
    summaryOnly: !full,
    excerpt: item.description,
    authorName: item.dc?.creators?.[0],
    published: dateText(item.dc?.dates?.[0]),
    categories: (item.dc?.subjects ?? []).map((s) => s.trim()).filter(Boolean),
  };
}

/** Read a feed's text; well-formedness is checked before this (see read-source.ts). */
export function readFeed(xml: string): FeedRead {
  let parsed: Parsed;
  try {
    parsed = parseFeed(xml);
  } catch {
    return { ok: false, reason: 'is XML, but not a feed (RSS, Atom) or a WordPress export' };
  }
  switch (parsed.format) {
    case 'rss':
      return { ok: true, format: 'rss', link: parsed.feed.link, posts: (parsed.feed.items ?? []).flatMap((i) => fromRss(i) ?? []) };
    case 'atom':
      return {
        ok: true,
        format: 'atom',
        link: parsed.feed.links?.find((l) => !l.rel || l.rel === 'alternate')?.href,
        posts: (parsed.feed.entries ?? []).flatMap((e) => fromAtom(e) ?? []),
      };
    case 'rdf':
      return { ok: true, format: 'rdf', link: parsed.feed.link, posts: (parsed.feed.items ?? []).flatMap((i) => fromRdf(i) ?? []) };
    default:
      return { ok: false, reason: `is a ${parsed.format} feed, which the import does not read; use the blog's RSS or Atom feed` };
  }
}
