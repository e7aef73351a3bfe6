/**
 * npm run check: every problem in every post and author file, read by the same
 * reader and rules as the build. Errors (a post with one is not published) and
 * warnings (advice) are listed apart; the exit code is 1 when there is an
 * error. CONTENT_DIR and BLOG_NOW apply.
 *
 * npm run check -- --online first asks Crossref and PubMed about every cited
 * DOI and PubMed ID and rewrites content/citations.lock.json (src/lib/citations/online.ts).
 * With --only-missing as well, it asks only about those the lock has no answer
 * for yet, of posts that are not drafts, at most a few: the hourly publish run
 * does this, so a post whose lock was not refreshed is still checked before
 * it goes out. A lookup that fails leaves the post as it was (a warning).
 */
import './lib/plain-errors.ts';
import { performance } from 'node:perf_hooks';
import { updateCitationLock } from '../src/lib/citations/online.ts';
import { userAgent } from '../src/lib/citations/http.ts';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { formatReport } from '../src/lib/content/problems.ts';
import { readContent } from '../src/lib/content/read-content.ts';
import { resolveNow } from '../src/lib/publishing.ts';
import { site } from '../src/site.config.ts';
import { plural } from '../src/lib/plural.ts';

const options = {
  contentDir: contentDirFrom(process.env),
  timeZone: site.timezone,
  now: resolveNow(process.env),
  site: { url: site.url, base: site.base },
  evidence: site.evidence,
};

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--online' && a !== '--only-missing');
if (unknown.length || (args.includes('--only-missing') && !args.includes('--online'))) {
  console.error(
    `${unknown.length ? `Unknown option ${unknown.join(' ')}` : '--only-missing goes with --online'}. Use \`npm run check\`, or \`npm run check -- --online\` to look citations up again (add --only-missing to ask only about those not in the lock file yet).`,
  );
  process.exit(2);
}
if (args.includes('--online')) {
  const { posts } = readContent({ ...options, rules: [] });
  const tool = site.title.replace(/\W+/g, '');
  const online = await updateCitationLock({
    contentDir: options.contentDir,
    posts,
    lookup: { contact: site.contact, tool, userAgent: userAgent(`${tool}-citations`, site.url, site.contact) },
    missingOnly: args.includes('--only-missing') ? { now: options.now } : undefined,
  });
  for (const line of online.lines) console.log(line);
  console.log('');
}

const started = performance.now();
const report = readContent(options);
const ms = Math.round(performance.now() - started);
const errors = report.problems.filter((p) => p.severity === 'error').length;

console.log(`Checked ${plural(report.posts.length, 'post')} and ${plural(report.authors.length, 'author')} in ${ms} ms.`);
if (!report.problems.length) {
  console.log('No problems found.');
} else {
  console.log(`\n${formatReport(report.problems)}\n`);
  console.log(
    errors
      ? 'Fix the errors: a post with an error is not published until it is fixed. Warnings are advice.'
      : 'No errors; the warnings are advice.',
  );
}
process.exitCode = errors ? 1 : 0;
