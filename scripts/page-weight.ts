/**
 * npm run weight [-- <built site folder>] [--base /blog/]
 *
 * Weighs every post page of a built site (HTML + CSS + JS, each compressed on
 * its own) and checks that each stays within 14 KB gzipped, pictures and fonts
 * apart; the fonts the pages can load are weighed apart, at most 60 KB in all.
 * Build first: `npm run build` (or pass a fixture build: tests/.out/site/dist).
 */
import './lib/plain-errors.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_BUDGET_BYTES, POST_BUDGET_BYTES, pageWeight, type PageWeight } from './lib/page-weight.ts';

const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const base = baseAt >= 0 ? args[baseAt + 1]! : process.env.SITE_BASE || '/';
const dir = args.filter((a, i) => !a.startsWith('--') && (baseAt < 0 || i !== baseAt + 1))[0] ?? 'dist';

if (!existsSync(join(dir, 'posts'))) {
  console.error(`No built posts in ${dir}/posts. Run \`npm run build\` first, or pass the folder of a built site.`);
  process.exit(2);
}

const read = (file: string) => {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path) : undefined;
};

const weights: PageWeight[] = [];
for (const slug of readdirSync(join(dir, 'posts')).sort()) {
  const file = join('posts', slug, 'index.html');
  const html = read(file);
  if (!html) continue;
  const text = html.toString('utf8');
  // Pages that only forward an old address elsewhere are not posts.
  if (/<meta[^>]+http-equiv=["']?refresh/i.test(text)) continue;
  weights.push(pageWeight(file, text, base, read));
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows = weights.map((w) => [
  w.page,
  String(w.images),
  kb(w.gzip.html),
  kb(w.gzip.css),
  kb(w.gzip.js),
  kb(w.gzip.total),
  kb(w.brotli.total),
  `${w.jsBytes} B`,
]);
const header = ['post page', 'images', 'HTML gz', 'CSS gz', 'JS gz', 'total gz', 'total br', 'JS raw'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));

if (weights.length === 0) {
  console.log('\nNo post to check against the budget.');
  process.exit(0);
}
const heaviest = weights.reduce((a, b) => (b.gzip.total > a.gzip.total ? b : a));
console.log(
  `\nHeaviest post: ${heaviest.page}, ${kb(heaviest.gzip.total)} gzipped (${heaviest.gzip.total} bytes), ` +
    `${kb(heaviest.brotli.total)} brotli; budget ${kb(POST_BUDGET_BYTES)} (pictures and fonts apart).`,
);
const fontFiles = [...new Set(weights.flatMap((w) => w.fonts.files))];
const fontBytes = Math.max(...weights.map((w) => w.fonts.bytes));
console.log(`Fonts: ${fontFiles.length} file(s), ${kb(fontBytes)} in all at most on one page; budget ${kb(FONT_BUDGET_BYTES)}.`);
let failed = false;
const over = weights.filter((w) => w.gzip.total > POST_BUDGET_BYTES);
if (over.length) {
  console.error(`${over.length} post page(s) over budget: ${over.map((w) => w.page).join(', ')}`);
  failed = true;
}
if (fontBytes > FONT_BUDGET_BYTES) {
  console.error(`The fonts are over budget: ${kb(fontBytes)}. Keep fewer faces or characters (src/lib/fonts/).`);
  failed = true;
}
if (failed) process.exit(1);
