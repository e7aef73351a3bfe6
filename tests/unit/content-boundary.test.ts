/**
 * Only src/data/ knows Astro's content entries (tests/unit/support/content-boundary.ts).
 * The scanner is tried on small examples first, each violation planted by hand,
 * so a rule that stopped matching would show here before the site's own scan
 * passed by finding nothing.
 */
import { readFileSync, globSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';
import { contentBoundaryViolations, formatViolation, type SourceText } from './support/content-boundary.ts';

const scan = (path: string, text: string) => contentBoundaryViolations([{ path, text }]).map((v) => `${v.path}:${v.line} ${v.found}`);

describe('the content boundary scanner', () => {
  it('finds astro:content imported outside src/data/, however it is written', () => {
    expect(scan('pages/index.astro', "---\nimport { getCollection } from 'astro:content';\n---\n")).toEqual([
      'pages/index.astro:2 imports astro:content',
    ]);
    expect(scan('components/PostCard.astro', '---\nimport type { CollectionEntry } from "astro:content";\n---')).toEqual([
      'components/PostCard.astro:2 imports astro:content',
    ]);
    expect(scan('lib/feeds/items.ts', "const { render } = await import('astro:content');")).toEqual([
      'lib/feeds/items.ts:1 imports astro:content',
    ]);
    expect(scan('lib/side-effect.ts', "import 'astro:content';")).toEqual(['lib/side-effect.ts:1 imports astro:content']);
    expect(scan('lib/reexport.ts', "export { getEntry } from 'astro:content';")).toEqual(['lib/reexport.ts:1 imports astro:content']);
  });

  it('lets content.config.ts import defineCollection, and nothing more', () => {
    expect(scan('content.config.ts', "import { defineCollection } from 'astro:content';")).toEqual([]);
    expect(scan('content.config.ts', "import { defineCollection, getCollection } from 'astro:content';")).toEqual([
      'content.config.ts:1 imports more than defineCollection from astro:content',
    ]);
    expect(scan('content.config.ts', "import * as content from 'astro:content';")).toEqual([
      'content.config.ts:1 imports more than defineCollection from astro:content',
    ]);
  });

  it('finds an entry read off an object outside src/data/', () => {
    expect(scan('pages/posts/[slug].astro', '---\nconst { post } = Astro.props;\nconst body = post.entry.body;\n---')).toEqual([
      'pages/posts/[slug].astro:3 reads .entry',
    ]);
    expect(scan('components/PostJsonLd.astro', "---\nconst words = post?.entry?.body;\nconst id = post['entry'].id;\n---")).toEqual([
      'components/PostJsonLd.astro:2 reads .entry',
      "components/PostJsonLd.astro:3 reads ['entry']",
    ]);
    expect(scan('lib/api/shape.ts', 'const { entry } = post;\nconst { slug, entry: raw } = other;')).toEqual([
      'lib/api/shape.ts:1 takes entry out of an object',
      'lib/api/shape.ts:2 takes entry out of an object',
    ]);
  });

  it('leaves alone what only looks alike: entries, other names, comments, src/data/ itself', () => {
    expect(scan('lib/related.ts', 'for (const [tag, n] of Object.entries(counts)) use(entryPoint, feed.entryCount);')).toEqual([]);
    expect(scan('lib/import/feed.ts', 'for (const entry of feed.entries) read(entry.id, { entryLayout: 1 });')).toEqual([]);
    expect(
      scan(
        'lib/post-model.ts',
        '// Posts once carried post.entry; astro:content stays in src/data/.\n/* import x from "astro:content" */\nconst url = "https://x.example/";',
      ),
    ).toEqual([]);
    expect(scan('pages/index.astro', "---\n---\n<!-- post.entry is gone -->\n<a href='https://example.com/'>x</a>")).toEqual([]);
    expect(scan('data/posts.ts', "import { getCollection, render } from 'astro:content';\nconst e = post.entry;")).toEqual([]);
  });

  it('says where the problem is and what to do instead', () => {
    const [violation] = contentBoundaryViolations([
      { path: 'components/PostList.astro', text: "---\nimport { getCollection } from 'astro:content';\n---" },
    ]);
    expect(formatViolation(violation!)).toBe(
      "src/components/PostList.astro:2  imports astro:content; only src/data/ knows Astro's content entries: take the post model or a summary from src/data/posts.ts instead",
    );
  });
});

describe("the site's own code", () => {
  const SRC = join(ROOT, 'src');
  const files: SourceText[] = globSync('**/*.{ts,tsx,js,mjs,astro,md,mdx}', { cwd: SRC })
    .sort()
    .map((path) => ({ path: path.split('\\').join('/'), text: readFileSync(join(SRC, path), 'utf8') }));

  it('is scanned where the violations would be: pages, components, layouts, lib, integrations, the content config', () => {
    const folders = new Set(files.map((f) => f.path.split('/')[0]));
    for (const folder of ['pages', 'components', 'layouts', 'lib', 'integrations', 'data', 'content.config.ts'])
      expect(folders).toContain(folder);
  });

  it("keeps Astro's content entries inside src/data/", () => {
    expect(contentBoundaryViolations(files).map(formatViolation)).toEqual([]);
  });

  it('would fail on a violation planted in it', () => {
    const plant: Record<string, string> = {
      'pages/index.astro': "import { getCollection } from 'astro:content';",
      'components/PostCard.astro': 'const words = post.entry.body;',
    };
    const planted = files.map((f) => (plant[f.path] ? { ...f, text: f.text.replace('---\n', `---\n${plant[f.path]}\n`) } : f));
    expect(contentBoundaryViolations(planted)).toEqual([
      { path: 'components/PostCard.astro', line: 2, found: 'reads .entry' },
      { path: 'pages/index.astro', line: 2, found: 'imports astro:content' },
    ]);
  });
});
