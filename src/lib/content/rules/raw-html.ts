/**
 * Raw HTML in a post that does not reach every reader. The feeds and the API
 * carry only what the sanitiser's allow-list lets through (src/lib/sanitize.ts:
 * SYNDICATED_TAGS, SYNDICATED_SCHEMES, no on…= handlers), so the warning is
 * derived from that list, not from a list of its own: whatever the sanitiser
 * drops, the writer hears about here rather than wondering where it went.
 * Code and embedded pages (<script>, <iframe>, onclick=, javascript: links) are
 * blocked on the page too, by its policy; other elements (<video>, <svg>) show
 * on the page but not in a feed reader.
 */
import { SYNDICATED_SCHEMES, SYNDICATED_TAGS } from '../../sanitize.ts';
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule } from './rule.ts';

const CARRIED: ReadonlySet<string> = new Set(SYNDICATED_TAGS);
/** Elements the page's Content-Security-Policy or the browser will not run or submit either. */
const BLOCKED_ON_THE_PAGE = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'frame', 'frameset', 'applet', 'base', 'meta', 'link']);
const NOT_RUN = 'which the site does not run: the page blocks it and feeds and the API leave it out; remove it (for a video or a form, link to it instead)';
const FEED_ONLY = 'which the page shows but feeds and the API leave out; for readers of the feed too, link to it or describe it in words';

/** An HTML start tag: `<video`, `<svg>`, not `<https://…>` or `a < b`. */
const START_TAG = /<([a-z][a-z0-9-]*)(?=[\s/>])/gi;
const HANDLER = /\son[a-z]+\s*=/i;
const ATTRIBUTE_SCHEME = /\b(?:href|src)\s*=\s*["']?\s*([a-z][a-z0-9+.-]*):/gi;
const MARKDOWN_SCHEME = /\]\(\s*<?\s*([a-z][a-z0-9+.-]*):/gi;

const carriedScheme = (scheme: string) => (SYNDICATED_SCHEMES as readonly string[]).includes(scheme.toLowerCase());

/** What the sanitiser would drop from one line, most serious first; undefined when it keeps everything. */
function droppedOn(text: string, mdx: boolean): string | undefined {
  // In MDX a capitalised tag is a component, which renders to the site's own HTML.
  const tags = [...text.matchAll(START_TAG)].filter((m) => !(mdx && /^[A-Z]/.test(m[1]!))).map((m) => m[1]!.toLowerCase());
  const code = tags.find((t) => BLOCKED_ON_THE_PAGE.has(t));
  if (code) return `has <${code}>, ${NOT_RUN}`;
  const handler = HANDLER.exec(text);
  if (handler) return `has an ${handler[0].trim().replace(/\s*=$/, '')}= attribute, ${NOT_RUN}`;
  for (const pattern of [ATTRIBUTE_SCHEME, MARKDOWN_SCHEME]) {
    const scheme = [...text.matchAll(pattern)].map((m) => m[1]!).find((s) => !carriedScheme(s));
    if (scheme) {
      const lower = scheme.toLowerCase();
      return lower === 'javascript' || lower === 'vbscript'
        ? `has a ${lower}: link, ${NOT_RUN}`
        : `has a ${lower}: address, which feeds and the API leave out; use an https:// address or a picture file next to the post`;
    }
  }
  const other = tags.find((t) => !CARRIED.has(t));
  if (other) return `has <${other}>, ${FEED_ONLY}`;
  return undefined;
}

export const rawHtml: PostRule = {
  id: 'raw-html',
  check(post) {
    const out: Problem[] = [];
    for (const line of scanBody(post).lines) {
      if (!line.text.includes('<') && !line.text.includes(':')) continue;
      const dropped = droppedOn(line.text, post.format === 'mdx');
      if (dropped) out.push(problemAt(post, bodyLineNumber(post, line.index), 'body', dropped, 'warning'));
    }
    return out;
  },
};
