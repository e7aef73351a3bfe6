/**
 * Looking a citation up: a DOI in Crossref's REST API
 * (GET /works/<doi>), a PubMed ID in NCBI E-utilities (esummary). Both base
 * addresses can be changed (options, or CROSSREF_API_URL and EUTILS_API_URL),
 * which is how the tests point them at a server on this machine.
 */
import { LookupError, PoliteClient, type HostLimits } from './http.ts';
import { fromCrossref, fromEsummary, type LockEntry } from './record.ts';

export const CROSSREF_API = 'https://api.crossref.org';
export const EUTILS_API = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils';

export interface LookupOptions {
  /** The address Crossref and NCBI may write to about our requests. */
  contact: string;
  /** Names the program to both services: the User-Agent and NCBI's `tool`. */
  userAgent: string;
  tool: string;
  crossrefUrl?: string;
  eutilsUrl?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxWaitMs?: number;
  /** How to wait between tries; tests pass one that records the waits. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Lookup {
  doi(doi: string): Promise<LockEntry>;
  pmid(pmid: string): Promise<LockEntry>;
}

function base(url: string): string {
  return url.replace(/\/+$/, '');
}

function json(body: string, label: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new LookupError(`${label} sent an answer that is not JSON; try again later`);
  }
}

export function createLookup(o: LookupOptions, env: Record<string, string | undefined> = process.env): Lookup {
  const crossref = base(o.crossrefUrl ?? (env.CROSSREF_API_URL || CROSSREF_API));
  const eutils = base(o.eutilsUrl ?? (env.EUTILS_API_URL || EUTILS_API));
  // Crossref's polite pool allows 3 requests at once; NCBI asks for at most 3 a second without an API key.
  const limits: Record<string, HostLimits> = {
    [new URL(crossref).host]: { concurrency: 3, spacingMs: 100 },
    [new URL(eutils).host]: { concurrency: 1, spacingMs: 350 },
  };
  const client = new PoliteClient(o, limits);

  return {
    async doi(doi) {
      const path = doi.split('/').map(encodeURIComponent).join('/');
      const url = `${crossref}/works/${path}?mailto=${encodeURIComponent(o.contact)}`;
      const res = await client.get(url, 'Crossref');
      if (res.status === 404) return { status: 'not-found' };
      if (res.status !== 200) throw new LookupError(`Crossref answered ${res.status} for ${doi}; try again later`);
      const message = json(res.body, 'Crossref').message;
      if (!message || typeof message !== 'object')
        throw new LookupError(`Crossref's answer for ${doi} has no record in it; try again later`);
      return { status: 'found', record: fromCrossref(doi, message as Record<string, unknown>) };
    },
    async pmid(pmid) {
      const query = new URLSearchParams({ db: 'pubmed', id: pmid, retmode: 'json', tool: o.tool, email: o.contact });
      const res = await client.get(`${eutils}/esummary.fcgi?${query}`, 'PubMed (NCBI E-utilities)');
      if (res.status !== 200) throw new LookupError(`PubMed (NCBI E-utilities) answered ${res.status} for ${pmid}; try again later`);
      const record = fromEsummary(pmid, json(res.body, 'PubMed (NCBI E-utilities)'));
      return record ? { status: 'found', record } : { status: 'not-found' };
    },
  };
}
