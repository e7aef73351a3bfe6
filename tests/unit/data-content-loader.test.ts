/**
 * src/data/content-loader.ts without a build: the loaders run against Astro's
 * own data store (the one a build and the dev server keep between runs), fed
 * by a real content session over a small content folder, with a stand-in for
 * the site's Markdown processor that says what it rendered, and the post HTML
 * cache in a temporary cache folder.
 *
 * Astro does not export its store; it is imported from its dist folder, so an
 * Astro upgrade that moves it fails here loudly rather than testing a copy.
 */
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { authorsLoader, postsLoader, type StoredAuthor, type StoredPost } from '../../src/data/content-loader.ts';
import { createSession, shareSession, type ContentSession, type SessionMode } from '../../src/lib/content/session.ts';
import { openHtmlCache, postHtmlDir, sharedHtmlCache, shareHtmlCache } from '../../src/lib/post-html-cache.ts';
import { clearSession } from './support/astro-fixtures.ts';
import { PICTURE, VALID_AUTHOR, makeContent, post } from './support/temp-content.ts';

const NOW = '2026-11-27T12:00:00-05:00';

const frontmatter = (title: string, extra = '') => `title: ${title}
description: A description long enough to pass the fifty character minimum for summaries.
author: ada-fixture
date: 2026-11-20
tags: [massage]${extra ? `\n${extra}` : ''}`;

/** A day's content: one post of each kind the publishing rule tells apart. */
const FILES = {
  'posts/2026-11-20-public-post.md': post(frontmatter('A public post'), 'Warm stones and oil.\n'),
  'posts/2026-11-21-with-pictures.md': post(
    frontmatter('A post with pictures', 'image:\n  src: images/hero.jpg\n  alt: The treatment room'),
    'Before the picture.\n\n![The table](./images/body.jpg)\n',
  ),
  'posts/2026-11-22-mdx-post.mdx': post(frontmatter('An MDX post'), 'export const minutes = 10;\n\nA session lasts {minutes} minutes.\n'),
  'posts/2026-11-23-a-draft.md': post(frontmatter('A draft', 'draft: true')),
  'posts/2026-11-27-this-evening.md': post(frontmatter('Due this evening').replace('date: 2026-11-20', 'date: 2026-11-27T18:00:00-05:00')),
  'posts/2026-11-24-too-short.md': post(frontmatter('Too short').replace(/description: .*/, 'description: Short.')),
  'posts/2026-11-26-unknown-author.md': post(frontmatter('By nobody').replace('author: ada-fixture', 'author: nobody-here')),
  'posts/2026-11-25-unreadable.md': post('title: [unclosed\nauthor: ada-fixture'),
  'posts/images/hero.jpg': PICTURE,
  'posts/images/body.jpg': PICTURE,
  'authors/ben-sample.yaml':
    'name: Ben Sample\nrole: Stretch coach\nbio: Ben writes about stretching between sessions.\navatar: ./images/ben.jpg\n',
  'authors/images/ben.jpg': PICTURE,
};

interface Run {
  dir: string;
  /** Astro's cache folder, which holds the post HTML cache. */
  cacheDir: string;
  /** What the site's Markdown settings say; changing it must change every body's key. */
  smartypants: boolean;
  store: MutableDataStore;
  watcher: EventEmitter & { add(path: string): void };
  renders: string[];
  stored: string[];
}

/** A content folder and what outlives one build: Astro's store (kept in its cache between builds). */
function project(files: Record<string, string | Buffer> = FILES): Run {
  const dir = makeContent(files);
  vi.stubEnv('CONTENT_DIR', dir);
  const watcher = Object.assign(new EventEmitter(), { add: () => {} });
  const cacheDir = mkdtempSync(join(tmpdir(), 'blog-astro-cache-'));
  return { dir, cacheDir, smartypants: true, store: new MutableDataStore(), watcher, renders: [], stored: [] };
}

/** What the build pipeline does when Astro starts: read the content once and share it. */
function openSession(run: Run, mode: SessionMode): ContentSession {
  const session = createSession({
    mode,
    clock: () => new Date(NOW),
    contentDir: run.dir,
    root: run.dir,
    timeZone: 'America/New_York',
    site: { url: 'https://www.myrituals.me', base: '/' },
  });
  shareSession(session);
  return session;
}

