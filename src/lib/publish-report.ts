/**
 * What a build published and what it held back, as data for the publish
 * workflow: its job summary, the GitHub issue it keeps about held-back posts,
 * and its check that every post that came due is live (scripts/lib/publish/).
 * The pipeline writes it when BLOG_PUBLISH_REPORT names a file.
 */
import { postsWithErrors, siteErrors } from './content/read-content.ts';
import type { ContentReport, Problem } from './content/types.ts';
import type { Post } from './post-model.ts';
import { isPublic } from './publishing.ts';
import { resolvePublishDate } from './publish-date.ts';
import type { Urls } from './urls.ts';

export const PUBLISH_REPORT_VERSION = 1;

export interface PublishedPost {
  slug: string;
  title: string;
  /** When it went (or goes) public, ISO 8601 UTC. */
  date: string;
  /** Absolute URL of its page. */
  url: string;
  file: string;
}

export interface HeldBackPost {
  file: string;
  slug: string;
  /** From the frontmatter, even when other fields are wrong; absent when it could not be read at all. */
  title?: string | undefined;
  /** When it is due, ISO 8601 UTC. */
  date?: string | undefined;
  /** A draft is not due whatever its date. */
  draft: boolean;
  /** Its errors and warnings, as `npm run check` lists them. */
  problems: Problem[];
}

export interface PublishReport {
  version: typeof PUBLISH_REPORT_VERSION;
  /** The build's one "now", ISO 8601 UTC. */
  now: string;
  /** Whether posts with problems were held back (the workflow) or stopped the build (by default). */
  holdBack: boolean;
  /** Absolute URL of the site's RSS feed. */
  feedUrl: string;
  /** Every public post, newest first. */
  published: PublishedPost[];
  /** Posts left out for their problems. */
  heldBack: HeldBackPost[];
  /** Errors not about one post (an author file): in hold-back mode they still stop the build. */
  siteProblems: Problem[];
}

/** Title, date and draft as written, for a post whose frontmatter the schema refused as a whole. */
function rawFacts(data: unknown, timeZone: string): { title?: string; date?: string; draft: boolean } {
  const raw = (data ?? {}) as { title?: unknown; date?: unknown; draft?: unknown };
  const resolved = typeof raw.date === 'string' ? resolvePublishDate(raw.date, timeZone) : undefined;
  return {
    ...(typeof raw.title === 'string' ? { title: raw.title } : {}),
    ...(resolved?.ok ? { date: resolved.instant.toISOString() } : {}),
    draft: raw.draft === true,
  };
}

export function publishReport(
  report: ContentReport,
  posts: readonly Post[],
  now: Date,
  urls: Urls,
  holdBack: boolean,
  timeZone: string,
): PublishReport {
  const failing = postsWithErrors(report);
  const bySlug = new Map(posts.map((p) => [p.file, p]));
  const published = posts
    .filter((p) => isPublic(p, now))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug))
    .map((p) => ({ slug: p.slug, title: p.title, date: p.date.toISOString(), url: urls.fromRoot(urls.post(p.slug)), file: p.file }));
  const heldBack = report.posts
    .filter((r) => failing.has(r.file))
    .map((r) => {
      const post = bySlug.get(r.file);
      const facts = post ? { title: post.title, date: post.date.toISOString(), draft: post.draft } : rawFacts(r.source.data, timeZone);
      return { file: r.file, slug: r.slug, ...facts, problems: report.problems.filter((p) => p.file === r.file) };
    });
  return {
    version: PUBLISH_REPORT_VERSION,
    now: now.toISOString(),
    holdBack,
    feedUrl: urls.absolute('rss.xml'),
    published,
    heldBack,
    siteProblems: siteErrors(report),
  };
}
