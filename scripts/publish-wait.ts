/**
 * node scripts/publish-wait.ts — in the scheduled publish run, before the
 * build: if a post comes due within PUBLISH_WAIT_MINUTES (default 20; 0 turns
 * waiting off), wait until it is due, so it goes out in this run
 * (scripts/lib/publish/wait.ts says why). CONTENT_DIR and BLOG_NOW apply.
 */
import './lib/plain-errors.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { readContent } from '../src/lib/content/read-content.ts';
import { postsOf } from '../src/lib/post-model.ts';
import { resolveNow } from '../src/lib/publishing.ts';
import { site } from '../src/site.config.ts';
import { minutesFrom } from './lib/publish/run-env.ts';
import { nextDueWithin, waitFor, waitMessage } from './lib/publish/wait.ts';

const windowMinutes = minutesFrom(process.env, 'PUBLISH_WAIT_MINUTES', 20);
const now = resolveNow(process.env);
const report = readContent({
  contentDir: contentDirFrom(process.env),
  timeZone: site.timezone,
  now,
  site: { url: site.url, base: site.base },
});
const next = windowMinutes ? nextDueWithin(postsOf(report), now, windowMinutes * 60_000) : undefined;

if (!next) {
  console.log(`No post comes due in the next ${windowMinutes} min: building now.`);
} else {
  console.log(waitMessage(next, now, site.timezone));
  await sleep(waitFor(next, now));
  console.log('Due now: building.');
}
