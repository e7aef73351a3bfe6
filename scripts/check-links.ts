/**
 * npm run check:links [-- --dist DIR] [--base /blog/] [--site-url URL] [--external] [--json FILE]
 *
 * Checks every link of a built site (run `npm run build` first). Internal links
 * must all work; external links are counted and skipped unless --external is
 * given (they need a network). Exit status 1 when a link is broken.
 */
import './lib/plain-errors.ts';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirFrom } from '../src/lib/content/content-dir.ts';
import { formatReport, passed } from './lib/links/report.ts';
import { postSourceFinder } from './lib/links/sources.ts';
import { site } from '../src/site.config.ts';
import { checkLinks } from './lib/link-check.ts';

const HELP = `Usage: npm run check:links -- [options]

Checks every internal link, image, stylesheet, feed and API file of a built site,
including #fragment targets, and counts external links.

  --dist DIR        the built site (default: $OUT_DIR or dist)
  --base PATH       the base path it was built for (default: from src/site.config.ts or $SITE_BASE)
  --site-url URL    the address it was built for (default: from src/site.config.ts or $SITE_URL)
  --external        also request external links (needs a network), with retries
  --json FILE       also write the report as JSON
  -h, --help        this text`;

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    base: { type: 'string' },
    'site-url': { type: 'string' },
    external: { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const dist = values.dist ?? process.env.OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html')) && !existsSync(join(dist, '404.html'))) {
  console.error(`${dist} holds no built site. Run \`npm run build\` first, or name the folder with --dist.`);
  process.exit(2);
}
const base = values.base ?? site.base;

/** The post file behind a page, so the message names the file a marketer opens. */
const sourceOf = postSourceFinder({ contentDir: contentDirFrom(process.env), timeZone: site.timezone, base });

const report = await checkLinks({ dist, base, siteUrl: values['site-url'] ?? site.url, external: values.external });
console.log(formatReport(report, sourceOf));
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
process.exit(passed(report) ? 0 : 1);
