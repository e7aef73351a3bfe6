/**
 * Fitting text into the Open Graph card: pick the largest font size at which
 * a title fits, wrap it into lines, and clamp what still does not fit with an
 * ellipsis. Pure: the width of a piece of text comes from a `measure`
 * function, the real one reads the font files (fonts.ts), tests pass their own.
 *
 * The template draws exactly the lines computed here, one element a line, so
 * what the tests prove about widths is what the picture shows.
 */

/** Width in pixels of `text` set at `fontSize` pixels. */
export type Measure = (text: string, fontSize: number) => number;

export const ELLIPSIS = '…';

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters: an emoji with skin tone or a flag stays one piece. */
export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Collapse runs of white space so a title with a stray double space or newline wraps cleanly. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters after which a too-long word may break before falling back to any character. */
const SOFT_BREAK_AFTER = /[-‐–—/]$/u;

/**
 * Break one word that is wider than a line into pieces that fit, preferring to
 * break after a hyphen, dash or slash, otherwise between any two characters.
 */
function breakWord(word: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let rest = graphemes(word);
  while (rest.length > 0) {
    let fit = 0;
    while (fit < rest.length && measure(rest.slice(0, fit + 1).join(''), fontSize) <= maxWidth) fit++;
    if (fit === 0) fit = 1; // a single character wider than the line: show it, the frame clips it
    let cut = fit;
    if (fit < rest.length) {
      for (let i = fit; i > 1; i--) {
        if (SOFT_BREAK_AFTER.test(rest[i - 1]!)) {
          cut = i;
          break;
        }
      }
    }
    pieces.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
  }
  return pieces;
}

/** Greedy word wrap: as many words on each line as fit in `maxWidth`. */
export function wrapText(text: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const words = normalizeSpace(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (measure(word, fontSize) <= maxWidth) {
      line = word;
    } else {
      const pieces = breakWord(word, maxWidth, fontSize, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Punctuation and spaces that look wrong right before an ellipsis. */
const TRAILING_BEFORE_ELLIPSIS = /[\s,;:.\-‐–—/(“‘"']+$/u;

/**
 * Shorten `text` until `text…` fits in `maxWidth`: whole words first, then
 * characters when one word alone is too wide.
 */
export function ellipsize(text: string, maxWidth: number, fontSize: number, measure: Measure): string {
  const fits = (t: string) => measure(t + ELLIPSIS, fontSize) <= maxWidth;
  let t = text.replace(TRAILING_BEFORE_ELLIPSIS, '');
  while (t.includes(' ') && !fits(t)) t = t.slice(0, t.lastIndexOf(' ')).replace(TRAILING_BEFORE_ELLIPSIS, '');
  if (!fits(t)) {
    const chars = graphemes(t);
    while (chars.length > 0 && !fits(chars.join(''))) chars.pop();
    t = chars.join('').replace(TRAILING_BEFORE_ELLIPSIS, '');
  }
  return t + ELLIPSIS;
}

/** One line of text, shortened with an ellipsis when it is wider than `maxWidth`. */
export function fitLine(text: string, maxWidth: number, fontSize: number, measure: Measure): string {
  const clean = normalizeSpace(text);
  return measure(clean, fontSize) <= maxWidth ? clean : ellipsize(clean, maxWidth, fontSize, measure);
}

/**
 * The same number of lines as greedy wrapping gives, but as even as they can
 * be (CSS `text-wrap: balance`, as the site's headings use): the narrowest
 * width that still needs no more lines, found by bisection.
 */
export function balanceLines(text: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const greedy = wrapText(text, maxWidth, fontSize, measure);
  if (greedy.length < 2) return greedy;
  let lo = 0;
  let hi = maxWidth;
  let best = greedy;
  for (let i = 0; i < 12 && hi - lo > 1; i++) {
    const mid = (lo + hi) / 2;
    const lines = wrapText(text, mid, fontSize, measure);
    if (lines.length <= greedy.length && lines.every((l) => measure(l, fontSize) <= mid)) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

export interface TitleBox {
  /** Font sizes to try, largest first. */
  sizes: readonly number[];
  maxWidth: number;
  maxHeight: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Never more lines than this, whatever the height allows. */
  maxLines: number;
}

export interface FittedTitle {
  fontSize: number;
  lines: string[];
  /** True when the title did not fit even at the smallest size and was cut. */
  clamped: boolean;
}

/** How many lines of `fontSize` the box holds. */
export function linesAllowed(box: TitleBox, fontSize: number): number {
  return Math.max(1, Math.min(box.maxLines, Math.floor(box.maxHeight / (fontSize * box.lineHeight))));
}

/**
 * The largest size at which the whole title fits the box, in balanced lines;
 * failing that, the smallest size with the last allowed line ending in an
 * ellipsis.
 */
export function fitTitle(title: string, box: TitleBox, measure: Measure): FittedTitle {
  if (box.sizes.length === 0) throw new Error('fitTitle needs at least one font size');
  const sizes = [...box.sizes].sort((a, b) => b - a);
  for (const fontSize of sizes) {
    const lines = wrapText(title, box.maxWidth, fontSize, measure);
    if (lines.length <= linesAllowed(box, fontSize))
      return { fontSize, lines: balanceLines(title, box.maxWidth, fontSize, measure), clamped: false };
  }
  const fontSize = sizes.at(-1)!;
  const allowed = linesAllowed(box, fontSize);
  const lines = wrapText(title, box.maxWidth, fontSize, measure);
  const kept = lines.slice(0, allowed);
  kept[allowed - 1] = ellipsize(kept[allowed - 1]!, box.maxWidth, fontSize, measure);
  return { fontSize, lines: kept, clamped: true };
}
