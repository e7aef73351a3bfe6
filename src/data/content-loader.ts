/**
 * Astro content loaders for posts and authors that hand Astro what the one
 * reader (src/lib/content/read-content.ts) found, through the session the
 * build pipeline opened. Astro never parses a post itself.
 *
 * - A build stores the public posts only (the one publishing rule, at the
 *   build's one "now"): a draft, a scheduled post or a post held back for its
 *   problems never reaches Astro, so neither its text nor its pictures can
 *   reach dist/.
 * - The dev server stores every post, drafts and scheduled ones with their
 *   visibility and posts with problems with their messages (their page shows
 *   them), and reads again whenever a content file changes.
 *
 * Markdown is rendered here with the site's Markdown processor, as Astro's own
 * glob() loader would; MDX is compiled by @astrojs/mdx when a page renders it
 * (deferred rendering). An entry is re-rendered only when what it stores changed.
 *
 * A build keeps a Markdown body's HTML out of Astro's store, in the post HTML
 * cache (src/lib/post-html-cache.ts): the entry names its file (`body`). A body
 * with pictures Astro still has to process keeps Astro's own `rendered` field,
 * since Astro swaps the pictures in when a page renders it; so does every body
 * under `astro dev`, where Astro's store is what shows edits live.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDirFrom } from '../lib/content/content-dir.ts';
import { createSession, sharedSession, type ContentSession } from '../lib/content/session.ts';
import type { Problem } from '../lib/content/types.ts';
import { isPublic, resolveNow } from '../lib/publishing.ts';
import type { Post } from '../lib/post-model.ts';
import { htmlCacheKey, openHtmlCache, postHtmlDir, shareHtmlCache, sourceDigest, type HtmlCache } from '../lib/post-html-cache.ts';
import type { AuthorData } from '../schema/author.ts';
import { site } from '../site.config.ts';

/** Astro resolves a string with this prefix in entry data to the picture's ImageMetadata (its image() does the same). */
const IMAGE = '__ASTRO_IMAGE_';

/** What a post entry holds. `hero` and `image.src` are pictures Astro processes. */
export interface StoredPost {
  /** Absent for a post whose frontmatter could not be read (dev only). */
  post?: Post | undefined;
  /** The address, also for a post whose frontmatter could not be read. */
  slug: string;
  file: string;
  /** The post's errors and warnings (dev shows them on its page). */
  problems: Problem[];
  /** The hero picture, as ImageMetadata once read back through astro:content. */
  hero?: string | undefined;
  /** The key of the rendered body in the post HTML cache (a build's Markdown posts without pictures to process). */
  body?: string | undefined;
}

export interface StoredAuthor {
  id: string;
  name: string;
  role: string;
  bio: string;
  links: { label: string; url: string }[];
  credentials: AuthorData['credentials'];
  avatar?: string | undefined;
}

function session(config: LoaderContext['config']): ContentSession {
  // The pipeline opens the session when Astro starts; a process without it
  // (a tool that loads the content config alone) reads the content itself.
  return (
    sharedSession() ??
    createSession({
      mode: 'sync',
      clock: () => resolveNow(process.env),
      contentDir: contentDirFrom(process.env, fileURLToPath(config.root)),
      timeZone: site.timezone,
      site: { url: site.url, base: site.base },
      evidence: site.evidence,
    })
  );
}

/** A picture path as Astro's image() would take it: relative to the file, starting with ./ */
function imageRef(src: string): string {
  return `${IMAGE}${/^\.{1,2}\//.test(src) ? src : `./${src}`}`;
}

function rootRelative(config: LoaderContext['config'], absolute: string): string {
  return relative(fileURLToPath(config.root), absolute).split('\\').join('/');
}

type Renderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;

type RendererOptions = Parameters<LoaderContext['config']['markdown']['processor']['createRenderer']>[0];

