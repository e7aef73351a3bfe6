/**
 * npm run cite -- 10.1126/scitranslmed.3002882   (or a doi.org link, or pmid:22301554, or 22301554)
 *
 * Looks the work up (Crossref for a DOI, PubMed for a PubMed ID) and prints a
 * `citations:` entry to paste into a post's frontmatter. Offline, a DOI the
 * lock file already knows is printed from there.
 */
import './lib/plain-errors.ts';
import { citationFromRecord, citationYaml } from '../src/lib/citations/frontmatter-entry.ts';
import { OfflineError, LookupError, userAgent } from '../src/lib/citations/http.ts';
import { normaliseDoi, normalisePmid } from '../src/schema/identifiers.ts';
import { lockKey, readLock, type Identifier } from '../src/lib/citations/lock.ts';
import { createLookup } from '../src/lib/citations/lookup.ts';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { site } from '../src/site.config.ts';

const USAGE = 'Usage: npm run cite -- 10.1126/scitranslmed.3002882   (a DOI, a doi.org link, or a PubMed ID such as pmid:22301554)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const arg = process.argv.slice(2).join(' ').trim();
if (!arg || arg === '--help' || arg === '-h') fail(USAGE);

// A DOI always starts with "10." and has a slash; anything else that reads as a PubMed ID is one.
const pmid = arg.includes('/') && !/pubmed/i.test(arg) ? undefined : normalisePmid(arg);
const doi = pmid ? undefined : normaliseDoi(arg);
if (!doi && !pmid) fail(`"${arg}" is not a DOI or a PubMed ID. ${USAGE}`);
const id: Identifier = doi ? { kind: 'doi', id: doi } : { kind: 'pmid', id: pmid! };

const tool = site.title.replace(/\W+/g, '');
const lookup = createLookup({ contact: site.contact, tool, userAgent: userAgent(`${tool}-citations`, site.url, site.contact) });

let entry;
try {
  entry = await (id.kind === 'doi' ? lookup.doi(id.id) : lookup.pmid(id.id));
} catch (error) {
  if (!(error instanceof OfflineError || error instanceof LookupError)) throw error;
  const saved = readLock(contentDirFrom(process.env));
  entry = saved.ok ? saved.lock.entries[lockKey(id)] : undefined;
  if (!entry) fail(`Could not look up ${id.id}: ${error.message}.`);
  console.error(`Offline (${error.message}); printing the answer saved in content/citations.lock.json.`);
}
if (entry.status === 'not-found') {
  fail(
    id.kind === 'doi'
      ? `${id.id} is not a DOI Crossref knows; copy it again from the article's page.`
      : `${id.id} is not in PubMed; copy the number from the article's PubMed page.`,
  );
}
console.log(citationYaml(citationFromRecord(entry.record)));
