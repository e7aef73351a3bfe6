/**
 * Each citation with a DOI (and a PubMed ID, when it has one) is compared
 * with the record Crossref (and PubMed) keep of that work: year, title, first
 * author, journal, volume, issue, pages or article number. The answers come
 * from content/citations.lock.json, so this check, and every build, runs
 * offline and gives the same result each time; `npm run check -- --online`
 * asks the services again and rewrites the file.
 */
import { compareWithRecord } from '../../citations/compare.ts';
import { lockKey, lockPath, readLock, type LockRead } from '../../citations/lock.ts';
import { displayPath } from '../files.ts';
import type { Problem } from '../types.ts';
import { problemAt, type PostRule, type RuleContext } from './rule.ts';
import { severityFor, untilLive } from './body-text.ts';

const ONLINE = '`npm run check -- --online`';
const locks = new WeakMap<RuleContext, LockRead>();
const reported = new WeakSet<RuleContext>();

function lockOf(ctx: RuleContext): LockRead {
  let lock = locks.get(ctx);
  if (!lock) {
    lock = readLock(ctx.contentDir);
    locks.set(ctx, lock);
  }
  return lock;
}

const SERVICE = { doi: 'Crossref', pmid: 'PubMed' } as const;

export const citationRecords: PostRule = {
  id: 'citation-records',
  check(post, ctx) {
    const citations = post.data?.citations ?? [];
    if (!citations.some((c) => c.doi || c.pmid)) return [];
    const read = lockOf(ctx);
    const lockFile = displayPath(lockPath(ctx.contentDir), ctx.root);
    if (!read.ok) {
      if (reported.has(ctx)) return [];
      reported.add(ctx);
      return [{ file: lockFile, line: read.line, field: '', message: read.message, severity: 'error' }];
    }
    const severity = severityFor(post, ctx);
    const out: Problem[] = [];
    citations.forEach((c, i) => {
      const label = `citations #${i + 1}`;
      // When Crossref and PubMed both disagree with a field, one message is enough.
      const reportedFields = new Set<string>();
      for (const kind of ['doi', 'pmid'] as const) {
        const id = c[kind];
        if (!id) continue;
        const entry = read.lock.entries[lockKey({ kind, id })];
        // Finding a line re-reads the YAML: only for a message.
        const line = () => post.source.lineOf(['citations', i, kind]);
        if (!entry) {
          out.push(
            problemAt(post, line(), `${label} → ${kind}`, `${id} has not been checked against ${SERVICE[kind]} yet; run ${ONLINE} (it needs the internet) and commit ${lockFile}`, 'warning'),
          );
          continue;
        }
        if (entry.status === 'not-found') {
          const message =
            kind === 'doi'
              ? `${id} is not a DOI Crossref knows; copy the DOI again from the article's page${untilLive(severity)}, or use \`url:\` if the work has none`
              : `${id} is not in PubMed; copy the number from the article's PubMed page${untilLive(severity)}, or remove \`pmid:\``;
          out.push(problemAt(post, line(), `${label} → ${kind}`, message, severity));
          continue;
        }
        for (const m of compareWithRecord(c, entry.record)) {
          if (reportedFields.has(m.field)) continue;
          reportedFields.add(m.field);
          const path = m.field === 'authors' ? ['citations', i, 'authors', 0] : ['citations', i, m.field];
          const field = m.field === 'authors' ? `${label} → authors #1` : `${label} → ${m.field}`;
          out.push(problemAt(post, post.source.lineOf(path), field, m.message, severity));
        }
      }
    });
    return out;
  },
};
