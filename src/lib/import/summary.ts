/**
 * The import's report for people: one line a post (what happened, the file,
 * and why when it is not simply done), the counts, and what to fix in the
 * posts held as drafts.
 */
import type { ImportReport, ImportRow } from './run.ts';
import { plural } from '../plural.ts';

const KIND_NAMES = {
  rss: 'RSS feed',
  atom: 'Atom feed',
  rdf: 'RSS 1.0 feed',
  wxr: 'WordPress export',
  'url-list': 'list of addresses',
} as const;

function label(row: ImportRow): string {
  if (row.status === 'failed' || row.status === 'kept') return row.status;
  if (row.draft && row.status !== 'unchanged') return 'draft';
  return row.status;
}

export function formatSummary(report: ImportReport): string {
  if (report.sourceFailure) return `Nothing was imported: ${report.sourceFailure}.`;
  const lines: string[] = [];
  const kind = report.kind ? KIND_NAMES[report.kind] : 'source';
  lines.push(
    `${report.dryRun ? 'Dry run, nothing written: ' : ''}${plural(report.rows.length, 'post')} from ${report.source} (${kind}).`,
    '',
  );

  const width = Math.max(...report.rows.map((r) => label(r).length), 6);
  for (const row of report.rows) {
    const where = row.file ?? row.source;
    const why =
      row.status === 'failed' || row.status === 'kept'
        ? row.reasons.join('; ')
        : row.draft
          ? `${plural(row.reasons.length, 'thing')} to fix, listed below`
          : '';
    lines.push(`  ${label(row).padEnd(width)}  ${where}${why ? `  ${why}` : ''}`);
    for (const note of row.notes) lines.push(`  ${''.padEnd(width)}    note: ${note}`);
  }

  const count = (test: (r: ImportRow) => boolean) => report.rows.filter(test).length;
  const fresh = (r: ImportRow) => r.status === 'created' || r.status === 'updated';
  lines.push(
    '',
    [
      `${count((r) => r.status === 'created' && !r.draft)} created`,
      `${count((r) => r.status === 'updated' && !r.draft)} updated`,
      `${count((r) => r.status === 'unchanged')} unchanged`,
      `${count((r) => fresh(r) && r.draft)} held as draft`,
      `${count((r) => r.status === 'kept')} kept as they are`,
      `${count((r) => r.status === 'failed')} failed`,
    ].join(', ') + '.',
  );
  if (report.authorsCreated.length)
    lines.push(
      `New author file${report.authorsCreated.length === 1 ? '' : 's'}: ${report.authorsCreated.join(', ')} (check the role and bio).`,
    );

  const drafts = report.rows.filter((r) => r.draft && r.status !== 'failed' && r.status !== 'kept');
  if (drafts.length) {
    // A draft publishes nothing, so the redirects from its old address wait for it too.
    lines.push(
      '',
      'To fix before publishing (then remove `draft: true`); until then their old addresses lead nowhere,',
      'so fix them before the old site goes away:',
    );
    for (const row of drafts) {
      lines.push(`  ${row.file}`);
      for (const reason of row.reasons) lines.push(`    - ${reason}`);
    }
  }
  if (!report.dryRun && report.rows.some((r) => fresh(r)))
    lines.push('', 'Next: npm run check, then npm run dev to read the imported posts.');
  return lines.join('\n');
}

/** 1 when something could not be imported, else 0: drafts are a success with homework. */
export function exitCode(report: ImportReport): number {
  return report.sourceFailure || report.rows.some((r) => r.status === 'failed') ? 1 : 0;
}
