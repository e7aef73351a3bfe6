/**
 * The one publishing rule. Every output (pages, feeds, API, pictures, cards,
 * sitemap, search) asks `isPublic` which posts to include, so a draft, a post
 * dated in the future or a post with problems cannot leak through any route.
 */
export interface Publishable {
  /** The post has no errors (a build that holds posts back leaves out the others). */
  valid: boolean;
  draft: boolean;
  /** The instant the post goes public. */
  date: Date;
}

/** Its calendar says it is out: not a draft, and its time has come. Validity aside. */
export function isDue(post: Pick<Publishable, 'draft' | 'date'>, now: Date): boolean {
  return !post.draft && post.date.getTime() <= now.getTime();
}

/** public = valid ∧ not a draft ∧ date ≤ now. */
export function isPublic(post: Publishable, now: Date): boolean {
  return post.valid && isDue(post, now);
}

export type Visibility = 'public' | 'draft' | 'scheduled';

/** What the dev server's badge says about a (valid) post. */
export function visibility(post: Pick<Publishable, 'draft' | 'date'>, now: Date): Visibility {
  if (post.draft) return 'draft';
  return isDue(post, now) ? 'public' : 'scheduled';
}

/**
 * "Now" for a build: the clock, unless BLOG_NOW pins it (tests, previews of a
 * future day). Read once per build and passed to every step. A bad BLOG_NOW
 * stops the build rather than silently using the clock.
 */
export function resolveNow(env: Record<string, string | undefined>, clock: () => Date = () => new Date()): Date {
  const pinned = env.BLOG_NOW?.trim();
  if (!pinned) return clock();
  const at = new Date(pinned);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(pinned)) {
    throw new Error(`BLOG_NOW="${pinned}" is not a timestamp; write it like 2026-11-27T09:00:00-05:00`);
  }
  return at;
}

/** Newest first; ties broken by slug so the order never depends on the file system. */
export function byNewest<T extends { date: Date; slug: string }>(a: T, b: T): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}
