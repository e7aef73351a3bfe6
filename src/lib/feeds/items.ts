/**
 * One feed item, independent of the format: RSS and JSON Feed are both made
 * from these, so the two feeds always carry the same posts with the same ids.
 */
import type { Citation } from '../../schema/citation.ts';
import { formatCitationHtml } from '../citations.ts';
import { byNewest } from '../publishing.ts';
import type { Post } from '../post-model.ts';
import type { Urls } from '../urls.ts';
import { absolutizeHtml } from './absolute-urls.ts';
import { sanitizeForSyndication } from '../sanitize.ts';
import { feedGuid, permalink } from './guid.ts';

export interface FeedAuthor {
  name: string;
  url: string;
}

export interface FeedImage {
  /** Absolute URL. */
  url: string;
  /** MIME type, such as image/jpeg. */
  type: string;
  width?: number | undefined;
  height?: number | undefined;
  alt: string;
}

export interface FeedItem {
  guid: string;
  url: string;
  title: string;
  summary: string;
  /** Full post HTML with sources appended; every URL in it absolute. */
  contentHtml: string;
  published: Date;
  updated?: Date | undefined;
  author?: FeedAuthor | undefined;
  tags: string[];
  image?: FeedImage | undefined;
}

/** What a feed needs to know about a post: part of the post model, plus its old addresses. */
export type FeedPost = Pick<
  Post,
  'slug' | 'title' | 'description' | 'authorId' | 'date' | 'updated' | 'tags' | 'citations' | 'previousSlugs'
>;

/** The newest `limit` posts, newest first. The caller passes only public posts (from getPosts()). */
export function newestPosts<T extends { date: Date; slug: string }>(posts: readonly T[], limit: number): T[] {
  return [...posts].sort(byNewest).slice(0, limit);
}

/** The post's "Sources" list as HTML, for the end of its feed content; empty without citations. */
export function sourcesHtml(citations: readonly Citation[]): string {
  if (citations.length === 0) return '';
  const items = citations.map((c) => `<li>${formatCitationHtml(c)}</li>`).join('');
  return `<section class="sources"><h2>Sources</h2><ol>${items}</ol></section>`;
}

export interface FeedItemInput {
  post: FeedPost;
  /** The post body as the site renders it (relative URLs allowed). */
  html: string;
  authorName?: string | undefined;
  image?: FeedImage | undefined;
}

export function buildFeedItem({ post, html, authorName, image }: FeedItemInput, urls: Urls): FeedItem {
  const url = permalink(urls, post.slug);
  return {
    guid: feedGuid(post, urls),
    url,
    title: post.title,
    summary: post.description,
    contentHtml: absolutizeHtml(sanitizeForSyndication(`${html}${sourcesHtml(post.citations)}`), url),
    published: post.date,
    updated: post.updated,
    author: authorName ? { name: authorName, url: urls.fromRoot(urls.author(post.authorId)) } : undefined,
    tags: [...post.tags],
    image: image ? { ...image, url: urls.fromRoot(image.url) } : undefined,
  };
}

/**
 * When the feed last changed: its newest publish or update date, but never
 * after `now` (a post's `updated` may be set ahead). An empty feed says `now`.
 */
export function lastChanged(items: readonly Pick<FeedItem, 'published' | 'updated'>[], now: Date): Date {
  const times = items.map((i) => Math.max(i.published.getTime(), i.updated?.getTime() ?? 0));
  if (times.length === 0) return now;
  return new Date(Math.min(Math.max(...times), now.getTime()));
}
