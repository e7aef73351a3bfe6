/**
 * When the text names a study by its year ("a 2014 study", "the 2014 Science
 * Translational Medicine study", "a study published in 2012", "Crane et al.,
 * 2012"), one of the post's citations should be from that year. The studio's
 * original "massage after exercise" post called a 2012 paper "a 2014 study";
 * this is the check that catches that slip.
 */
import type { CheckedPost, Problem } from '../types.ts';
import { bodyLineNumber, problemAt, type PostRule } from './rule.ts';
import { bodyParagraphs } from './body-text.ts';

const YEAR = '((?:19|20)\\d{2})';
const NOUN = '(?:study|studies|paper|trial|review|meta-analysis|analysis|experiment|report|survey|research|article)';
/** Words that may stand between the year and the noun: names of journals, places, "small", "randomised". */
const BETWEEN = "(?:[\\p{L}\\p{N}'’&-]+\\s+){0,5}?";
const STOPWORDS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'our', 'their', 'my', 'your', 'his', 'her', 'its', 'which', 'who', 'when', 'where', 'while', 'and', 'or', 'but', 'was', 'were', 'is', 'are']);

const ANY_YEAR = /\b(?:19|20)\d{2}\b/;

const PATTERNS: RegExp[] = [
  // "a 2014 study", "the 2014 Science Translational Medicine study"
  new RegExp(`\\b(?:a|an|the|this|that|one|their|our)\\s+${YEAR}\\s+(${BETWEEN})${NOUN}\\b`, 'giu'),
  // "a study published in 2012", "the trial, published in March 2019"
  new RegExp(`\\b${NOUN},?\\s+(?:was\\s+|were\\s+|first\\s+)?(?:published|released|conducted|carried out|done|from)\\s+(?:in\\s+)?(?:[A-Z][a-z]+\\s+)?${YEAR}\\b`, 'giu'),
  // "Crane et al., 2012", "Crane et al. (2012)"
  new RegExp(`\\bet al\\.?,?\\s*\\(?${YEAR}[a-z]?\\)?`, 'gu'),
  // "(Brysbaert, 2019)", "(Crane & Tarnopolsky, 2012)"
  new RegExp(`\\(\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:&|and)\\s+\\p{Lu}[\\p{L}'’-]+)?,\\s*${YEAR}[a-z]?\\)`, 'gu'),
];

export interface YearMention {
  year: number;
  text: string;
  /** 0-based offset into the text that was searched. */
  offset: number;
}

/** Years the text gives for studies, in order of appearance. */
export function studyYearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  // Most paragraphs name no year at all; skip the costlier patterns for them.
  if (!ANY_YEAR.test(text)) return out;
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      // "In the 2020 lockdown our study…": the words between must be a name, not a new clause.
      const between = pattern === PATTERNS[0] ? (m[2] ?? '').trim().split(/\s+/).filter(Boolean) : [];
      if (between.some((w) => STOPWORDS.has(w.toLowerCase()))) continue;
      out.push({ year: Number(m[1]), text: m[0], offset: m.index });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * The years of the post's citations, read from the raw frontmatter too, so a
 * citation with another mistake still counts; and how many citations there are.
 */
function citationYears(post: CheckedPost): { years: number[]; count: number } {
  if (post.data) return { years: post.data.citations.map((c) => c.year), count: post.data.citations.length };
  const raw = (post.source.data as { citations?: unknown }).citations;
  if (!Array.isArray(raw)) return { years: [], count: 0 };
  return { years: raw.map((c) => Number((c as { year?: unknown } | null)?.year)).filter((y) => Number.isInteger(y)), count: raw.length };
}

function describe(mention: YearMention, years: number[]): { message: string; severity: 'error' | 'warning' } {
  const quoted = `"${mention.text.replace(/\s+/g, ' ')}"`;
  if (!years.length) {
    return {
      severity: 'warning',
      message: `mentions ${quoted}, but the post has no citations; add the ${mention.year} source under \`citations:\` so readers can find it`,
    };
  }
  const list = [...new Set(years)].sort().join(', ');
  return {
    severity: 'error',
    message: `mentions ${quoted}, but no citation of this post is from ${mention.year} (its citations are from ${list}). Correct the year in the text, or add the ${mention.year} source under \`citations:\``,
  };
}

export const studyYear: PostRule = {
  id: 'study-year',
  check(post) {
    const { years, count } = citationYears(post);
    const out: Problem[] = [];
    // Citations whose years cannot be read: the schema says so on their lines; "no citations" would be wrong.
    if (count > 0 && years.length === 0) return out;
    const report = (mention: YearMention, line: () => number, field: string) => {
      if (years.includes(mention.year)) return;
      const { message, severity } = describe(mention, years);
      out.push(problemAt(post, line(), field, message, severity));
    };
    for (const field of ['title', 'description'] as const) {
      const value = (post.source.data as Record<string, unknown>)[field];
      if (typeof value !== 'string') continue;
      for (const m of studyYearMentions(value)) report(m, () => post.source.lineOf([field]), field);
    }
    for (const p of bodyParagraphs(post)) {
      for (const m of studyYearMentions(p.text)) report(m, () => bodyLineNumber(post, p.lineAt(m.offset)), 'body');
    }
    return out;
  },
};
