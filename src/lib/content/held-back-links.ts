/**
 * Markdown processor (Sätteri) plugin: a link to a post held back for problems
 * of its own is shown as its text, without the link. The linking post goes out
 * (one post's slip holds back only itself), and no page links to a page that
 * is not there or names the held-back post's address. The reader lists such
 * links per post (`heldBackLinks`, rules/post-links.ts); the post model carries
 * the list, so a page is rendered again when it changes and the link comes
 * back once the other post is fixed.
 */
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition } from 'satteri';
import { decodePercent } from '../percent-decode.ts';
import { sharedSession } from './session.ts';

const byReport = new WeakMap<object, Map<string, Set<string>>>();

/** The held-back links of the post at `path` in the build's reading, as the parser leaves them in `href`. */
function heldBackLinksOf(path: string): Set<string> | undefined {
  const report = sharedSession()?.report;
  if (!report) return undefined;
  let byPath = byReport.get(report);
  if (!byPath) {
    byPath = new Map(report.posts.flatMap((p) => (p.heldBackLinks?.length ? [[p.path, new Set(p.heldBackLinks.map(decodePercent))] as const] : [])));
    byReport.set(report, byPath);
  }
  return byPath.get(path);
}

export function heldBackLinks(): HastPluginDefinition {
  return {
    name: 'held-back-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        if (!ctx.fileURL) return;
        const href = node.properties?.href;
        if (typeof href !== 'string') return;
        const links = heldBackLinksOf(fileURLToPath(ctx.fileURL));
        if (links?.has(decodePercent(href))) ctx.replaceNode(node, [...(node.children ?? [])]);
      },
    },
  };
}
