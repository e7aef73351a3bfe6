/**
 * The site's posts and authors, for pages, feeds and the API: the post model
 * (src/lib/post-model.ts) with its pictures resolved by Astro. This module and
 * its neighbours in src/data/ are the only code that knows Astro's content
 * entries; everything else receives plain models and summaries.
 *
 * Every list asks the one publishing rule (`isPublic`) at the build's one
 * "now", which the loader already applied: a build's content holds public
 * posts only. `astro dev` shows drafts and scheduled posts with a badge, and a
 * post with problems as its list of problems.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { sharedSession } from '../lib/content/session.ts';
import { sharedHtmlCache } from '../lib/post-html-cache.ts';
import type { Problem } from '../lib/content/types.ts';
import { summarize, type Post, type PostSummary } from '../lib/post-model.ts';
import { byNewest, isPublic, resolveNow, visibility, type Visibility } from '../lib/publishing.ts';
import type { StoredAuthor, StoredPost } from './content-loader.ts';

/** A post with its hero picture as Astro resolved it. */
export interface SitePost extends Post {
  hero?: { src: ImageMetadata; alt: string } | undefined;
  /** Always `public` in a build; the dev server's badge for drafts and scheduled posts. */
  visibility: Visibility;
}

/**
 * A post as a card shows it: the summary (src/lib/post-model.ts) with its hero
 * picture and its first topic (the stand-in picture names it when there is no
 * hero). Nothing else, so a list is keyed on what it shows.
 */
export interface CardPost extends PostSummary {
  hero?: { src: ImageMetadata; alt: string } | undefined;
  topic?: string | undefined;
}

export interface Author {
  id: string;
  name: string;
  role: string;
  bio: string;
  avatar?: ImageMetadata | undefined;
  links: { label: string; url: string }[];
  /** Licences and qualifications, shown when this person reviews health content. */
  credentials: StoredAuthor['credentials'];
}

/** A post the dev server cannot show, with what is wrong with it. */
export interface BrokenPost {
  slug: string;
  file: string;
  problems: Problem[];
}

/** True under `astro dev` only: drafts and scheduled posts are previewed there, each with a badge. */
export const showsUnpublished: boolean = sharedSession()?.mode === 'dev';

/** The moment this build publishes as of: read once when the build started (the clock under `astro dev`). */
export function buildNow(): Date {
  return sharedSession()?.now() ?? resolveNow(process.env);
}

type PostEntry = CollectionEntry<'posts'>;

interface Loaded {
  posts: SitePost[];
  summaries: Map<string, CardPost>;
  authors: Author[];
  broken: BrokenPost[];
  entries: Map<string, PostEntry>;
}

async function load(): Promise<Loaded> {
  const now = buildNow();
  const [postEntries, authorEntries] = await Promise.all([getCollection('posts'), getCollection('authors')]);
  const authors = authorEntries
    .map((e) => {
      const { avatar, ...rest } = e.data as StoredAuthor;
      return { ...rest, avatar: avatar as unknown as ImageMetadata | undefined };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map(authors.map((a) => [a.id, a.name]));
  const posts: SitePost[] = [];
  const broken: BrokenPost[] = [];
  const entries = new Map<string, PostEntry>();
  for (const entry of postEntries) {
    const stored = entry.data as StoredPost;
    const post = stored.post;
    if (!post?.valid) {
      broken.push({ slug: stored.slug, file: stored.file, problems: stored.problems });
      continue;
    }
    if (!showsUnpublished && !isPublic(post, now)) continue;
    const hero = stored.hero && post.image ? { src: stored.hero as unknown as ImageMetadata, alt: post.image.alt } : undefined;
    posts.push({ ...post, hero, visibility: visibility(post, now) });
    entries.set(post.slug, entry);
  }
  posts.sort(byNewest);
  const summaries = new Map(
    posts.map((p): [string, CardPost] => [
      p.slug,
      { ...summarize(p, names.get(p.authorId) ?? p.authorId, now), hero: p.hero, topic: p.tags[0] },
    ]),
  );
  return { posts, summaries, authors, broken, entries };
}

let cached: Promise<Loaded> | undefined;

function loaded(): Promise<Loaded> {
  // The dev server reads anew so edits and the passing of time show; a build reads once.
  if (showsUnpublished) return load();
  cached ??= load();
  return cached;
}

/** The posts this build shows, newest first. */
export async function getPosts(): Promise<SitePost[]> {
  return (await loaded()).posts;
}

/**
 * How a list shows these posts (each one's card), in the same order. Lists
 * choose their posts from getPosts() and pass only this to their page.
 */
export async function summariesOf(posts: readonly Pick<Post, 'slug'>[]): Promise<CardPost[]> {
  const { summaries } = await loaded();
  return posts.map((p) => {
    const summary = summaries.get(p.slug);
    if (!summary) throw new Error(`No summary for "${p.slug}": it is not one of this build's posts`);
    return summary;
  });
}

/** Every author, by name. */
export async function getAuthors(): Promise<Author[]> {
  return (await loaded()).authors;
}

export async function getAuthorMap(): Promise<Map<string, Author>> {
  return new Map((await getAuthors()).map((a) => [a.id, a]));
}

/** Every author with their posts, newest first: for author pages and author feeds. */
export async function getAuthorsWithPosts(): Promise<{ author: Author; posts: SitePost[] }[]> {
  const posts = await getPosts();
  return (await getAuthors()).map((author) => ({ author, posts: posts.filter((p) => p.authorId === author.id) }));
}

/** Posts the dev server shows as a list of problems (a build holds them back or stops). */
export async function getBrokenPosts(): Promise<BrokenPost[]> {
  return (await loaded()).broken;
}

/** The Astro entry behind a post: for the renderers in this folder only. */
export async function postEntry(post: Pick<Post, 'slug'>): Promise<PostEntry> {
  const entry = (await loaded()).entries.get(post.slug);
  if (!entry) throw new Error(`No content entry for "${post.slug}"`);
  return entry;
}

/**
 * The HTML the content loader kept for an entry in the post HTML cache, or
 * undefined for a body Astro renders itself (MDX, pictures to process, `astro dev`).
 */
export function cachedBodyHtml(entry: PostEntry): string | undefined {
  const key = (entry.data as StoredPost).body;
  if (!key) return undefined;
  const cache = sharedHtmlCache();
  const html = cache?.read(key);
  // The loader wrote it earlier in this build; only something deleting the cache meanwhile gets here.
  if (html === undefined) throw new Error(`The body of "${entry.id}" is missing from ${cache?.dir ?? 'the post HTML cache'}; build again`);
  return html;
}

type Component = Awaited<ReturnType<typeof render>>['Content'];

/** The post's body for its page: its HTML, or a component for Astro to render. */
export async function postBody(post: Pick<Post, 'slug'>): Promise<{ html: string } | { Content: Component }> {
  const entry = await postEntry(post);
  const html = cachedBodyHtml(entry);
  if (html !== undefined) return { html };
  const { Content } = await render(entry);
  return { Content };
}
