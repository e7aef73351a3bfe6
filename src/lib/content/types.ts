/**
 * The shapes the content reader hands out, shared by its rules, the build, the
 * command-line tools and the tests. Kept apart from the reader itself so that
 * a rule, a message formatter or a test can name them without pulling in the
 * file reading.
 */
import type { AuthorData } from '../../schema/author.ts';
import type { PostFrontmatter } from '../../schema/post.ts';
import type { SourceFile } from './source-file.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path as people see it, relative to the project: `content/posts/2026-11-20-x.md`. */
  file: string;
  line: number;
  /** The field as people read it: `title`, `citations #1 → doi`; empty for the whole file. */
  field: string;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  severity: Severity;
}

/** A post's frontmatter after the schema, with its dates worked out in the site's time zone. */
export type PostData = Omit<PostFrontmatter, 'date' | 'updated' | 'lastReviewed'> & {
  /** The instant the post goes public. */
  date: Date;
  /** The writer gave a time of day, not a day alone (from the text, never from the instant). */
  dateHasTime: boolean;
  updated?: Date | undefined;
  /** When a qualified reviewer last checked it (the start of that day in the studio's zone). */
  lastReviewed?: Date | undefined;
};

/** One post file as the reader found it. */
export interface CheckedPost {
  /** The post's address: `slug:` when set, else the file name without its date. */
  slug: string;
  /** Path as shown to people. */
  file: string;
  /** Absolute path. */
  path: string;
  format: 'md' | 'mdx';
  /** sha256 of the file's bytes: what caches and incremental builds key on. */
  digest: string;
  source: SourceFile;
  /** Present when the frontmatter passed the schema and its dates resolved. */
  data?: PostData | undefined;
  /**
   * Markdown links (as written) to posts held back for their own problems: the
   * build shows them as plain text (held-back-links.ts).
   */
  heldBackLinks?: string[] | undefined;
}

export interface CheckedAuthor {
  /** The file name without .yaml. */
  id: string;
  file: string;
  path: string;
  data: AuthorData;
}

/** Everything one reading of the content found. */
export interface ContentReport {
  posts: CheckedPost[];
  authors: CheckedAuthor[];
  /**
   * Author files with errors of their own, by author id: they are not among `authors`, and a post
   * naming one is held back with a problem that points at the file.
   */
  brokenAuthors?: ReadonlyMap<string, string>;
  /** Every problem in every file, each file's together, top to bottom. */
  problems: Problem[];
}
