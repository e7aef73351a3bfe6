/**
 * The shape of one content check. Each rule lives in its own module in this
 * folder, looks at one post (with the whole site around it as context) and
 * returns problems in the words a marketer needs: file, line, field, fix.
 */
import { findLinks, type BodyLink } from '../body-links.ts';
import { findHeadings, readableLines, type BodyHeading, type BodyLine } from '../markdown-scan.ts';
import type { CheckedAuthor, CheckedPost, Problem, Severity } from '../types.ts';

export interface RuleContext {
  posts: readonly CheckedPost[];
  authors: readonly CheckedAuthor[];
  /** Author files with errors of their own: id → the file, for messages. */
  brokenAuthors: ReadonlyMap<string, string>;
  /** Every post by its address; the first file wins when two share one. */
  bySlug: ReadonlyMap<string, CheckedPost>;
  /** How many posts use each tag (posts whose frontmatter passed the schema). */
  tagUse: ReadonlyMap<string, number>;
  /** The moment the check is about: what is public and what is still scheduled. */
  now: Date;
  timeZone: string;
  /** Where the site is served, to recognise links to its own posts. */
  site: { url: string; base: string };
  /** Whether another post has errors of its own, so a build would hold it back (rules with `afterOthers` only). */
  hasErrors(post: CheckedPost): boolean;
  /** The content folder, for files beside the posts (content/citations.lock.json). */
  contentDir: string;
  /** Paths in messages are relative to this folder (the working folder when undefined). */
  root?: string | undefined;
}

export interface PostRule {
  /** Short name, also the name of the rule's module and of its test fixture folder. */
  id: string;
  check(post: CheckedPost, ctx: RuleContext): Problem[];
  /** Runs once the other rules have said which posts have errors (`ctx.hasErrors`). */
  afterOthers?: boolean;
}

export function problemAt(post: CheckedPost, line: number, field: string, message: string, severity: Severity = 'error'): Problem {
  return { file: post.file, line, field, message, severity };
}

/** A body line index as a file line number. */
export function bodyLineNumber(post: CheckedPost, index: number): number {
  return post.source.bodyLine + index;
}

export interface BodyScan {
  lines: BodyLine[];
  links: BodyLink[];
  headings: BodyHeading[];
}

const scans = new WeakMap<CheckedPost, BodyScan>();

/** The post's body read once and shared by every rule. */
export function scanBody(post: CheckedPost): BodyScan {
  let scan = scans.get(post);
  if (!scan) {
    const lines = readableLines(post.source.body);
    scan = { lines, links: findLinks(post.source.body, post.format), headings: findHeadings(lines) };
    scans.set(post, scan);
  }
  return scan;
}
