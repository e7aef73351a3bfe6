/**
 * npm run calendar: the next 14 days of posts, gaps marked, drafts apart, and
 * how many posts went out in the last 30 days. BLOG_NOW sets "now"; the time
 * zone is the studio's (src/site.config.ts).
 */
import { buildCalendar, formatCalendar } from '../src/lib/authoring/calendar.ts';
import { checkContent } from '../src/lib/content/check-content.ts';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { resolveNow } from '../src/lib/publishing.ts';
import { site } from '../src/site.config.ts';

const now = resolveNow(process.env);
const report = checkContent({ contentDir: contentDirFrom(process.env), timeZone: site.timezone, now, rules: [] });
const posts = report.posts.flatMap((p) => (p.data ? [{ slug: p.slug, title: p.data.title, file: p.file, date: p.data.date, draft: p.data.draft }] : []));

console.log(formatCalendar(buildCalendar(posts, { now, timeZone: site.timezone }), site.lang));
const unreadable = report.posts.length - posts.length;
if (unreadable) console.log(`\n${unreadable} post file${unreadable === 1 ? ' has' : 's have'} problems and ${unreadable === 1 ? 'is' : 'are'} not shown; run \`npm run check\`.`);