/** The site's Markdown processor with the settings Astro's own Markdown entry type gives it. */
function markdownRenderer(config: LoaderContext['config']): () => Promise<Renderer> {
  let renderer: Promise<Renderer> | undefined;
  // The resolved config's types are wider than the processor's options, as in Astro's own call.
  const options = {
    image: config.image,
    syntaxHighlight: config.markdown.syntaxHighlight,
    shikiConfig: config.markdown.shikiConfig,
    gfm: config.markdown.gfm,
    smartypants: config.markdown.smartypants,
  } as unknown as RendererOptions;
  return () => (renderer ??= config.markdown.processor.createRenderer(options));
}

/** The site's code a Markdown plugin can come from: the config that lists the plugins, and src/lib with their helpers. */
const MARKDOWN_CODE = ['astro.config.mjs', 'src/lib'];

/**
 * Everything besides a post's file that decides its HTML: the settings and
 * plugins given to the processor (a plugin by its functions' source text, and
 * the site's code it may import), and the installed packages (the lockfile),
 * which hold the processor itself.
 */
function markdownIdentity(config: LoaderContext['config']): string {
  const { image, syntaxHighlight, shikiConfig, gfm, smartypants, processor } = { ...config.markdown, image: config.image };
  const settings = JSON.stringify({ image, syntaxHighlight, shikiConfig, gfm, smartypants, processor }, (_key, value: unknown) =>
    typeof value === 'function' ? value.toString() : value,
  );
  let lockfile = 'none';
  try {
    lockfile = htmlCacheKey(readFileSync(join(fileURLToPath(config.root), 'package-lock.json'), 'utf8'));
  } catch {
    // No lockfile (a tool loading the content config alone): the settings still count.
  }
  const root = fileURLToPath(config.root);
  return htmlCacheKey({ settings, lockfile, code: sourceDigest(root, MARKDOWN_CODE) });
}

/** Where a build keeps the HTML of its Markdown bodies, with the keys of the files there now. */
interface BodyCache {
  cache: HtmlCache;
  present: Set<string>;
  identity: string;
}

function openBodyCache(config: LoaderContext['config']): BodyCache {
  const cache = openHtmlCache(postHtmlDir(fileURLToPath(config.cacheDir)), markdownIdentity(config));
  shareHtmlCache(cache);
  return { cache, present: cache.keys(), identity: cache.identity };
}

