/**
 * npm run calendar: the next 14 days of posts, gaps marked, drafts apart, and
 * how many posts went out in the last 30 days. BLOG_NOW sets "now"; the time
 * zone is the studio's (src/site.config.ts). A post with problems shows as
 * "held back": the build would leave it out until it is fixed.
 */
import './lib/plain-errors.ts';
import { buildCalendar, formatCalendar } from '../src/lib/authoring/calendar.ts';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { readContent } from '../src/lib/content/read-content.ts';
import { postsOf } from '../src/lib/post-model.ts';
import { resolveNow } from '../src/lib/publishing.ts';
import { site } from '../src/site.config.ts';

const now = resolveNow(process.env);
const report = readContent({
  contentDir: contentDirFrom(process.env),
  timeZone: site.timezone,
  now,
  site: { url: site.url, base: site.base },
  evidence: site.evidence,
});
const posts = postsOf(report);

console.log(formatCalendar(buildCalendar(posts, { now, timeZone: site.timezone }), site.lang));
const unreadable = report.posts.length - posts.length;
if (unreadable)
  console.log(
    `\n${unreadable} post file${unreadable === 1 ? ' has' : 's have'} problems and ${unreadable === 1 ? 'is' : 'are'} not shown; run \`npm run check\`.`,
  );
