/**
 * Stops a build whose output does not match the calendar: a post due by now
 * without a page (the hourly publish would silently miss it), or a draft or
 * scheduled post with one. Reads the posts with the standalone checker and
 * compares them with dist/posts/<slug>/index.html.
 */
import { existsSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content/check-content.ts';
import { contentDirFrom } from '../lib/content/content-dir.ts';
import { auditPublished, formatAudit, type AuditPost } from '../lib/publish-audit.ts';
import { resolveNow } from '../lib/publishing.ts';

export class PublishCheckError extends Error {
  constructor(report: string) {
    super(`The build does not match the publishing calendar.\n\n${report}\n`);
    this.name = 'PublishCheckError';
    this.stack = this.message;
  }
}

export function publishCheck(options: { timeZone: string }): AstroIntegration {
  let startedAt: Date | undefined;
  return {
    name: 'publish-check',
    hooks: {
      'astro:build:start': () => {
        startedAt = resolveNow(process.env);
      },
      'astro:build:done': ({ dir, logger }) => {
        const until = resolveNow(process.env);
        const report = checkContent({ contentDir: contentDirFrom(process.env), timeZone: options.timeZone, now: until, rules: [] });
        const posts: AuditPost[] = report.posts.flatMap((p) => (p.data ? [{ slug: p.slug, file: p.file, date: p.data.date, draft: p.data.draft }] : []));
        const pagePath = (slug: string) => `posts/${slug}/index.html`;
        const root = dir.href.endsWith('/') ? dir : new URL(`${dir.href}/`);
        const result = auditPublished(posts, {
          from: startedAt ?? until,
          until,
          hasPage: (slug) => existsSync(new URL(pagePath(slug), root)),
        });
        if (result.missing.length || result.leaked.length) throw new PublishCheckError(formatAudit(result, pagePath));
        logger.info(`all ${result.published} posts due by now are in the build; drafts and scheduled posts are not`);
      },
    },
  };
}
