/**
 * npm run import -- <feed address or file> [--force] [--author id] [--dry-run]
 *
 * Brings an old blog's posts into content/posts/: from an RSS or Atom feed
 * (a Wix blog's /blog-feed.xml), a WordPress export (WXR), or a file listing
 * post addresses one a line. Prints what it did with each post. The work is
 * in src/lib/import/.
 */
import './lib/plain-errors.ts';
import { parseArgs } from 'node:util';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { createFetcher } from '../src/lib/import/fetcher.ts';
import { importPosts } from '../src/lib/import/run.ts';
import { exitCode, formatSummary } from '../src/lib/import/summary.ts';
import { resolveNow } from '../src/lib/publishing.ts';
import { site } from '../src/site.config.ts';

const USAGE = `Import posts from another blog:

  npm run import -- <source> [--author lauren-walker] [--force] [--dry-run]

  <source>   a feed address (https://www.example.com/blog-feed.xml), a page that links to its feed,
             a feed or WordPress export file (export.xml), a text file of post addresses (one a line),
             or a sitemap: feeds often hold only the latest posts, and a Wix site usually lists
             all of its posts in /blog-posts-sitemap.xml
  --author   give every post this author (a file name in content/authors/), whatever the source says
  --force    replace posts that were edited here since they were imported
  --dry-run  do everything but write: see what would happen

Running it again is safe: posts already imported are recognised and left as they are,
or brought up to date when the old blog changed and nobody edited them here.`;

function fail(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      author: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (e) {
  fail([(e as Error).message, '', USAGE]);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length !== 1)
  fail([args.positionals.length ? 'Give one source at a time.' : 'Give the feed, export file or list of addresses to import.', '', USAGE]);

const report = await importPosts({
  source: args.positionals[0]!,
  contentDir: contentDirFrom(process.env),
  site: { url: site.url, base: site.base, title: site.title, timezone: site.timezone },
  now: resolveNow(process.env),
  force: args.values.force,
  dryRun: args.values['dry-run'],
  author: args.values.author,
  fetcher: createFetcher({ userAgent: `${site.title} blog import (+${site.url})`, concurrency: 4, timeoutMs: 20_000 }),
});
console.log(formatSummary(report));
process.exitCode = exitCode(report);
