/**
 * Stops a build whose output does not match the calendar: a post due by now
 * without a page (the hourly publish would silently miss it), or a draft or
 * scheduled post with one. Takes the posts the content check read at the
 * start of the build (`contentChecked`, wired from content-guard.ts; read
 * again here if it was not called) and compares them with
 * dist/posts/<slug>/index.html.
 */
import { existsSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { checkContent, type ContentReport } from '../lib/content/check-content.ts';
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

export interface PublishCheckIntegration extends AstroIntegration {
  /** The content check's report of this build's posts, so they are not read twice. */
  contentChecked(report: ContentReport): void;
}

export function publishCheck(options: { timeZone: string }): PublishCheckIntegration {
  let startedAt: Date | undefined;
  let checked: ContentReport | undefined;
  return {
    name: 'publish-check',
    contentChecked(report) {
      checked = report;
    },
    hooks: {
      'astro:build:start': () => {
        startedAt = resolveNow(process.env);
      },
      'astro:build:done': ({ dir, logger }) => {
        const until = resolveNow(process.env);
        const report = checked ?? checkContent({ contentDir: contentDirFrom(process.env), timeZone: options.timeZone, now: until, rules: [] });
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
