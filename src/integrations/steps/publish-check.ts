/**
 * The last step of a build: the output must match the calendar. Every public
 * post has its page, and no other post does. A mismatch is a fault in the
 * site's code, never in a post, so it stops the build before anything is
 * uploaded.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditPublished, formatAudit } from '../../lib/publish-audit.ts';
import type { ContentReport } from '../../lib/content/types.ts';
import { postsOf } from '../../lib/post-model.ts';
import type { AuditPost } from '../../lib/publish-audit.ts';

export class PublishCheckError extends Error {
  constructor(report: string) {
    super(`The build does not match the publishing calendar.\n\n${report}\n`);
    this.name = 'PublishCheckError';
    this.stack = this.message;
  }
}

/** Every post file, including those whose frontmatter could not be read (never public, so never with a page). */
function auditPosts(report: ContentReport): AuditPost[] {
  const read = new Set(report.posts.filter((p) => p.data).map((p) => p.file));
  const unread = report.posts.filter((p) => !read.has(p.file)).map((p) => ({ slug: p.slug, file: p.file, valid: false, draft: false, date: new Date(0) }));
  return [...postsOf(report), ...unread];
}

/** Throws PublishCheckError on a mismatch; returns how many posts are published. */
export function checkPublished(report: ContentReport, now: Date, outDir: string): number {
  const posts = auditPosts(report);
  const pagePath = (slug: string) => `posts/${slug}/index.html`;
  const result = auditPublished(posts, { now, hasPage: (slug) => existsSync(join(outDir, pagePath(slug))) });
  if (result.missing.length || result.leaked.length) throw new PublishCheckError(formatAudit(result, pagePath));
  return result.published;
}
