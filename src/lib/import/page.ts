/**
 * A post read from its own page on the old blog, for feeds that carry only a
 * summary and for lists of addresses. The article's body is found where the
 * common blog platforms put it (Wix, WordPress themes, schema.org markup),
 * falling back to the page's <article>; its facts (title, author, date,
 * picture, topics) come from the page's structured data and meta tags.
 */
import { parse, serialize, type DefaultTreeAdapterTypes as T } from 'parse5';
import { htmlToPlainText } from '../html-text.ts';
import { attr, detach, elements, findAll, findFirst, hasClass, textContent, type Element } from './dom.ts';
import type { SourcePicture } from './source-post.ts';

export interface PagePost {
  title?: string | undefined;
  /** The article's body as HTML. */
  html: string;
  excerpt?: string | undefined;
  authorName?: string | undefined;
  published?: string | undefined;
  hero?: SourcePicture | undefined;
  categories: string[];
}

export type PageRead = ({ ok: true } & PagePost) | { ok: false; reason: string };

/** Fewer words than this is a teaser, a gallery or an index, not an article. */
const MIN_ARTICLE_WORDS = 20;

/** Where blog platforms put a post's text, most specific first. */
const BODY_FINDERS: { name: string; test: (el: Element) => boolean }[] = [
  // Wix Blog: the post's rich-content viewer.
  { name: 'wix', test: (el) => attr(el, 'data-hook') === 'post-description' },
  { name: 'wix', test: (el) => attr(el, 'data-id') === 'content-viewer' },
  // schema.org markup, used by many themes.
  { name: 'schema.org', test: (el) => attr(el, 'itemprop') === 'articleBody' },
  // WordPress: classic and block themes.
  {
    name: 'wordpress',
    test: (el) => hasClass(el, 'entry-content') || hasClass(el, 'wp-block-post-content') || hasClass(el, 'post-content'),
  },
  { name: 'article', test: (el) => el.tagName === 'article' },
];

/** Parts of an article that are not its text. */
const NOT_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'nav',
  'aside',
  'footer',
  'header',
  'button',
  'svg',
  'iframe',
  'object',
  'embed',
]);
const NOT_TEXT_CLASSES = [
  'sharedaddy',
  'jp-relatedposts',
  'post-meta',
  'entry-meta',
  'entry-footer',
  'share-buttons',
  'screen-reader-text',
];

interface LdArticle {
  headline?: unknown;
  datePublished?: unknown;
  author?: unknown;
  image?: unknown;
  description?: unknown;
  keywords?: unknown;
  articleSection?: unknown;
}

const ARTICLE_TYPES = /^(BlogPosting|Article|NewsArticle|SocialMediaPosting|Posting|TechArticle|Report)$/;

function ldArticles(doc: T.Document): LdArticle[] {
  const out: LdArticle[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    const types = ([] as unknown[]).concat(obj['@type'] ?? []);
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) out.push(obj as LdArticle);
    if (obj['@graph']) visit(obj['@graph']);
    if (obj.mainEntity) visit(obj.mainEntity);
  };
  for (const script of findAll(doc, (el) => el.tagName === 'script' && (attr(el, 'type') ?? '').toLowerCase() === 'application/ld+json')) {
    try {
      visit(JSON.parse(textContent(script)));
    } catch {
      // A page's broken structured data is its own problem; the meta tags may still do.
    }
  }
  return out;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object')
    return text((value as { name?: unknown; url?: unknown }).name ?? (value as { url?: unknown }).url);
  return undefined;
}

function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (value && typeof value === 'object')
    return imageUrl((value as { url?: unknown; contentUrl?: unknown }).url ?? (value as { contentUrl?: unknown }).contentUrl);
  return undefined;
}

function metaContent(doc: T.Document, key: string): string[] {
  return findAll(doc, (el) => el.tagName === 'meta' && (attr(el, 'property') === key || attr(el, 'name') === key))
    .map((el) => (attr(el, 'content') ?? '').trim())
    .filter(Boolean);
}

