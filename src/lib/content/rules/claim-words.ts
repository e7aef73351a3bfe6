/**
 * A sentence that states a health effect ("massage detoxes the body", "clinically
 * proven") needs a source close by. When its paragraph cites nothing, the check
 * warns: cite the study with [@key], or say it as the studio's experience.
 * The words are the studio's list (`evidence.claimWords` in src/site.config.ts).
 */
import { claimMatcher, findClaims } from '../../evidence/claims.ts';
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, type PostRule } from './rule.ts';
import { bodyMarkers, bodyParagraphs } from './body-text.ts';

function shorten(sentence: string, max = 90): string {
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

export function claimWords(words: readonly string[]): PostRule {
  const matcher = claimMatcher(words);
  return {
    id: 'claim-words',
    check(post) {
      if (!matcher) return [];
      const out: Problem[] = [];
      const citedLines = new Set(bodyMarkers(post).map((m) => m.index));
      for (const p of bodyParagraphs(post)) {
        // Cheap test first: most paragraphs use none of the words.
        if (!matcher.rough.test(p.text)) continue;
        const first = p.lineAt(0);
        const last = p.lineAt(p.text.length - 1);
        if ([...citedLines].some((i) => i >= first && i <= last)) continue;
        for (const claim of findClaims(p.text, matcher)) {
          out.push(
            problemAt(
              post,
              bodyLineNumber(post, p.lineAt(claim.offset)),
              'body',
              `"${shorten(claim.sentence)}" makes a health claim ("${claim.word}") in a paragraph that cites no source; cite the study with [@key], or put it as experience rather than fact`,
              'warning',
            ),
          );
        }
      }
      return out;
    },
  };
}
