/**
 * npm run check: every problem in every post and author file, without a build.
 * Errors (which would stop the build) and warnings (advice) are listed apart;
 * the exit code is 1 when there is an error. CONTENT_DIR and BLOG_NOW apply.
 */
import { performance } from 'node:perf_hooks';
import { checkContent } from '../src/lib/content/check-content.ts';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { formatReport } from '../src/lib/content/problems.ts';
import { resolveNow } from '../src/lib/publishing.ts';
import { site } from '../src/site.config.ts';

const started = performance.now();
const report = checkContent({
  contentDir: contentDirFrom(process.env),
  timeZone: site.timezone,
  now: resolveNow(process.env),
  site: { url: site.url, base: site.base },
});
const ms = Math.round(performance.now() - started);
const errors = report.problems.filter((p) => p.severity === 'error').length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

console.log(`Checked ${plural(report.posts.length, 'post')} and ${plural(report.authors.length, 'author')} in ${ms} ms.`);
if (!report.problems.length) {
  console.log('No problems found.');
} else {
  console.log(`\n${formatReport(report.problems)}\n`);
  console.log(errors ? 'Fix the errors: the site will not build until they are gone. Warnings are advice.' : 'No errors; the warnings are advice.');
}
process.exitCode = errors ? 1 : 0;
