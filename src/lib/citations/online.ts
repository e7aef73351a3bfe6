/**
 * The online part of `npm run check -- --online`: look up every DOI and
 * PubMed ID the posts cite and rewrite the lock file, reporting in a few
 * plain lines. The check that follows reads the lock like any other run.
 */
import type { CheckedPost } from '../content/types.ts';
import { displayPath } from '../content/files.ts';
import { lockPath, readLock, writeLock } from './lock.ts';
import { createLookup, type LookupOptions } from './lookup.ts';
import { citedIdentifiers, refreshLock } from './refresh.ts';

/** example.com, example.org, .invalid and the like: an address no one reads. */
export function isPlaceholderContact(email: string): boolean {
  const domain = email.split('@')[1]?.toLowerCase() ?? '';
  return /^(?:.*\.)?example\.(?:com|org|net)$/.test(domain) || /\.(?:invalid|test|example|localhost)$/.test(domain);
}

export interface OnlineResult {
  /** What to tell the writer, one line each. */
  lines: string[];
  offline: boolean;
}

export async function updateCitationLock(opts: {
  contentDir: string;
  root?: string;
  posts: readonly CheckedPost[];
  lookup: LookupOptions;
}): Promise<OnlineResult> {
  const file = displayPath(lockPath(opts.contentDir), opts.root);
  const lines: string[] = [];
  if (isPlaceholderContact(opts.lookup.contact)) {
    lines.push(
      `Note: the contact address in src/site.config.ts (${opts.lookup.contact}) is still the placeholder; set one the studio reads, as Crossref and PubMed ask.`,
    );
  }
  const ids = citedIdentifiers(opts.posts.flatMap((p) => p.data?.citations ?? []));
  const previous = readLock(opts.contentDir);
  const result = await refreshLock(ids, previous.ok ? previous.lock : { entries: {} }, createLookup(opts.lookup));
  if (result.offline) {
    lines.push(`Offline: ${result.offline}. The check below used the answers saved in ${file}.`);
    return { lines, offline: true };
  }
  for (const f of result.failed) lines.push(`Could not look up ${f.key}: ${f.message}.`);
  const changed = writeLock(opts.contentDir, result.lock);
  const dois = ids.filter((i) => i.kind === 'doi').length;
  const pmids = ids.length - dois;
  const what = `${dois} DOI${dois === 1 ? '' : 's'}${pmids ? ` and ${pmids} PubMed ID${pmids === 1 ? '' : 's'}` : ''}`;
  lines.push(`Asked about ${what}: ${result.looked} answered; ${file} ${changed ? 'updated: commit it with the posts' : 'unchanged'}.`);
  return { lines, offline: false };
}
