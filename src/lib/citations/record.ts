/**
 * What a bibliographic database says about a work, reduced to the facts a
 * citation gives: the shape kept in the lock file and compared with the
 * frontmatter. Read from Crossref's REST API (a DOI) and from NCBI
 * E-utilities' esummary (a PubMed ID).
 */
import { decodeEntities } from '../html.ts';

export interface RecordAuthor {
  family?: string;
  given?: string;
  /** An organisation as author. */
  name?: string;
}

export interface WorkRecord {
  source: 'crossref' | 'pubmed';
  /** The DOI or PubMed ID looked up. */
  id: string;
  title: string;
  subtitle?: string;
  authors: RecordAuthor[];
  /** Years the work counts as published in (print, online, issue); the first is the one to suggest. */
  years: number[];
  /** The journal's names (full, then abbreviated); the first is the one to suggest. */
  containers: string[];
  volume?: string;
  issue?: string;
  pages?: string;
  article?: string;
  /** The DOI PubMed lists for the work. */
  doi?: string;
}

/** An answer as the lock file keeps it: the record, or that there is none. */
export type LockEntry = { status: 'found'; record: WorkRecord } | { status: 'not-found' };

/** Crossref puts JATS/HTML tags (<i>, <sub>, <scp>) and entities in titles. */
export function plainTitle(text: string): string {
  return decodeEntities(text.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const t = plainTitle(value);
  return t || undefined;
}

function first(value: unknown): string | undefined {
  return Array.isArray(value) ? text(value[0]) : text(value);
}

function all(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((v): v is string => v !== undefined) : [];
}

function unique<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}

type DateParts = { 'date-parts'?: unknown[][] } | undefined;

function yearOf(date: DateParts): number | undefined {
  const y = date?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' && Number.isInteger(y) ? y : undefined;
}

/** The object without its undefined fields, as the lock file keeps it. */
function withoutEmpty<T>(o: { [K in keyof T]?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The `message` of a Crossref /works/<doi> answer. Years: the issue's, then
 * print, then online and `issued` (the earliest of those), all accepted, since
 * APA cites the final version's year and writers often copy the online one.
 */
export function fromCrossref(doi: string, message: Record<string, unknown>): WorkRecord {
  const m = message as {
    title?: unknown;
    subtitle?: unknown;
    author?: { family?: unknown; given?: unknown; name?: unknown; sequence?: unknown }[];
    'container-title'?: unknown;
    'short-container-title'?: unknown;
    volume?: unknown;
    issue?: unknown;
    page?: unknown;
    'article-number'?: unknown;
    issued?: DateParts;
    published?: DateParts;
    'published-print'?: DateParts;
    'published-online'?: DateParts;
    'journal-issue'?: { 'published-print'?: DateParts; 'published-online'?: DateParts };
  };
  const authors = (Array.isArray(m.author) ? m.author : [])
    // Crossref lists the first author first; "sequence": "first" says so where order might not.
    .slice()
    .sort((a, b) => Number(b.sequence === 'first') - Number(a.sequence === 'first'))
    .map((a) => withoutEmpty<RecordAuthor>({ family: text(a.family), given: text(a.given), name: text(a.name) }));
  return withoutEmpty<WorkRecord>({
    source: 'crossref',
    id: doi,
    title: first(m.title) ?? '',
    subtitle: first(m.subtitle),
    authors,
    years: unique([
      yearOf(m['journal-issue']?.['published-print']),
      yearOf(m['published-print']),
      yearOf(m.issued),
      yearOf(m['published-online']),
      yearOf(m['journal-issue']?.['published-online']),
      yearOf(m.published),
    ]),
    containers: unique([...all(m['container-title']), ...all(m['short-container-title'])]),
    volume: text(m.volume),
    issue: text(m.issue),
    pages: text(m.page),
    article: text(m['article-number']),
  });
}

/** "Crane JD" → family Crane, given JD: PubMed writes initials after the family name. */
function pubmedAuthor(name: string): RecordAuthor {
  const m = /^(.*\S)\s+([A-Z]{1,4})$/.exec(name.trim());
  return m ? { family: m[1]!, given: m[2]! } : { name: name.trim() };
}

/**
 * One article of an esummary answer (db=pubmed, retmode=json), or undefined
 * when PubMed has no such ID (it answers 200 with an `error` for the ID).
 */
export function fromEsummary(pmid: string, answer: Record<string, unknown>): WorkRecord | undefined {
  const result = (answer as { result?: Record<string, unknown> }).result;
  const doc = result?.[pmid] as
    | {
        error?: unknown;
        title?: unknown;
        authors?: { name?: unknown; authtype?: unknown }[];
        pubdate?: unknown;
        epubdate?: unknown;
        fulljournalname?: unknown;
        source?: unknown;
        volume?: unknown;
        issue?: unknown;
        pages?: unknown;
        articleids?: { idtype?: unknown; value?: unknown }[];
      }
    | undefined;
  if (!doc || doc.error !== undefined || typeof doc.title !== 'string') return undefined;
  const year = (d: unknown) => (typeof d === 'string' && /^\d{4}/.test(d) ? Number(d.slice(0, 4)) : undefined);
  const doi = doc.articleids?.find((a) => a.idtype === 'doi')?.value;
  return withoutEmpty<WorkRecord>({
    source: 'pubmed',
    id: pmid,
    // PubMed ends titles with a full stop and puts translated titles in [brackets].
    title: plainTitle(doc.title)
      .replace(/^\[(.*)\]\.?$/, '$1')
      .replace(/\.$/, ''),
    authors: (doc.authors ?? [])
      .filter((a) => a.authtype === undefined || a.authtype === 'Author')
      .flatMap((a) => (typeof a.name === 'string' ? [pubmedAuthor(a.name)] : [])),
    years: unique([year(doc.pubdate), year(doc.epubdate)]),
    containers: unique([text(doc.fulljournalname), text(doc.source)]),
    volume: text(doc.volume),
    issue: text(doc.issue),
    pages: text(doc.pages),
    doi: typeof doi === 'string' ? doi.toLowerCase() : undefined,
  });
}
