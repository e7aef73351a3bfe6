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
import { postPageFile } from './search-index.ts';

export class PublishCheckError extends Error {
  constructor(report: string) {
    super(`The build does not match the publishing calendar.\n\n${report}\n`);
    this.name = 'PublishCheckError';
    this.stack = this.message;
  }
}

/** Every post file, including those whose frontmatter could not be read (never public, so never with a page). */
function auditPosts(report: ContentReport, read: readonly AuditPost[]): AuditPost[] {
  const readFiles = new Set(report.posts.filter((p) => p.data).map((p) => p.file));
  const unread = report.posts
    .filter((p) => !readFiles.has(p.file))
    .map((p) => ({ slug: p.slug, file: p.file, valid: false, draft: false, date: new Date(0) }));
  return [...read, ...unread];
}

/**
 * Throws PublishCheckError on a mismatch; returns how many posts are published.
 * `read` is postsOf(report), which a build already has (making it again counts every post's words).
 */
export function checkPublished(report: ContentReport, now: Date, outDir: string, read: readonly AuditPost[] = postsOf(report)): number {
  const posts = auditPosts(report, read);
  const result = auditPublished(posts, { now, hasPage: (slug) => existsSync(join(outDir, postPageFile(slug))) });
  if (result.missing.length || result.leaked.length) throw new PublishCheckError(formatAudit(result, postPageFile));
  return result.published;
}
