/**
 * A citation's frontmatter against the record of the work it names. Only
 * what the writer gave is compared, and loosely enough that a correct entry
 * passes: case, punctuation, accents, HTML in titles, "&" for "and", a
 * leading "The", en dash or hyphen in page ranges, abbreviated page ranges.
 */
import type { Citation } from '../../schema/citation.ts';
import { familyName } from '../../schema/citation-keys.ts';
import { plainTitle, type RecordAuthor, type WorkRecord } from './record.ts';

export interface Mismatch {
  /** The citation's field: year, title, authors, container, volume, issue, pages, article, doi, pmid. */
  field: string;
  message: string;
}

const GREEK: Record<string, string> = { α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', κ: 'kappa', μ: 'mu' };

/** Words only: no tags or entities, lower case, no accents, no punctuation, "&" as "and", no leading "the". */
export function comparable(text: string): string {
  return plainTitle(text)
    .replace(/[αβγδκμ]/g, (c) => GREEK[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** "119ra13", "12–19", "pp. 1234-9" → "1234-1239": dashes as hyphens, no spaces, short ends expanded. */
export function comparablePages(text: string): string {
  const t = text
    .toLowerCase()
    .replace(/^pp?\.?\s*/, '')
    .replace(/[\u2010-\u2015\u2212]|--/g, '-')
    .replace(/\s+/g, '');
  const range = /^(\d+)-(\d+)$/.exec(t);
  if (!range) return t;
  const [start, end] = [range[1]!, range[2]!];
  return end.length < start.length ? `${start}-${start.slice(0, start.length - end.length)}${end}` : t;
}

function comparableId(text: string | number): string {
  return String(text).toLowerCase().replace(/\s+/g, '');
}

function recordFamily(a: RecordAuthor | undefined): string | undefined {
  return a?.family ?? a?.name;
}

function sourceName(r: WorkRecord): string {
  return r.source === 'crossref' ? `Crossref's record of ${r.id}` : `PubMed's record ${r.id}`;
}

function quoted(value: string | number): string {
  return typeof value === 'number' ? String(value) : `"${value}"`;
}

/** Every field the citation gets wrong, with what the record says and the fix. */
export function compareWithRecord(c: Citation, r: WorkRecord): Mismatch[] {
  const out: Mismatch[] = [];
  const where = sourceName(r);
  const check = r.source === 'crossref' ? 'that the DOI is the work you mean' : 'that the PubMed ID is the work you mean';
  const mismatch = (field: string, given: string | number, says: string | number) =>
    out.push({ field, message: `is ${quoted(given)}, but ${where} says ${quoted(says)}; change it to ${quoted(says)}, or check ${check}` });

  if (r.years.length && !r.years.includes(c.year)) mismatch('year', c.year, r.years[0]!);

  const title = comparable(c.title);
  const accepted = [r.title, r.subtitle ? `${r.title}: ${r.subtitle}` : undefined].filter((t): t is string => !!t).map(comparable);
  if (r.title && !accepted.includes(title)) {
    const says = r.subtitle ? `${r.title}: ${r.subtitle}` : r.title;
    // Publishers often register titles in Title Case; APA writes them in sentence case, and case is not compared.
    out.push({
      field: 'title',
      message: `is "${c.title}", but ${where} says "${says}"; use that title (in sentence case, as APA writes titles), or check ${check}`,
    });
  }

  const theirs = recordFamily(r.authors[0]);
  const ours = c.authors[0];
  if (theirs && ours && comparable(familyName(ours)).replace(/ /g, '') !== comparable(theirs).replace(/ /g, '')) {
    out.push({
      field: 'authors',
      message: `starts with "${ours}", but ${where} names ${theirs} as the first author; list the authors in the article's order, or check ${check}`,
    });
  }

  if (r.containers.length && !r.containers.some((name) => comparable(name) === comparable(c.container))) {
    mismatch('container', c.container, r.containers[0]!);
  }

  for (const field of ['volume', 'issue'] as const) {
    const given = c[field];
    const says = r[field];
    if (given !== undefined && says !== undefined && comparableId(given) !== comparableId(says)) mismatch(field, given, says);
  }

  const locator =
    c.pages !== undefined
      ? ({ field: 'pages', value: c.pages } as const)
      : c.article !== undefined
        ? ({ field: 'article', value: c.article } as const)
        : undefined;
  const theirLocators = [r.pages, r.article].filter((v): v is string => v !== undefined);
  if (locator && theirLocators.length && !theirLocators.some((v) => comparablePages(v) === comparablePages(locator.value))) {
    mismatch(locator.field, locator.value, theirLocators[0]!);
  }

  if (r.source === 'pubmed' && r.doi && c.doi && r.doi !== c.doi) {
    out.push({
      field: 'pmid',
      message: `is PubMed's record of the work with DOI ${r.doi}, but \`doi:\` is ${c.doi}; one of the two names another work, so check both against the article`,
    });
  }
  return out;
}