async function syncPosts(
  ctx: LoaderContext,
  content: ContentSession,
  render: () => Promise<Renderer>,
  bodies: BodyCache | undefined,
): Promise<void> {
  const now = content.now();
  const posts = new Map(content.posts.map((p) => [p.file, p]));
  const problemsByFile = Map.groupBy(content.report.problems, (p) => p.file);
  const kept = new Set<string>();
  for (const record of content.report.posts) {
    const post = posts.get(record.file);
    // A build holds only what the publishing rule lets out; the dev server shows everything with its state.
    if (content.mode !== 'dev' && !(post && isPublic(post, now))) continue;
    if (kept.has(record.slug)) continue; // two files, one address: the reader reported it; the first file wins.
    kept.add(record.slug);
    const stored: StoredPost = {
      post,
      slug: record.slug,
      file: record.file,
      problems: content.mode === 'dev' ? (problemsByFile.get(record.file) ?? []) : [],
      hero: post?.image ? imageRef(post.image.src) : undefined,
    };
    const filePath = rootRelative(ctx.config, record.path);
    // A post with problems is shown as its list of problems: nothing of it is rendered.
    const renderable = post?.valid === true;
    const data = JSON.stringify(stored);
    // The body's HTML hangs on more than its file: the held-back-links plugin reads the post model's
    // list of links to posts held back, so everything stored is part of the key.
    const bodyKey =
      bodies && renderable && record.format === 'md'
        ? htmlCacheKey({ file: filePath, text: record.digest, stored: data, markdown: bodies.identity })
        : undefined;
    // The Markdown setup counts for bodies Astro keeps (pictures to process) as much as for cached ones.
    const digest = ctx.generateDigest({ text: record.digest, stored: data, body: bodyKey ?? null, markdown: bodies?.identity ?? null });
    const previous = ctx.store.get(record.slug);
    const previousBody = (previous?.data as Partial<StoredPost> | undefined)?.body;
    if (previous?.digest === digest && (!previousBody || bodies?.present.has(previousBody))) continue;
    if (renderable && record.format === 'mdx') {
      ctx.store.set({ id: record.slug, data: { ...stored }, filePath, digest, deferredRender: true });
    } else if (bodyKey && bodies?.present.has(bodyKey)) {
      // Only bodies without pictures to process are cached, so this one has none.
      ctx.store.set({ id: record.slug, data: { ...stored, body: bodyKey }, filePath, digest });
    } else if (renderable) {
      const result = await (
        await render()
      ).render(record.source.body.trim(), {
        frontmatter: record.source.data as Record<string, unknown>,
        fileURL: pathToFileURL(record.path),
      });
      const imagePaths = result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths);
      if (bodyKey && bodies && imagePaths.length === 0) {
        bodies.cache.write(bodyKey, result.code);
        bodies.present.add(bodyKey);
        ctx.store.set({ id: record.slug, data: { ...stored, body: bodyKey }, filePath, digest });
        continue;
      }
      ctx.store.set({
        id: record.slug,
        data: { ...stored },
        filePath,
        digest,
        rendered: { html: result.code, metadata: { ...result.metadata, imagePaths } },
        assetImports: imagePaths,
      });
    } else {
      ctx.store.set({ id: record.slug, data: { ...stored }, filePath, digest });
    }
  }
  for (const id of ctx.store.keys()) if (!kept.has(id)) ctx.store.delete(id);
  if (bodies) {
    // Only what this build's posts name is kept: a post gone, changed or back to draft leaves no body behind.
    const used = new Set<string>();
    for (const entry of ctx.store.values()) {
      const body = (entry.data as Partial<StoredPost>).body;
      if (body) used.add(body);
    }
    bodies.cache.prune(used);
    bodies.present = used;
  }
}

function syncAuthors(ctx: LoaderContext, content: ContentSession): void {
  const kept = new Set<string>();
  for (const author of content.report.authors) {
    kept.add(author.id);
    const { avatar, ...rest } = author.data;
    const stored: StoredAuthor = { id: author.id, ...rest, avatar: avatar ? imageRef(avatar) : undefined };
    const digest = ctx.generateDigest(JSON.stringify(stored));
    if (ctx.store.get(author.id)?.digest === digest) continue;
    ctx.store.set({ id: author.id, data: { ...stored }, filePath: rootRelative(ctx.config, author.path), digest });
  }
  for (const id of ctx.store.keys()) if (!kept.has(id)) ctx.store.delete(id);
}

/** Under `astro dev`: read again and store again when anything in the content folder changes. */
function watchContent(ctx: LoaderContext, content: ContentSession, sync: () => Promise<void>): void {
  const dir = contentDirFrom(process.env, fileURLToPath(ctx.config.root));
  if (!ctx.watcher) return;
  ctx.watcher.add(dir);
  const changed = async (path: string) => {
    if (!path.startsWith(dir)) return;
    await content.refresh();
    await sync();
  };
  ctx.watcher.on('change', changed);
  ctx.watcher.on('add', changed);
  ctx.watcher.on('unlink', changed);
}

export function postsLoader(): Loader {
  return {
    name: 'wellness-posts',
    load: async (ctx) => {
      const content = session(ctx.config);
      const render = markdownRenderer(ctx.config);
      // The dev server keeps bodies in Astro's store, which shows edits live.
      const bodies = content.mode === 'dev' ? undefined : openBodyCache(ctx.config);
      const sync = () => syncPosts(ctx, content, render, bodies);
      await sync();
      watchContent(ctx, content, sync);
    },
  };
}

export function authorsLoader(): Loader {
  return {
    name: 'wellness-authors',
    load: async (ctx) => {
      const content = session(ctx.config);
      const sync = async () => syncAuthors(ctx, content);
      await sync();
      watchContent(ctx, content, sync);
    },
  };
}
