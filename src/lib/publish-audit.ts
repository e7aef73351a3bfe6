/**
 * After a build: is every post that is due by now in the output, and is no
 * draft or scheduled post there? The hourly publishing workflow relies on the
 * first; the one publishing rule promises the second. A build that started at
 * `from` and finished at `until` may or may not include a post whose time came
 * in between, so only posts due by `from` must be there and only posts still
 * ahead at `until` must be absent.
 */
import { isPublic, type Publishable } from './publishing.ts';

export interface AuditPost extends Publishable {
  slug: string;
  /** The source file, as shown to people. */
  file: string;
}

export interface AuditResult {
  /** Due (public at the start of the build) but without a page. */
  missing: AuditPost[];
  /** A draft, or still scheduled when the build finished, yet with a page. */
  leaked: AuditPost[];
  /** How many posts were due and present, for the log. */
  published: number;
}

export function auditPublished(
  posts: readonly AuditPost[],
  build: { from: Date; until: Date; hasPage: (slug: string) => boolean },
): AuditResult {
  const missing: AuditPost[] = [];
  const leaked: AuditPost[] = [];
  let published = 0;
  for (const post of posts) {
    const page = build.hasPage(post.slug);
    if (isPublic(post, build.from)) {
      if (page) published++;
      else missing.push(post);
    } else if (!isPublic(post, build.until) && page) {
      leaked.push(post);
    }
  }
  return { missing, leaked, published };
}

export function formatAudit(result: AuditResult, pagePath: (slug: string) => string): string {
  const lines: string[] = [];
  if (result.missing.length) {
    lines.push('These posts are due but have no page in the build, so readers would not see them:');
    for (const p of result.missing) lines.push(`  ${p.file}  →  ${pagePath(p.slug)} is missing`);
  }
  if (result.leaked.length) {
    if (lines.length) lines.push('');
    lines.push('These posts are drafts or scheduled for later, yet the build has a page for them:');
    for (const p of result.leaked) lines.push(`  ${p.file}  →  ${pagePath(p.slug)} must not exist yet`);
  }
  if (lines.length) lines.push('', 'This is a fault in the site code, not in the posts: the build was stopped so nothing wrong is deployed.');
  return lines.join('\n');
}
