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

/** What the status line says after a search, for sighted and screen reader users alike. */
export function resultsMessage(query: string, count: number): string {
  const q = query.trim();
  if (!q) return '';
  if (count === 0) return `No posts found for “${q}”. Try another word, or browse the topics.`;
  return `${count} post${count === 1 ? '' : 's'} found for “${q}”.`;
}
