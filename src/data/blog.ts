/**
 * The bridge from Astro's content collections to the plain models in src/lib.
 * Every route gets its posts here, and this module asks the one publishing rule
 * (`isPublic`) which posts a production build may contain.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewest, isPublic, resolveNow } from '../lib/publishing.ts';
import { toPostModel, type PostModel } from '../lib/post-model.ts';
import { createUrls } from '../lib/urls.ts';
import { site } from '../site.config.ts';

export type PostEntry = CollectionEntry<'posts'>;
export type AuthorEntry = CollectionEntry<'authors'>;

export interface BlogPost extends PostModel {
  entry: PostEntry;
}

export interface Author {
  id: string;
  name: string;
  role: string;
  bio: string;
  avatar?: AuthorEntry['data']['avatar'];
  links: { label: string; url: string }[];
  credentials: AuthorEntry['data']['credentials'];
}

export const urls = createUrls(site);

/** Drafts and scheduled posts are previewed by `astro dev` only, each with a badge. */
export const showsUnpublished: boolean = __SHOWS_UNPUBLISHED__;

/** The moment this build publishes as of (the clock, or BLOG_NOW). */
export function buildNow(): Date {
  return resolveNow(process.env);
}

let cached: Promise<BlogPost[]> | undefined;

async function loadPosts(): Promise<BlogPost[]> {
  const now = buildNow();
  const entries = await getCollection('posts');
  return entries
    .map((entry) => ({
      ...toPostModel(
        {
          slug: entry.id,
          title: entry.data.title,
          description: entry.data.description,
          authorId: entry.data.author.id,
          date: entry.data.date,
          updated: entry.data.updated,
          tags: entry.data.tags,
          citations: entry.data.citations,
          draft: entry.data.draft,
          canonical: entry.data.canonical,
          readTime: entry.data.readTime,
          filePath: entry.filePath,
          body: entry.body ?? '',
        },
        now,
      ),
      entry,
    }))
    .filter((post) => showsUnpublished || isPublic(post, now))
    .sort(byNewest);
}

/** The posts this build shows, newest first: public ones only, except in `astro dev`. */
export function getPosts(): Promise<BlogPost[]> {
  // The dev server re-reads so edits and the passing of time show up; a build reads once.
  if (showsUnpublished) return loadPosts();
  cached ??= loadPosts();
  return cached;
}

export async function getAuthors(): Promise<Author[]> {
  const entries = await getCollection('authors');
  return entries
    .map((e) => ({ id: e.id, name: e.data.name, role: e.data.role, bio: e.data.bio, avatar: e.data.avatar, links: e.data.links, credentials: e.data.credentials }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function getAuthorMap(): Promise<Map<string, Author>> {
  return new Map((await getAuthors()).map((a) => [a.id, a]));
}

/** Every author with their posts from getPosts(), newest first: for author pages and author feeds. */
export async function getAuthorsWithPosts(): Promise<{ author: Author; posts: BlogPost[] }[]> {
  const posts = await getPosts();
  return (await getAuthors()).map((author) => ({ author, posts: posts.filter((p) => p.authorId === author.id) }));
}
