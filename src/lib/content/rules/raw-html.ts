/**
 * Raw HTML in a post that the site will not carry: code (<script>, onclick=,
 * javascript: links) and embedded pages (<iframe>, <object>). The page's policy
 * blocks it and the feeds and the API drop it (src/lib/sanitize.ts), so the
 * writer hears about it here rather than wondering where it went.
 */
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule } from './rule.ts';

const DROPPED: { pattern: RegExp; what: (m: RegExpExecArray) => string }[] = [
  { pattern: /<(script|style|iframe|object|embed|form|input|button|textarea|select|frame|frameset|applet|base|meta|link)\b/i, what: (m) => `<${m[1]!.toLowerCase()}>` },
  { pattern: /\son[a-z]+\s*=/i, what: (m) => `an ${m[0].trim().replace(/\s*=$/, '')}= attribute` },
  { pattern: /\b(?:href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i, what: (m) => `a ${m[1]!.toLowerCase()}: link` },
  { pattern: /\]\(\s*<?\s*(javascript|vbscript):/i, what: (m) => `a ${m[1]!.toLowerCase()}: link` },
];

export const rawHtml: PostRule = {
  id: 'raw-html',
  check(post) {
    const out: Problem[] = [];
    for (const line of scanBody(post).lines) {
      for (const { pattern, what } of DROPPED) {
        const m = pattern.exec(line.text);
        if (!m) continue;
        out.push(
          problemAt(
            post,
            bodyLineNumber(post, line.index),
            'body',
            `has ${what(m)}, which the site does not run: the page blocks it and feeds and the API leave it out; remove it (for a video or a form, link to it instead)`,
            'warning',
          ),
        );
        break;
      }
    }
    return out;
  },
};
