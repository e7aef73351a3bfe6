/**
 * After a build: is every public post (by the one publishing rule, at the
 * build's one "now") in the output, and is no other post there (a draft, a
 * scheduled post, a post held back for its problems)? The hourly publishing
 * workflow relies on the first; the publishing rule promises the second.
 */
import { isPublic, type Publishable } from './publishing.ts';

export interface AuditPost extends Publishable {
  slug: string;
  /** The source file, as shown to people. */
  file: string;
}

export interface AuditResult {
  /** Public, but without a page. */
  missing: AuditPost[];
  /** Not public (a draft, scheduled, held back), yet with a page. */
  leaked: AuditPost[];
  /** How many posts were due and present, for the log. */
  published: number;
}

export function auditPublished(posts: readonly AuditPost[], build: { now: Date; hasPage: (slug: string) => boolean }): AuditResult {
  const missing: AuditPost[] = [];
  const leaked: AuditPost[] = [];
  let published = 0;
  const publicSlugs = new Set(posts.filter((p) => isPublic(p, build.now)).map((p) => p.slug));
  for (const post of posts) {
    const page = build.hasPage(post.slug);
    if (isPublic(post, build.now)) {
      if (page) published++;
      else missing.push(post);
    } else if (page && !publicSlugs.has(post.slug)) {
      // (Two files at one address: the public one owns the page.)
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
    lines.push('These posts are drafts, scheduled for later or held back, yet the build has a page for them:');
    for (const p of result.leaked) lines.push(`  ${p.file}  →  ${pagePath(p.slug)} must not exist yet`);
  }
  if (lines.length)
    lines.push('', 'This is a fault in the site code, not in the posts: the build was stopped so nothing wrong is deployed.');
  return lines.join('\n');
}
