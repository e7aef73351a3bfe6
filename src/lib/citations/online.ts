/**
 * The online part of `npm run check -- --online`: look up every DOI and
 * PubMed ID the posts cite and rewrite the lock file, reporting in a few
 * plain lines. The check that follows reads the lock like any other run.
 * With `missingOnly` (`--only-missing`, the hourly publish) only what the lock
 * has no answer for is asked, and the answers are added to it.
 */
import type { CheckedPost } from '../content/types.ts';
import { displayPath } from '../content/files.ts';
import { plural } from '../plural.ts';
import { lockPath, readLock, writeLock, type LockRead } from './lock.ts';
import { createLookup, type LookupOptions } from './lookup.ts';
import { citedIdentifiers, missingIdentifiers, refreshLock } from './refresh.ts';

/** Lookups one `--only-missing` run makes at most: a handful of polite requests an hour. */
export const MISSING_LIMIT = 10;

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
  /** Ask only about identifiers the lock lacks, of posts that are not drafts, nearest to `now` first. */
  missingOnly?: { now: Date; limit?: number } | undefined;
}): Promise<OnlineResult> {
  const file = displayPath(lockPath(opts.contentDir), opts.root);
  const lines: string[] = [];
  if (isPlaceholderContact(opts.lookup.contact)) {
    lines.push(
      `Note: the contact address in src/site.config.ts (${opts.lookup.contact}) is still the placeholder; set one the studio reads, as Crossref and PubMed ask.`,
    );
  }
  const previous = readLock(opts.contentDir);
  if (opts.missingOnly) return addMissing(opts.contentDir, file, previous, opts.posts, opts.lookup, opts.missingOnly, lines);
  const ids = citedIdentifiers(opts.posts.flatMap((p) => p.data?.citations ?? []));
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

async function addMissing(
  contentDir: string,
  file: string,
  previous: LockRead,
  posts: readonly CheckedPost[],
  lookup: LookupOptions,
  o: { now: Date; limit?: number },
  lines: string[],
): Promise<OnlineResult> {
  // A broken lock is an error of its own, which the check below reports; nothing is added to it.
  if (!previous.ok) return { lines, offline: false };
  const { ids, left } = missingIdentifiers(posts, previous.lock, o.now, o.limit ?? MISSING_LIMIT);
  if (!ids.length) {
    lines.push(`Every source of the posts is in ${file}; nothing to look up.`);
    return { lines, offline: false };
  }
  const result = await refreshLock(ids, previous.lock, createLookup(lookup));
  if (result.offline) {
    lines.push(
      `Offline: ${result.offline}. ${plural(ids.length, `source not in ${file} stays`, `sources not in ${file} stay`)} unchecked in this run.`,
    );
    return { lines, offline: true };
  }
  for (const f of result.failed) lines.push(`Could not look up ${f.key}: ${f.message}.`);
  writeLock(contentDir, { entries: { ...previous.lock.entries, ...result.lock.entries } });
  lines.push(
    `Looked up ${plural(ids.length, 'source')} not in ${file} yet: ${result.looked} answered and added for this run.` +
      (left
        ? ` ${plural(left, 'more source waits', 'more sources wait')} for a later run (at most ${o.limit ?? MISSING_LIMIT} a run).`
        : '') +
      ` To keep the answers, run \`npm run check -- --online\` and commit ${file}.`,
  );
  return { lines, offline: false };
}
