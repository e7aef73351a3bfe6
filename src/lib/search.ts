/**
 * Site search with Pagefind: which built pages go into the index, under which
 * address, and how a result's excerpt is shown without trusting it as HTML.
 */

import { decodeEntities } from './html.ts';

/** Only pages that mark their readable part with data-pagefind-body (posts) are indexed. */
export function isSearchable(html: string): boolean {
  return /\sdata-pagefind-body(?=[\s=>])/.test(html);
}

export interface ExcerptPart {
  text: string;
  /** A matched word, shown highlighted. */
  mark: boolean;
}

/**
 * Pagefind's excerpt is escaped text with <mark> around matches. It is split
 * into plain text parts, so the page builds text nodes and never injects HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/gi;
  let last = 0;
  const push = (raw: string, mark: boolean) => {
    const text = decodeEntities(raw.replace(/<[^>]*>/g, ''));
    if (text) parts.push({ text, mark });
  };
  for (const m of excerpt.matchAll(re)) {
    push(excerpt.slice(last, m.index), false);
    push(m[1]!, true);
    last = m.index + m[0].length;
  }
  push(excerpt.slice(last), false);
  return parts;
}

/** What the status line says after a search (in one topic, when `tag` is chosen), for sighted and screen reader users alike. */
export function resultsMessage(query: string, count: number, tag?: string): string {
  const q = query.trim();
  const posts = `${count} post${count === 1 ? '' : 's'}`;
  if (!q && !tag) return '';
  if (!q) return count === 0 ? `No posts about #${tag} yet.` : `${posts} about #${tag}.`;
  const within = tag ? ` in #${tag}` : '';
  if (count === 0) return `No posts found for “${q}”${within}. Try another word${tag ? ' or all topics' : ', or browse the topics'}.`;
  return `${posts} found for “${q}”${within}.`;
}

/** A result's date: Pagefind keeps the post's day as YYYY-MM-DD (its day in the studio's time zone), shown as "November 15, 2026". */
export function resultDate(day: string | undefined, locale: string): string | undefined {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!m) return undefined;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}
