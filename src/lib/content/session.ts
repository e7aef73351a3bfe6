/**
 * One reading of the content with its one "now", shared by everything in an
 * Astro process: the build pipeline (src/integrations/pipeline.ts) opens it
 * when Astro starts, and the content loader (src/data/content-loader.ts) and
 * the data layer (src/data/) read from it instead of reading the files again.
 *
 * Astro loads astro.config.mjs and the site's modules through separate module
 * graphs, so a module-level variable would exist twice. The session is
 * therefore kept on globalThis under a registered symbol: the single,
 * deliberate bridge between the two.
 */
import { postsOf, type Post } from '../post-model.ts';
import { readContent, type ReadOptions } from './read-content.ts';
import type { ContentReport } from './types.ts';

export type SessionMode = 'build' | 'dev' | 'sync';

export interface ContentSession {
  mode: SessionMode;
  /**
   * A build's "now", read once when the build started and passed to every step.
   * The dev server follows the clock, so scheduled posts come out while it runs.
   */
  now(): Date;
  /** The latest reading. */
  readonly report: ContentReport;
  /** The posts of that reading, valid or not (the publishing rule decides what is shown). */
  readonly posts: readonly Post[];
  /** Read the content again (the dev server, after a file changed). Calls close together share one reading. */
  refresh(): Promise<void>;
}

export interface SessionOptions extends Omit<ReadOptions, 'now'> {
  mode: SessionMode;
  /** The clock or BLOG_NOW; a build reads it once. */
  clock: () => Date;
}

export function createSession(options: SessionOptions): ContentSession {
  const { mode, clock, ...read } = options;
  const buildNow = mode === 'dev' ? undefined : clock();
  const now = () => buildNow ?? clock();
  let report = readContent({ ...read, now: now() });
  let posts = postsOf(report);
  let pending: Promise<void> | undefined;
  return {
    mode,
    now,
    get report() {
      return report;
    },
    get posts() {
      return posts;
    },
    refresh() {
      // Several watchers (posts, authors) fire for one save: one reading serves them all.
      pending ??= new Promise<void>((done) =>
        setTimeout(() => {
          pending = undefined;
          report = readContent({ ...read, now: now() });
          posts = postsOf(report);
          done();
        }, 25),
      );
      return pending;
    },
  };
}

const SHARED = Symbol.for('wellness-rituals.content-session');
const holder = globalThis as { [SHARED]?: ContentSession };

export function shareSession(session: ContentSession): void {
  holder[SHARED] = session;
}

/** The session the pipeline opened in this process, if any. */
export function sharedSession(): ContentSession | undefined {
  return holder[SHARED];
}
