/**
 * APA 7 reference entries from structured citations.
 * Journal articles: Authors. (Year). Title. *Journal*, *vol*(issue), pages. https://doi.org/…
 * Other works (books, reports, web pages): Authors. (Year). *Title*. Publisher. URL
 */
import type { Citation } from '../schema/citation.ts';
import { escapeHtml } from './html.ts';

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** APA 7 author list: "A", "A, & B", "A, B, & C"; with 21 or more, the first 19, an ellipsis, the last. */
export function formatAuthorList(authors: readonly string[]): string {
  const names = authors.map((a) => a.trim());
  if (names.length === 1) return names[0]!;
  if (names.length >= 21) return `${names.slice(0, 19).join(', ')}, . . . ${names.at(-1)}`;
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

function endWithPeriod(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function isPeriodical(c: Citation): boolean {
  return c.volume !== undefined || c.issue !== undefined || c.pages !== undefined || c.article !== undefined;
}

type Segment = { text: string; italic?: boolean; link?: string };

function segments(c: Citation): Segment[] {
  const out: Segment[] = [{ text: `${endWithPeriod(formatAuthorList(c.authors))} (${c.year}). ` }];
  if (isPeriodical(c)) {
    out.push({ text: `${endWithPeriod(c.title)} ` });
    out.push({ text: c.container, italic: true });
    if (c.volume !== undefined) {
      out.push({ text: ', ' });
      out.push({ text: String(c.volume), italic: true });
    }
    if (c.issue !== undefined) out.push({ text: `(${c.issue})` });
    if (c.pages) out.push({ text: `, ${c.pages}` });
    if (c.article) out.push({ text: `, Article ${c.article}` });
    out.push({ text: '.' });
  } else {
    out.push({ text: endWithPeriod(c.title), italic: true });
    out.push({ text: ` ${endWithPeriod(c.container)}` });
  }
  const link = c.doi ? doiUrl(c.doi) : c.url;
  if (link) {
    out.push({ text: ' ' });
    out.push({ text: link, link });
  }
  return out;
}

/** Plain text, for feeds, the API and JSON-LD. */
export function formatCitation(c: Citation): string {
  return segments(c)
    .map((s) => s.text)
    .join('');
}

/** HTML with <i> for the italic parts and the DOI or URL as a link. */
export function formatCitationHtml(c: Citation): string {
  return segments(c)
    .map((s) => {
      const text = escapeHtml(s.text);
      if (s.link) return `<a href="${escapeHtml(s.link)}">${text}</a>`;
      return s.italic ? `<i>${text}</i>` : text;
    })
    .join('');
}
