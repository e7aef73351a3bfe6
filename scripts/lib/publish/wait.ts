/**
 * GitHub starts scheduled runs late, often by 5 to 30 minutes, so the hourly
 * run is scheduled a quarter of an hour early and waits here for a post that
 * comes due within the next minutes: a post dated 07:00 then goes out at
 * 07:00 rather than with the next hour's run.
 */
import { when } from './words.ts';

export interface Upcoming {
  title: string;
  file: string;
  date: Date;
}

/** The first post that will be public within `windowMs` of now (valid, not a draft, not yet due). */
export function nextDueWithin<T extends Upcoming & { valid: boolean; draft: boolean }>(
  posts: readonly T[],
  now: Date,
  windowMs: number,
): T | undefined {
  const until = now.getTime() + windowMs;
  return posts
    .filter((p) => p.valid && !p.draft && p.date.getTime() > now.getTime() && p.date.getTime() <= until)
    .sort((a, b) => a.date.getTime() - b.date.getTime())[0];
}

/** Milliseconds to wait so the build's clock is past the post's date. */
export function waitFor(post: Upcoming, now: Date): number {
  // A second's margin: the build reads its clock after starting, never before.
  return Math.max(0, post.date.getTime() - now.getTime() + 1000);
}

export function waitMessage(post: Upcoming, now: Date, timeZone: string): string {
  const seconds = Math.ceil(waitFor(post, now) / 1000);
  const span = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
  return `Waiting ${span} for "${post.title}" (${post.file}), due ${when(post.date, timeZone, 'always')}, so that it goes out in this run.`;
}
