/**
 * `npm run check -- --online`: ask again about every DOI and PubMed ID the
 * posts cite and make the lock hold exactly those answers. An identifier that
 * could not be looked up this time keeps its previous answer; once the
 * connection is found to be down, nothing more is asked.
 *
 * `--only-missing` (the hourly publish): ask only about the identifiers the
 * lock has no answer for yet, of posts that are not drafts, nearest to now
 * first and a few at most, so a post pushed without a refreshed lock is still
 * checked against its record before it goes out.
 */
import { mapLimited } from '../concurrency.ts';
import { OfflineError } from './http.ts';
import type { CheckedPost } from '../content/types.ts';
import { lockKey, type CitationLock, type Identifier } from './lock.ts';
import type { Lookup } from './lookup.ts';
import type { LockEntry } from './record.ts';

export interface RefreshResult {
  lock: CitationLock;
  looked: number;
  /** Set when the services could not be reached: one sentence. */
  offline?: string;
  /** Identifiers whose lookup failed for another reason, with why. */
  failed: { key: string; message: string }[];
}

/** The identifiers cited, each once, DOIs and PubMed IDs in order of appearance. */
export function citedIdentifiers(citations: Iterable<{ doi?: string | undefined; pmid?: string | undefined }>): Identifier[] {
  const seen = new Map<string, Identifier>();
  for (const c of citations) {
    if (c.doi) seen.set(`doi:${c.doi}`, { kind: 'doi', id: c.doi });
    if (c.pmid) seen.set(`pmid:${c.pmid}`, { kind: 'pmid', id: c.pmid });
  }
  return [...seen.values()];
}

export async function refreshLock(
  ids: readonly Identifier[],
  previous: CitationLock,
  lookup: Lookup,
  concurrency = 4,
): Promise<RefreshResult> {
  let offline: string | undefined;
  const failed: RefreshResult['failed'] = [];
  const answers = mapLimited(ids, concurrency, async (id): Promise<LockEntry | undefined> => {
    if (offline) return undefined;
    try {
      return await (id.kind === 'doi' ? lookup.doi(id.id) : lookup.pmid(id.id));
    } catch (error) {
      if (error instanceof OfflineError) offline ??= error.message;
      else failed.push({ key: lockKey(id), message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  });
  const entries: Record<string, LockEntry> = {};
  let looked = 0;
  for (const [i, id] of ids.entries()) {
    const key = lockKey(id);
    const answer = await answers[i]!;
    if (answer) looked++;
    const entry = answer ?? previous.entries[key];
    if (entry) entries[key] = entry;
  }
  return { lock: { entries }, looked, ...(offline ? { offline } : {}), failed };
}

/** The identifiers not in the lock yet, of posts that may go out (not drafts), the post nearest to `now` first; at most `limit`. */
export function missingIdentifiers(
  posts: readonly CheckedPost[],
  lock: CitationLock,
  now: Date,
  limit: number,
): { ids: Identifier[]; left: number } {
  const candidates = posts
    .filter((p) => p.data && !p.data.draft)
    .sort((a, b) => Math.abs(a.data!.date.getTime() - now.getTime()) - Math.abs(b.data!.date.getTime() - now.getTime()));
  const missing = citedIdentifiers(candidates.flatMap((p) => p.data!.citations ?? [])).filter((id) => !lock.entries[lockKey(id)]);
  return { ids: missing.slice(0, limit), left: Math.max(0, missing.length - limit) };
}
