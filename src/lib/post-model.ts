/**
 * The post model every output works with: what the reader
 * (src/lib/content/read-content.ts) found in a file, with its address, dates,
 * reading time and validity settled. Pages, feeds, the API, the cards, the
 * publish check and the command-line tools all take this one shape; lists
 * take the smaller `PostSummary`, which holds only what a list shows.
 */
import type { Citation } from '../schema/citation.ts';
import { postsWithErrors } from './content/read-content.ts';
import type { CheckedPost, ContentReport, PostData } from './content/types.ts';
import { visibility, type Visibility } from './publishing.ts';
import { readingMinutes } from './reading-time.ts';

export interface Post {
  slug: string;
  /** The source file as people see it, for messages. */
  file: string;
  format: 'md' | 'mdx';
  /** sha256 of the file: a page that shows the body is keyed on it. */
  digest: string;
  title: string;
  description: string;
  authorId: string;
  date: Date;
  /** The writer gave a time of day; a day alone means the start of the day in the studio's zone. */
  dateHasTime: boolean;
  updated?: Date | undefined;
  tags: string[];
  citations: Citation[];
  draft: boolean;
  canonical?: string | undefined;
  /** Addresses the post had before, oldest first (its feed id is the first). */
  previousSlugs: string[];
  /** Its old paths on a site it was imported from, like /post/massage-after-exercise. */
  redirectFrom: string[];
  /** The author id of the qualified person who checked its health content, and when. */
  reviewedBy?: string | undefined;
  lastReviewed?: Date | undefined;
  /** The figure pages show: the frontmatter override or the words at 238 a minute. */
  readingMinutes: number;
  /** The hero picture: a path relative to the post file, and its alt text. */
  image?: { src: string; alt: string } | undefined;
  /** No errors: a build may publish it (see isPublic). */
  valid: boolean;
  /**
   * Links in its body to posts held back for their own problems, shown as plain
   * text. Part of the model so a page is rendered again when the list changes.
   */
  heldBackLinks: string[];
}

export function toPost(record: CheckedPost & { data: PostData }, valid: boolean): Post {
  const d = record.data;
  return {
    slug: record.slug,
    file: record.file,
    format: record.format,
    digest: record.digest,
    title: d.title,
    description: d.description,
    authorId: d.author,
    date: d.date,
    dateHasTime: d.dateHasTime,
    updated: d.updated,
    tags: d.tags,
    citations: d.citations,
    draft: d.draft,
    canonical: d.canonical,
    previousSlugs: d.previousSlugs,
    redirectFrom: d.redirectFrom,
    reviewedBy: d.reviewedBy,
    lastReviewed: d.lastReviewed,
    readingMinutes: d.readTime ?? readingMinutes(record.source.body),
    image: d.image,
    valid,
    heldBackLinks: record.heldBackLinks ?? [],
  };
}

/** Every post whose frontmatter could be read, valid or not, in file order. */
export function postsOf(report: ContentReport): Post[] {
  const failing = postsWithErrors(report);
  return report.posts.flatMap((r) => (r.data ? [toPost(r as CheckedPost & { data: PostData }, !failing.has(r.file))] : []));
}

/**
 * A post as a list shows it (its card): nothing else, so a page that lists a
 * post is keyed on what it shows of it, and an edit elsewhere in the post (its
 * body, its tags) does not render the list again.
 */
export interface PostSummary {
  slug: string;
  title: string;
  description: string;
  date: Date;
  readingMinutes: number;
  authorName: string;
  /** `public` in a build; the dev server's badge for drafts and scheduled posts. */
  visibility: Visibility;
}

export function summarize(post: Post, authorName: string, now: Date): PostSummary {
  return {
    slug: post.slug,
    title: post.title,
    description: post.description,
    date: post.date,
    readingMinutes: post.readingMinutes,
    authorName,
    visibility: visibility(post, now),
  };
}

export function postsWithTag<T extends { tags: string[] }>(posts: readonly T[], tag: string): T[] {
  return posts.filter((p) => p.tags.includes(tag));
}

/** Tags with how many posts use each, most used first, then alphabetical. */
export function tagCounts(posts: readonly { tags: string[] }[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of posts) for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

// Each post page asks for its neighbours in the same list: finding the post by
// a scan made the build grow with the square of the archive (1.8 s at 10,000 posts).
const positions = new WeakMap<readonly { slug: string }[], Map<string, number>>();

function positionOf(posts: readonly { slug: string }[], slug: string): number {
  let bySlug = positions.get(posts);
  if (!bySlug) {
    bySlug = new Map();
    // The first post with a slug, as a scan from the start finds it.
    for (let i = posts.length - 1; i >= 0; i--) bySlug.set(posts[i]!.slug, i);
    positions.set(posts, bySlug);
  }
  return bySlug.get(slug) ?? -1;
}

/** The neighbours of a post in newest-first order: `newer` and `older`. */
export function neighbours<T extends { slug: string }>(posts: readonly T[], slug: string): { newer?: T; older?: T } {
  const i = positionOf(posts, slug);
  if (i < 0) return {};
  const out: { newer?: T; older?: T } = {};
  if (i > 0) out.newer = posts[i - 1]!;
  if (i < posts.length - 1) out.older = posts[i + 1]!;
  return out;
}
