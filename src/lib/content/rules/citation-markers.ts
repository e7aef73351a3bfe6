/**
 * The text and the sources must match: every `[@key]` in the body names one
 * of the post's citations, and every citation is cited somewhere in the text,
 * so a reader can go from a claim to its source and back.
 */
import { didYouMean } from '../../suggest.ts';
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, type PostRule } from './rule.ts';
import { bodyMarkers, severityFor, untilLive } from './body-text.ts';

export const citationMarkers: PostRule = {
  id: 'citation-markers',
  check(post, ctx) {
    if (!post.data) return [];
    const keys = post.data.citations.map((c) => c.key);
    const markers = bodyMarkers(post);
    const severity = severityFor(post, ctx);
    const out: Problem[] = [];
    const cited = new Set<string>();
    for (const marker of markers) {
      for (const { key } of marker.items) {
        cited.add(key);
        if (keys.includes(key)) continue;
        const fix = keys.length
          ? `no citation of this post has the key "${key}".${didYouMean(key, keys)} Its keys: ${keys.join(', ')}. Fix the key or add the source under \`citations:\`${untilLive(severity)}`
          : `the post has no citations; add the source under \`citations:\` (\`npm run cite -- <DOI>\` writes the entry)${untilLive(severity)}`;
        out.push(problemAt(post, bodyLineNumber(post, marker.index), 'body', `cites ${marker.text}, but ${fix}. (Not a citation? Write \\@ for the @.)`, severity));
      }
    }
    post.data.citations.forEach((c, i) => {
      if (cited.has(c.key)) return;
      out.push(
        problemAt(
          post,
          post.source.lineOf(['citations', i]),
          `citations #${i + 1}`,
          `(${c.key}) is cited nowhere in the text; put [@${c.key}] after the sentence it supports${untilLive(severity)}, or remove the source`,
          severity,
        ),
      );
    });
    return out;
  },
};