function context(run: Run, collection: 'posts' | 'authors', mode: SessionMode): LoaderContext {
  const store = run.store.scopedStore(collection);
  const set = store.set.bind(store);
  store.set = (entry) => {
    run.stored.push(entry.id);
    return set(entry);
  };
  const processor = {
    createRenderer: async () => ({
      render: async (body: string) => {
        run.renders.push(body);
        const pictures = [...body.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
        return { code: `<p>${body}</p>`, metadata: { localImagePaths: pictures, remoteImagePaths: [], headings: [], frontmatter: {} } };
      },
    }),
  };
  return {
    collection,
    store,
    config: {
      root: pathToFileURL(`${run.dir}/`),
      cacheDir: pathToFileURL(`${run.cacheDir}/`),
      image: {},
      markdown: { processor, syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: run.smartypants },
    },
    generateDigest: (data: unknown) =>
      createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    watcher: mode === 'dev' ? run.watcher : undefined,
  } as unknown as LoaderContext;
}

async function loadPosts(run: Run, mode: SessionMode) {
  openSession(run, mode);
  run.renders = [];
  run.stored = [];
  await postsLoader().load(context(run, 'posts', mode));
}

const keys = (run: Run, collection = 'posts') => [...run.store.scopedStore(collection).keys()].sort();
const entry = (run: Run, id: string, collection = 'posts') => run.store.scopedStore(collection).get(id);
const stored = (run: Run, id: string) => entry(run, id)?.data as unknown as StoredPost;
/** The bodies in the post HTML cache, as the pages read them. */
const cachedBody = (run: Run, id: string) => openHtmlCache(postHtmlDir(run.cacheDir)).read(stored(run, id).body ?? 'no key');
const cacheFiles = (run: Run) => readdirSync(postHtmlDir(run.cacheDir)).sort();

afterEach(() => {
  clearSession();
  shareHtmlCache(undefined);
  vi.unstubAllEnvs();
});

describe('the posts loader in a build', () => {
  it('stores the public posts only', async () => {
    const run = project();
    await loadPosts(run, 'build');
    // Not the draft, the post due this evening, nor the three with problems.
    expect(keys(run)).toEqual(['mdx-post', 'public-post', 'with-pictures']);
    expect(stored(run, 'public-post').problems).toEqual([]);
  });

  it("renders Markdown with the site's processor into the post HTML cache and leaves MDX for the page to compile", async () => {
    const run = project();
    await loadPosts(run, 'build');
    // The body is in the cache, named by the entry, and not in Astro's store.
    expect(entry(run, 'public-post')?.rendered).toBeUndefined();
    expect(cachedBody(run, 'public-post')).toBe('<p>Warm stones and oil.</p>');
    expect(sharedHtmlCache()?.read(stored(run, 'public-post').body!)).toBe('<p>Warm stones and oil.</p>');
    expect(entry(run, 'public-post')?.filePath).toBe('posts/2026-11-20-public-post.md');
    expect(entry(run, 'mdx-post')?.rendered).toBeUndefined();
    expect(entry(run, 'mdx-post')?.deferredRender).toBe(true);
    expect(stored(run, 'mdx-post').body).toBeUndefined();
    expect(run.renders).toEqual(['Warm stones and oil.', 'Before the picture.\n\n![The table](./images/body.jpg)']);
    // One file, whole: nothing left under a temporary name.
    expect(cacheFiles(run)).toEqual([`${stored(run, 'public-post').body}.html`]);
  });

  it("keeps a body with pictures to process in Astro's store, which swaps the pictures in", async () => {
    const run = project();
    await loadPosts(run, 'build');
    expect(entry(run, 'with-pictures')?.rendered?.html).toBe('<p>Before the picture.\n\n![The table](./images/body.jpg)</p>');
    expect(entry(run, 'with-pictures')?.rendered?.metadata?.imagePaths).toEqual(['./images/body.jpg']);
    expect(stored(run, 'with-pictures').body).toBeUndefined();
  });

  it("takes a body from the cache without rendering it when Astro's store was cleared", async () => {
    const run = project();
    await loadPosts(run, 'build');
    run.store = new MutableDataStore();
    await loadPosts(run, 'build');
    // The post with pictures is rendered again: its body lives in the store only.
    expect(run.renders).toEqual(['Before the picture.\n\n![The table](./images/body.jpg)']);
    expect(cachedBody(run, 'public-post')).toBe('<p>Warm stones and oil.</p>');
  });

  it('renders a body again when its file left the cache', async () => {
    const run = project();
    await loadPosts(run, 'build');
    rmSync(postHtmlDir(run.cacheDir), { recursive: true });
    await loadPosts(run, 'build');
    expect(run.renders).toEqual(['Warm stones and oil.']);
    expect(cachedBody(run, 'public-post')).toBe('<p>Warm stones and oil.</p>');
  });

  it('renders a body again when the post model changes though its file did not (a link to a post now held back)', async () => {
    const linking = 'posts/2026-11-19-linking-post.md';
    const run = project({ ...FILES, [linking]: post(frontmatter('A linking post'), 'See [the public post](../public-post/).\n') });
    await loadPosts(run, 'build');
    const before = stored(run, 'linking-post').body;
    expect(stored(run, 'linking-post').post?.heldBackLinks).toEqual([]);
    // The linked post gains an error: it is held back, and the link is shown as text (the held-back-links plugin).
    writeFileSync(
      join(run.dir, 'posts/2026-11-20-public-post.md'),
      post(frontmatter('A public post').replace(/description: .*/, 'description: Short.')),
    );
    await loadPosts(run, 'build');
    expect(stored(run, 'linking-post').post?.heldBackLinks).toEqual(['../public-post/']);
    expect(run.renders).toEqual(['See [the public post](../public-post/).']);
    expect(stored(run, 'linking-post').body).not.toBe(before);
  });

  it('renders every body again under other Markdown settings', async () => {
    const run = project();
    await loadPosts(run, 'build');
    const before = stored(run, 'public-post').body;
    run.smartypants = false;
    await loadPosts(run, 'build');
    expect(run.renders).toContain('Warm stones and oil.');
    expect(stored(run, 'public-post').body).not.toBe(before);
    expect(cacheFiles(run)).toEqual([`${stored(run, 'public-post').body}.html`]);
  });

  it("turns the hero and the body's pictures into Astro image imports", async () => {
    const run = project();
    await loadPosts(run, 'build');
    const withPictures = entry(run, 'with-pictures')!;
    // Written `images/hero.jpg` in the post: Astro takes it relative to the file as ./images/hero.jpg.
    expect(withPictures.data.hero).toBe('./images/hero.jpg');
    expect(withPictures.imageImports).toEqual([['hero']]);
    expect([...(withPictures.assetImports ?? [])].sort()).toEqual(['./images/body.jpg', './images/hero.jpg']);
    expect(entry(run, 'public-post')?.imageImports).toBeUndefined();
  });

  it('stores nothing again for content that did not change', async () => {
    const run = project();
    await loadPosts(run, 'build');
    await loadPosts(run, 'build');
    expect(run.stored).toEqual([]);
    expect(run.renders).toEqual([]);
  });

  it('stores and renders again only the post whose file changed', async () => {
    const run = project();
    await loadPosts(run, 'build');
    writeFileSync(join(run.dir, 'posts/2026-11-20-public-post.md'), post(frontmatter('A public post'), 'Warm stones, and oil.\n'));
    await loadPosts(run, 'build');
    expect(run.stored).toEqual(['public-post']);
    expect(run.renders).toEqual(['Warm stones, and oil.']);
    expect(cachedBody(run, 'public-post')).toBe('<p>Warm stones, and oil.</p>');
    // The old body is gone from the cache.
    expect(cacheFiles(run)).toEqual([`${stored(run, 'public-post').body}.html`]);
  });

  it('deletes a post whose file is gone, and one that went back to being a draft', async () => {
    const run = project();
    await loadPosts(run, 'build');
    rmSync(join(run.dir, 'posts/2026-11-22-mdx-post.mdx'));
    writeFileSync(join(run.dir, 'posts/2026-11-20-public-post.md'), post(frontmatter('A public post', 'draft: true')));
    await loadPosts(run, 'build');
    expect(keys(run)).toEqual(['with-pictures']);
    expect(run.stored).toEqual([]);
    // Nothing of the draft's body is left for a page to read, nor any leftover of a killed build.
    expect(cacheFiles(run)).toEqual([]);
  });

  it('removes what a killed build left under a temporary name', async () => {
    const run = project();
    await loadPosts(run, 'build');
    writeFileSync(join(postHtmlDir(run.cacheDir), 'abc.1234.tmp'), '<p>half a bo');
    await loadPosts(run, 'build');
    expect(cacheFiles(run)).toEqual([`${stored(run, 'public-post').body}.html`]);
  });

  it('reads the content itself when no pipeline opened a session (a tool that loads the content config alone)', async () => {
    const run = project();
    vi.stubEnv('BLOG_NOW', NOW);
    clearSession();
    await postsLoader().load(context(run, 'posts', 'sync'));
    expect(keys(run)).toEqual(['mdx-post', 'public-post', 'with-pictures']);
  });
});

describe('the posts loader under astro dev', () => {
  it('stores every post: drafts and scheduled ones with their state, broken ones with their problems and no body', async () => {
    const run = project();
    await loadPosts(run, 'dev');
    expect(keys(run)).toEqual([
      'a-draft',
      'mdx-post',
      'public-post',
      'this-evening',
      'too-short',
      'unknown-author',
      'unreadable',
      'with-pictures',
    ]);
    expect(stored(run, 'a-draft').post?.draft).toBe(true);
    expect(stored(run, 'this-evening').post?.date).toEqual(new Date('2026-11-27T23:00:00Z'));

    // Past the schema but failing a rule: the model, marked invalid, and the problem.
    const byNobody = stored(run, 'unknown-author');
    expect(byNobody.post?.valid).toBe(false);
    expect(byNobody.problems.map((p) => [p.field, p.severity])).toEqual([['author', 'error']]);
    expect(entry(run, 'unknown-author')?.rendered).toBeUndefined();

    // Failing the schema: no model, only the problem.
    const tooShort = stored(run, 'too-short');
    expect(tooShort.post).toBeUndefined();
    expect(tooShort.file.endsWith('posts/2026-11-24-too-short.md')).toBe(true);
    expect(tooShort.problems.map((p) => [p.field, p.severity])).toEqual([['description', 'error']]);
    expect(entry(run, 'too-short')?.rendered).toBeUndefined();

    const unreadable = stored(run, 'unreadable');
    expect(unreadable.post).toBeUndefined();
    expect(unreadable.problems.length).toBeGreaterThan(0);
    expect(entry(run, 'unreadable')?.rendered).toBeUndefined();
  });

  it("keeps bodies in Astro's store and renders an edited one again, leaving the post HTML cache alone", async () => {
    const run = project();
    await loadPosts(run, 'build');
    const built = cacheFiles(run);
    await loadPosts(run, 'dev');
    expect(entry(run, 'public-post')?.rendered?.html).toBe('<p>Warm stones and oil.</p>');
    expect(stored(run, 'public-post').body).toBeUndefined();
    // A draft is rendered for the preview, into the store only.
    expect(entry(run, 'a-draft')?.rendered?.html).toBe('<p>Some body text for the post.</p>');
    const path = join(run.dir, 'posts/2026-11-20-public-post.md');
    writeFileSync(path, post(frontmatter('A public post'), 'Warm stones, then oil.\n'));
    run.watcher.emit('change', path);
    await vi.waitFor(() => expect(entry(run, 'public-post')?.rendered?.html).toBe('<p>Warm stones, then oil.</p>'));
    expect(cacheFiles(run)).toEqual(built);
  });

  it('reads and stores again when a content file is added', async () => {
    const run = project();
    await loadPosts(run, 'dev');
    const path = join(run.dir, 'posts/2026-11-26-added-later.md');
    writeFileSync(path, post(frontmatter('Added while the server runs')));
    run.watcher.emit('add', path);
    await vi.waitFor(() => expect(keys(run)).toContain('added-later'));
    expect(stored(run, 'added-later').post?.title).toBe('Added while the server runs');
  });
});

describe('the authors loader', () => {
  it('stores every author with the avatar as an Astro image import', async () => {
    const run = project({ ...FILES, 'authors/ada-fixture.yaml': VALID_AUTHOR });
    openSession(run, 'build');
    await authorsLoader().load(context(run, 'authors', 'build'));
    expect(keys(run, 'authors')).toEqual(['ada-fixture', 'ben-sample']);
    const ben = entry(run, 'ben-sample', 'authors')!;
    expect(ben.data as unknown as StoredAuthor).toEqual({
      credentials: [],
      id: 'ben-sample',
      name: 'Ben Sample',
      role: 'Stretch coach',
      bio: 'Ben writes about stretching between sessions.',
      links: [],
      avatar: './images/ben.jpg',
    });
    expect(ben.imageImports).toEqual([['avatar']]);
    expect(ben.filePath).toBe('authors/ben-sample.yaml');
  });
});
