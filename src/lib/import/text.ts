/**
 * Title and description from what the old blog wrote, fitted to the schema's
 * limits the way a person would: a description ends at the end of a sentence,
 * a title at the end of a word.
 */
import { htmlToPlainText } from '../html-text.ts';

/** Trailing "Read more" links and ellipses that summaries carry. */
const TEASER_TAIL = /\s*(\[?(…|\.\.\.)\]?|(continue reading|read more|read the full post)\W*(→|»)?)\s*$/i;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function sentences(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

function plain(htmlOrText: string): string {
  return htmlToPlainText(htmlOrText).replace(/\s+/g, ' ').trim().replace(TEASER_TAIL, '').trim();
}

/** Cut at the last word boundary that leaves room for an ellipsis. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max); // one character is kept for the ellipsis
  const space = room.lastIndexOf(' ');
  const cut = (space > max / 2 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,;:–—-]+$/, '');
  return `${cut}…`;
}

/**
 * A description from the start of the first candidate that has one (the
 * excerpt, then the body): whole sentences, as few as reach `min`, never over
 * `max`. When no candidate has a sentence short enough, the first long enough
 * text is cut at a word (`cut: true`). Undefined when no candidate reaches `min`.
 */
export function fitDescription(
  candidates: readonly (string | undefined)[],
  min: number,
  max: number,
): { text: string; cut: boolean } | undefined {
  const texts = candidates.flatMap((c) => (c ? [plain(c)] : []));
  for (const text of texts) {
    let out = '';
    for (const sentence of sentences(text)) {
      const next = out ? `${out} ${sentence}` : sentence;
      if (next.length > max) break;
      out = next;
      if (out.length >= min) return { text: out, cut: false };
    }
  }
  const long = texts.find((t) => t.length >= min);
  return long ? { text: cutAtWord(long, max), cut: true } : undefined;
}

/** A title within `max` characters; says whether it had to be shortened. */
export function fitTitle(title: string, max: number): { title: string; shortenedFrom?: number } {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return { title: clean };
  return { title: cutAtWord(clean, max), shortenedFrom: clean.length };
}