function absolute(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

function clean(body: Element): void {
  for (const el of [...elements(body)]) {
    if (NOT_TEXT.has(el.tagName) || NOT_TEXT_CLASSES.some((c) => hasClass(el, c)) || attr(el, 'aria-hidden') === 'true') detach(el);
  }
}

function wordCount(html: string): number {
  return htmlToPlainText(html).split(/\s+/).filter(Boolean).length;
}

/** The matches that are not inside another match. */
function outermost(found: Element[]): Element[] {
  const set = new Set<unknown>(found);
  return found.filter((el) => {
    for (let p = el.parentNode; p; p = (p as Element).parentNode) if (set.has(p)) return false;
    return true;
  });
}

function findBody(doc: T.Document): Element | undefined {
  for (const finder of BODY_FINDERS) {
    const found = outermost(findAll(doc, finder.test));
    if (!found.length) continue;
    // Several bodies (a list of teasers, each with its summary) is an index page, not a post.
    return found.length === 1 ? found[0] : undefined;
  }
  return undefined;
}

function keywordsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keywordsOf);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  return [];
}

/** Read a post from its page's HTML; `pageUrl` resolves relative addresses. */
export function readPostPage(html: string, pageUrl: string): PageRead {
  const doc = parse(html);
  const body = findBody(doc);
  if (!body) return { ok: false, reason: 'the page does not look like a blog post (no article found in it)' };
  const [ld] = ldArticles(doc);

  // The title lives in the article's <h1> on most themes; the post's own heading is not body text.
  const heading = findFirst(body, (el) => el.tagName === 'h1');
  const headingText = heading ? textContent(heading).replace(/\s+/g, ' ').trim() : undefined;
  if (heading) detach(heading);
  clean(body);
  const bodyHtml = serialize(body).trim();
  if (wordCount(bodyHtml) < MIN_ARTICLE_WORDS)
    return { ok: false, reason: 'the page does not look like a blog post (its article has almost no text)' };

  const titleTag = findFirst(doc, (el) => el.tagName === 'title');
  const title =
    text(ld?.headline) ??
    metaContent(doc, 'og:title')[0] ??
    headingText ??
    (titleTag
      ? textContent(titleTag)
          .split(/\s[|–—-]\s/)[0]
          ?.trim()
      : undefined);
  const heroUrl = absolute(imageUrl(ld?.image) ?? metaContent(doc, 'og:image')[0], pageUrl);
  const heroAlt = metaContent(doc, 'og:image:alt')[0];
  const categories = [
    ...keywordsOf(ld?.keywords),
    ...metaContent(doc, 'article:tag'),
    ...keywordsOf(ld?.articleSection),
    ...metaContent(doc, 'article:section'),
  ];
  const timeEl = findFirst(doc, (el) => el.tagName === 'time' && attr(el, 'datetime') !== undefined);

  return {
    ok: true,
    title,
    html: bodyHtml,
    excerpt: text(ld?.description) ?? metaContent(doc, 'og:description')[0] ?? metaContent(doc, 'description')[0],
    authorName: text(ld?.author) ?? metaContent(doc, 'author')[0],
    published: text(ld?.datePublished) ?? metaContent(doc, 'article:published_time')[0] ?? (timeEl ? attr(timeEl, 'datetime') : undefined),
    hero: heroUrl ? { url: heroUrl, alt: heroAlt } : undefined,
    categories: [...new Set(categories)],
  };
}

/** The feed a web page announces (`<link rel="alternate" type="application/rss+xml">`), absolute. */
export function discoverFeed(html: string, pageUrl: string): string | undefined {
  const doc = parse(html);
  const link = findFirst(
    doc,
    (el) =>
      el.tagName === 'link' &&
      (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('alternate') &&
      /^application\/(rss|atom)\+xml$/i.test(attr(el, 'type') ?? ''),
  );
  return absolute(link ? attr(link, 'href') : undefined, pageUrl);
}
