/**
 * Parsing a built page as a browser would (parse5, the WHATWG algorithm) and
 * keeping the errors that break a page: a tag, comment or doctype cut off, a
 * character no page may hold, attributes that run together. Misnested tags a
 * writer's own raw HTML can bring (a </p> too many) are recovered by every
 * browser the same way, so they are not counted.
 */
import { parse, type ParserError } from 'parse5';

const RECOVERED_ALIKE = new Set([
  'end-tag-without-matching-open-element',
  'closing-of-element-with-open-child-elements',
  'non-void-html-element-start-tag-with-trailing-solidus',
]);

/** The page-breaking parse errors of `html`, as `line:col code`. */
export function pageBreakingErrors(html: string): string[] {
  const found: string[] = [];
  parse(html, {
    onParseError: (e: ParserError) => {
      if (!RECOVERED_ALIKE.has(e.code)) found.push(`${e.startLine}:${e.startCol} ${e.code}`);
    },
  });
  return found;
}
