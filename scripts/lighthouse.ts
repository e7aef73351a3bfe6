/**
 * npm run lighthouse [-- --dist DIR] [--base /blog/] [--preset mobile|desktop] [--post SLUG] [--tag SLUG]
 *
 * Serves a built site on 127.0.0.1 and runs Lighthouse on the home page, one post, one tag
 * page and the not-found page, in the mobile and desktop presets, with Debian's Chromium.
 * Prints the four category scores and the load average (performance depends on how busy
 * the machine is), and exits 1 when a score is under budget (scripts/lib/lighthouse/scores.ts).
 */
import './lib/plain-errors.ts';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { site } from '../src/site.config.ts';
import { serveDist } from './lib/static-server.ts';
import { launchLighthouseChrome } from './lib/lighthouse/chrome.ts';
import { auditTargets, NOT_FOUND, type AuditTarget } from './lib/lighthouse/pages.ts';
import { auditPage } from './lib/lighthouse/run.ts';
import { describeShortfalls, formatTable, PRESETS, shortfalls, type PageScores, type Preset } from './lib/lighthouse/scores.ts';

const HELP = `Usage: npm run lighthouse -- [options]

Runs Lighthouse on the home page, a post, a tag page and the not-found page of a built
site (run \`npm run build\` first) and checks the scores against the budget:
performance 100 on desktop and 98 on mobile; accessibility, best practices and SEO 100.

  --dist DIR        the built site (default: $OUT_DIR or dist)
  --base PATH       the base path it was built for (default: from src/site.config.ts)
  --preset NAME     mobile or desktop only (default: both)
  --post SLUG       the post to measure (default: the first the home page links to)
  --tag SLUG        the tag page to measure (default: the first the post links to)
  -h, --help        this text`;

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    base: { type: 'string' },
    preset: { type: 'string' },
    post: { type: 'string' },
    tag: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values.preset && !(PRESETS as readonly string[]).includes(values.preset)) {
  console.error(`--preset must be one of ${PRESETS.join(', ')}, not "${values.preset}".`);
  process.exit(2);
}
const presets = values.preset ? [values.preset as Preset] : [...PRESETS];
const dist = values.dist ?? process.env.OUT_DIR ?? 'dist';
const base = values.base ?? site.base;

let targets: AuditTarget[];
try {
  targets = auditTargets(dist, base, { post: values.post, tag: values.tag });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

// Simulated performance is computed from a trace of the real page load, so a busy CPU shows in it.
const loadBefore = loadavg();
const server = await serveDist(dist, base);
const chrome = await launchLighthouseChrome();
const results: PageScores[] = [];
try {
  for (const preset of presets) {
    for (const target of targets) {
      process.stderr.write(`${preset} ${target.name} (/${target.path}) …\n`);
      results.push(await auditPage(server.url, target, { port: chrome.port, preset }));
    }
  }
} finally {
  await chrome.close();
  await server.close();
}

console.log(formatTable(results));
console.log(
  `\n${NOT_FOUND.name}: measured at /${NOT_FOUND.path}; SEO without ${NOT_FOUND.skipAudits!.join(', ')} (the page says noindex on purpose).`,
);
const loadAfter = loadavg();
const cores = availableParallelism();
const shown = (load: number[]) => load.map((n) => n.toFixed(2)).join(' ');
console.log(`Load average (1, 5, 15 min) before: ${shown(loadBefore)}; after: ${shown(loadAfter)}; ${cores} cores.`);
if (Math.max(loadBefore[0]!, loadAfter[0]!) > cores) {
  console.log('The machine was busy: performance (total blocking time above all) may read low. Measure again when it is quiet.');
}
const offsite = results.flatMap((r) => r.offsite.map((url) => `${r.page} (${r.preset}): ${url}`));
console.log(offsite.length ? `Pages loaded from other sites:\n  ${offsite.join('\n  ')}` : 'The pages loaded nothing from other sites.');
const background = chrome.escaped();
if (background.length)
  console.log(`Refused by the guard (Chromium's background services, or a page's request elsewhere): ${background.join(', ')}.`);

const under = shortfalls(results);
if (under.length) console.error(`\nUnder budget:\n${describeShortfalls(under)}`);
if (under.length || offsite.length) process.exit(1);
