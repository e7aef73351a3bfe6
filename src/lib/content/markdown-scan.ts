/**
 * A light reading of a Markdown (or MDX) body for the content checks: the lines
 * a reader sees, with their line numbers, plus the headings on them. It is not
 * a Markdown renderer; it is fast (1,000 posts in milliseconds) and errs towards
 * finding fewer things rather than inventing problems. Links and pictures,
 * which must agree with the build exactly, come from the build's own parser
 * (body-links.ts).
 */

export interface BodyLine {
  /** The line with code, comments and MDX module lines blanked out. */
  text: string;
  /** 0-based index of the line in the body. */
  index: number;
}

export interface BodyHeading {
  level: number;
  text: string;
  index: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The body's lines with fenced code, inline code, HTML comments and MDX
 * import/export lines replaced by blanks, so nothing inside them is checked.
 * Line indexes stay those of the file.
 */
export function readableLines(body: string): BodyLine[] {
  const lines = body.split(/\r?\n/);
  const out: BodyLine[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (let index = 0; index < lines.length; index++) {
    let text = lines[index]!;
    if (fence) {
      if (text.trim().startsWith(fence)) fence = undefined;
      out.push({ text: '', index });
      continue;
    }
    const open = FENCE.exec(text);
    if (open && !inComment) {
      fence = open[1]!.slice(0, 3);
      out.push({ text: '', index });
      continue;
    }
    if (inComment) {
      const end = text.indexOf('-->');
      if (end < 0) {
        out.push({ text: '', index });
        continue;
      }
      text = text.slice(end + 3);
      inComment = false;
    }
    text = text.replace(/<!--[\s\S]*?-->/g, '');
    const start = text.indexOf('<!--');
    if (start >= 0) {
      text = text.slice(0, start);
      inComment = true;
    }
    if ((text.includes('import') || text.includes('export')) && /^\s*(import|export)\s/.test(text)) text = '';
    out.push({ text: text.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length)), index });
  }
  return out;
}

/** ATX (`## Title`), setext (`Title` underlined with === or ---) and HTML <h1>…<h6> headings. */
export function findHeadings(lines: readonly BodyLine[]): BodyHeading[] {
  const out: BodyHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { text, index } = lines[i]!;
    const atx = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/.exec(text);
    if (atx) {
      out.push({ level: atx[1]!.length, text: atx[2] ?? '', index });
      continue;
    }
    const next = lines[i + 1]?.text;
    const prevBlank = i === 0 || !lines[i - 1]!.text.trim();
    // A setext underline only makes a heading of a one-line paragraph that is not a list item.
    if (next !== undefined && text.trim() && prevBlank && !/^\s*([-*+>]|\d+[.)])\s/.test(text)) {
      if (/^\s{0,3}=+\s*$/.test(next)) out.push({ level: 1, text: text.trim(), index });
      else if (/^\s{0,3}-+\s*$/.test(next)) out.push({ level: 2, text: text.trim(), index });
    }
    for (const m of text.matchAll(/<h([1-6])\b[^>]*>/gi)) out.push({ level: Number(m[1]), text: '', index });
  }
  return out;
}

/** What is left of a body once HTML comments, MDX module lines and blank space are removed. */
export function visibleContent(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s*(import|export)\s.*$/gm, '')
    .trim();
}
