/**
 * Checks all content before Astro touches it, so a broken post stops the build
 * with one plain list of every problem (file:line, field, fix) instead of the
 * first schema error wrapped in a stack trace.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, type ContentReport } from '../lib/content/check-content.ts';
import { contentDirFrom } from '../lib/content/content-dir.ts';
import { formatReport } from '../lib/content/problems.ts';
import { resolveNow } from '../lib/publishing.ts';

export class ContentError extends Error {
  constructor(report: string) {
    super(`Content has problems. Fix these and build again:\n\n${report}\n`);
    this.name = 'ContentError';
    // People need the list, not where in our code it was noticed.
    this.stack = this.message;
  }
}

export interface ContentGuardOptions {
  timeZone: string;
  /** Called with the report when the content has no errors, so others can use what was read. */
  onChecked?: ((report: ContentReport, context: { command: string; now: Date; logger: AstroIntegrationLogger }) => void)[];
}

export function contentGuard(options: ContentGuardOptions): AstroIntegration {
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'preview') return;
        // The same "now" the build publishes as of, so "this post is live" means the same thing.
        const now = resolveNow(process.env);
        const report = checkContent({
          contentDir: contentDirFrom(process.env),
          timeZone: options.timeZone,
          now,
          site: { url: config.site ?? 'https://site.invalid', base: config.base },
        });
        const errors = report.problems.filter((p) => p.severity === 'error');
        const warnings = report.problems.filter((p) => p.severity === 'warning');
        if (!errors.length) {
          // Warnings are advice (a long title, a skipped heading level): shown, never blocking.
          if (warnings.length) logger.warn(`\n${formatReport(warnings)}`);
          logger.info(`${report.posts.length} posts and ${report.authors.length} authors checked`);
          for (const listener of options.onChecked ?? []) listener(report, { command, now, logger });
          return;
        }
        // The dev server keeps running so the writer can fix files and see the page update.
        if (command === 'dev') logger.error(`\n${formatReport(report.problems)}`);
        else throw new ContentError(formatReport(errors));
      },
    },
  };
}
