/**
 * `npm run cite`: a record turned into a `citations:` entry a writer can
 * paste, with the fields in the schema's order and authors written the APA
 * way ("Crane, J. D.").
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import { citationSchema } from '../../schema/citation.ts';
import { keyStem } from '../../schema/citation-keys.ts';
import type { RecordAuthor, WorkRecord } from './record.ts';

/** "Justin D." → "J. D."; "Jean-Paul" → "J.-P."; PubMed's "JD" → "J. D.". */
export function initials(given: string): string {
  const g = given.trim();
  if (/^[A-Z]{1,4}$/.test(g)) return [...g].map((c) => `${c}.`).join(' ');
  return g
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((part) => {
          const letter = /\p{L}/u.exec(part)?.[0];
          return letter ? `${letter.toUpperCase()}.` : '';
        })
        .filter(Boolean)
        .join('-'),
    )
    .join(' ');
}

export function apaAuthor(a: RecordAuthor): string {
  if (a.family) return a.given ? `${a.family}, ${initials(a.given)}` : a.family;
  return a.name ?? 'Anonymous';
}

const asNumberIfWhole = (v: string | undefined) => (v !== undefined && /^[1-9]\d*$/.test(v) ? Number(v) : v);

/** A citation as a writer types it (numbers as numbers), with its key. */
export type CitationEntry = z.input<typeof citationSchema> & { key: string };

/** A citation entry from a record; its key is the usual one, not yet checked against the post's other sources. */
export function citationFromRecord(r: WorkRecord): CitationEntry {
  const authors = r.authors.length ? r.authors.map(apaAuthor) : ['Anonymous'];
  const year = r.years[0] ?? new Date().getUTCFullYear();
  const pageRange =
    r.pages !== undefined && /^[A-Za-z]?\d+(\s*[-–]\s*[A-Za-z]?\d+)?$/.test(r.pages) ? r.pages.replace(/\s*[-–]\s*/, '–') : undefined;
  const article = r.article ?? (pageRange === undefined ? r.pages : undefined);
  const draft: Record<string, unknown> = {
    key: keyStem(authors[0], year),
    authors,
    year,
    title: r.subtitle ? `${r.title}: ${r.subtitle}` : r.title,
    container: r.containers[0] ?? '',
    volume: asNumberIfWhole(r.volume),
    issue: asNumberIfWhole(r.issue),
    pages: pageRange,
    article: pageRange === undefined ? article : undefined,
    doi: r.source === 'crossref' ? r.id : r.doi,
    pmid: r.source === 'pubmed' ? asNumberIfWhole(r.id) : undefined,
  };
  // In the schema's field order, so a pasted entry reads like every other one.
  const ordered = Object.fromEntries(Object.keys(citationSchema.shape).flatMap((k) => (draft[k] === undefined ? [] : [[k, draft[k]]])));
  return ordered as CitationEntry;
}

/** Most words capitalised, as many publishers deposit titles; APA wants sentence case. */
export function looksTitleCased(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.6;
}

/** The entry as YAML, indented to sit under `citations:`, with a comment on how to cite it. */
export function citationYaml(c: CitationEntry): string {
  const notes = [`# Paste under \`citations:\` in the post's frontmatter; cite it in the text as [@${c.key}].`];
  if (looksTitleCased(c.title))
    notes.push('# The title is as the publisher registered it; APA writes article titles in sentence case, so check its capitals.');
  const body = stringify([c], { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`);
  return [...notes, ...body].join('\n');
}
