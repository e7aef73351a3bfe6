/**
 * npm run new -- "Post title" [--author id] [--date 2026-11-28] [--tags a,b] [--slug words]
 *
 * Starts a post: writes content/posts/<date>-<slug>.md with valid frontmatter
 * and writing prompts, and prints its path. The work is in src/lib/authoring/.
 */
import './lib/plain-errors.ts';
import { parseArgs } from 'node:util';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { planNewPost, readSite, writeNewPost } from '../src/lib/authoring/new-post.ts';
import { PLACEHOLDER_MARK } from '../src/lib/authoring/template.ts';
import { resolveNow } from '../src/lib/publishing.ts';
import { site } from '../src/site.config.ts';

const USAGE = `Start a new post:

  npm run new -- "Post title" [--author lauren-walker] [--date 2026-11-28] [--tags massage,recovery] [--slug short-address]

  --author  an author id (a file name in content/authors/); or set BLOG_AUTHOR once in your shell
  --date    the day it goes live, or a time with its offset (2026-11-28T07:00:00-05:00);
            by default the next day without a post
  --tags    one to five topics, separated by commas; by default the most used tag
  --slug    the address (/posts/<slug>/), when the one made from the title is taken or too long`;

function fail(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      author: { type: 'string' },
      date: { type: 'string' },
      tags: { type: 'string' },
      slug: { type: 'string' },
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
if (args.positionals.length !== 1) {
  fail([args.positionals.length ? 'Put the whole title in quotes, as one argument.' : 'Give the post a title.', '', USAGE]);
}

const state = readSite({ contentDir: contentDirFrom(process.env), timeZone: site.timezone, now: resolveNow(process.env) });
const plan = planNewPost(
  {
    title: args.positionals[0]!,
    author: args.values.author ?? process.env.BLOG_AUTHOR,
    date: args.values.date,
    tags: args.values.tags
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    slug: args.values.slug,
  },
  state,
);
if (!plan.ok) fail(['No post was created:', ...plan.errors.map((e) => `  ${e}`)]);

const written = writeNewPost(plan);
if (!written.ok) fail([written.error]);

console.log(plan.file);
for (const note of plan.notes) console.log(`  ${note}`);
console.log(`  Address: ${site.url.replace(/\/$/, '')}${site.base}posts/${plan.slug}/`);
console.log(`Next: open the file, replace the lines that start with ${PLACEHOLDER_MARK}, then run \`npm run check\`.`);
