/**
 * node scripts/card-samples.ts [--post tests/fixtures/og/posts/….md] [--out docs/cards]
 *
 * Draws one fixture post's Open Graph card in each look (card.ts, CardLook) as
 * <out>/<look>.png, the pictures the README shows side by side. The author is
 * read from the authors/ folder next to the post's folder; the site settings
 * are the studio's (src/site.config.ts). Nothing is cached.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMarkdownSource, parseYamlSource } from '../src/lib/content/source-file.ts';
import { postCard, type CardLook } from '../src/lib/og/card.ts';
import { prepareCard, renderTree } from '../src/lib/og/render.ts';
import { readingMinutes } from '../src/lib/reading-time.ts';
import { site } from '../src/site.config.ts';

const { values } = parseArgs({
  options: {
    post: { type: 'string', default: 'tests/fixtures/og/posts/2026-11-17-latin-extended.md' },
    out: { type: 'string', default: 'docs/cards' },
  },
});
const LOOKS: readonly CardLook[] = ['full', 'light'];

const source = parseMarkdownSource(values.post, readFileSync(values.post, 'utf8'));
const data = source.data as { title: string; author: string; date: string; tags?: string[] };
const authorFile = join(dirname(dirname(values.post)), 'authors', `${data.author}.yaml`);
const author = parseYamlSource(authorFile, readFileSync(authorFile, 'utf8')).data as { name: string };
const post = {
  title: data.title,
  date: new Date(`${data.date}T12:00:00Z`),
  readingMinutes: readingMinutes(source.body),
  tags: data.tags ?? [],
};

mkdirSync(values.out, { recursive: true });
for (const look of LOOKS) {
  const png = await renderTree(prepareCard({ ...postCard(post, author.name, site), look }).tree);
  const file = join(values.out, `${look}.png`);
  // Write then rename: an interrupted run leaves the old picture whole.
  writeFileSync(`${file}.tmp`, png);
  renameSync(`${file}.tmp`, file);
  console.log(`${file}: ${look} look of ${basename(values.post)}, ${Math.round(png.length / 1024)} KB`);
}
