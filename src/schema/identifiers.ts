/**
 * DOIs and PubMed IDs as writers paste them, made into the one form the
 * site, the lock file and the lookups use. A DOI copied from a journal page
 * often arrives as a link, with "doi:" in front, in capitals or with the
 * sentence's full stop on the end; all of those mean the same DOI.
 */

/** A DOI: "10.", a registrant code, a slash, a suffix without spaces. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

const DOI_PREFIX = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\/|^doi:\s*|^doi\s+/i;

/**
 * The DOI in its plain form (lower case, no prefix, no spaces, no trailing
 * full stop), or undefined when what is left is not a DOI. DOIs are
 * case-insensitive by definition, so lower case loses nothing.
 */
export function normaliseDoi(raw: string): string | undefined {
  let doi = raw.trim();
  const isLink = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i.test(doi);
  doi = doi.replace(DOI_PREFIX, '');
  if (isLink) {
    // A doi.org link may carry the DOI percent-encoded (10.1002/(SICI)… becomes %28SICI%29).
    try {
      doi = decodeURIComponent(doi);
    } catch {
      // Not valid percent-encoding: keep the text as written and let the pattern judge it.
    }
  }
  doi = doi.replace(/\s+/g, '').replace(/\.+$/, '').toLowerCase();
  return DOI_PATTERN.test(doi) ? doi : undefined;
}

const PMID_PREFIX = /^(?:https?:\/\/)?(?:pubmed\.ncbi\.nlm\.nih\.gov\/|www\.ncbi\.nlm\.nih\.gov\/pubmed\/)|^pmid:?\s*/i;

/** A PubMed ID as its digits ("PMID: 22301554", a PubMed link or a number), or undefined. */
export function normalisePmid(raw: string | number): string | undefined {
  const text = String(raw).trim().replace(PMID_PREFIX, '').replace(/\/$/, '').trim();
  return /^[1-9]\d{0,9}$/.test(text) ? text : undefined;
}
