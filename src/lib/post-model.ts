/**
 * The shape every output works with: a post after validation, with its slug,
 * reading time and visibility resolved. Built from Astro entries in src/data/,
 * and from plain objects in tests.
 */
import type { Citation } from '../schema/citation.ts';
import { visibility, type Visibility } from './publishing.ts';
import { readingMinutes } from './reading-time.ts';

export interface PostModel {
  slug: string;
  title: string;
  description: string;
  authorId: string;
  date: Date;
  updated?: Date | undefined;
  tags: string[];
  citations: Citation[];
  draft: boolean;
  canonical?: string | undefined;
  /** The figure pages show: the frontmatter override or the computed one. */
  readingMinutes: number;
  visibility: Visibility;
  /** Path of the source file, relative to the project. */
  filePath?: string | undefined;
}

export interface PostFields {
  slug: string;
  title: string;
  description: string;
  authorId: string;
  date: Date;
  updated?: Date | undefined;
  tags: string[];
  citations?: Citation[];
  draft?: boolean;
  canonical?: string | undefined;
  readTime?: number | undefined;
  filePath?: string | undefined;
  body: string;
}

export function toPostModel(f: PostFields, now: Date): PostModel {
  const draft = f.draft ?? false;
  return {
    slug: f.slug,
    title: f.title,
    description: f.description,
    authorId: f.authorId,
    date: f.date,
    updated: f.updated,
    tags: f.tags,
    citations: f.citations ?? [],
    draft,
    canonical: f.canonical,
    readingMinutes: f.readTime ?? readingMinutes(f.body),
    visibility: visibility({ draft, date: f.date }, now),
    filePath: f.filePath,
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

/** The neighbours of a post in newest-first order: `newer` and `older`. */
export function neighbours<T extends { slug: string }>(posts: readonly T[], slug: string): { newer?: T; older?: T } {
  const i = posts.findIndex((p) => p.slug === slug);
  if (i < 0) return {};
  const out: { newer?: T; older?: T } = {};
  if (i > 0) out.newer = posts[i - 1]!;
  if (i < posts.length - 1) out.older = posts[i + 1]!;
  return out;
}
