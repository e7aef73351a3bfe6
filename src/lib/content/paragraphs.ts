/**
 * A body's readable lines grouped into paragraphs (runs of lines between
 * blank lines; a heading is a paragraph of its own), each with a way to find
 * the body line any character sits on.
 */
import type { BodyLine } from './markdown-scan.ts';

export interface Paragraph {
  /** The lines joined by single spaces. */
  text: string;
  /** The body line index the character at `offset` of `text` comes from. */
  lineAt(offset: number): number;
}

const HEADING = /^\s{0,3}#{1,6}(\s|$)/;

export function paragraphs(lines: readonly BodyLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let text = '';
  let starts: { offset: number; index: number }[] = [];
  const flush = () => {
    if (!text) return;
    const marks = starts;
    out.push({ text, lineAt: (offset) => marks.filter((s) => s.offset <= offset).at(-1)!.index });
    text = '';
    starts = [];
  };
  for (const line of lines) {
    if (!line.text.trim()) {
      flush();
      continue;
    }
    const heading = HEADING.test(line.text);
    if (heading) flush();
    if (text) text += ' ';
    starts.push({ offset: text.length, index: line.index });
    text += line.text.trim();
    if (heading) flush();
  }
  flush();
  return out;
}
