/**
 * The content file behind a built page, so a link-check message names the file
 * a marketer opens. The address comes from the content reader itself (its
 * `slug:` when set, else the file name; posts in subfolders included), never
 * from a second reading of file names.
 */
import { readContent } from '../../../src/lib/content/read-content.ts';
import { postSlugOf } from './report.ts';

export function postSourceFinder(opts: {
  contentDir: string;
  timeZone: string;
  base: string;
  root?: string;
}): (parent: string) => string | undefined {
  let files: Map<string, string> | undefined;
  return (parent) => {
    const slug = postSlugOf(parent, opts.base);
    if (!slug) return undefined;
    // Read once, on the first page that needs it; no rules: only where each post lives.
    files ??= new Map(
      readContent({ contentDir: opts.contentDir, timeZone: opts.timeZone, now: new Date(), root: opts.root, rules: [] })
        .posts.toReversed()
        .map((p) => [p.slug, p.file]),
    );
    return files.get(slug);
  };
}
