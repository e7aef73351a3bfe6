/**
 * The result of a link check and how it reads for a person: broken links
 * grouped by target, each with every page that links to it.
 */
import { normaliseBase } from '../../../src/lib/site-paths.ts';
import { plural } from '../../../src/lib/plural.ts';

export interface LinkProblem {
  /** What the link points at: a site path (/blog/posts/a/#x) or an external URL. */
  url: string;
  /** The page or file that holds the link, as a site path. */
  parent: string;
  status?: number;
  reason: string;
}

export interface ExternalSummary {
  /** Distinct external http(s) URLs the site links to. */
  urls: number;
  /** Whether they were requested (--external) or only counted. */
  checked: boolean;
  ok: number;
  broken: LinkProblem[];
  /** Answered in a way that says nothing (bot walls, status 999). */
  inconclusive: number;
}

export interface LinkReport {
  dist: string;
  base: string;
  /** HTML pages read for links. */
  pages: number;
  /** Distinct internal URLs checked (pages, images, styles, scripts, feeds, API files). */
  internalUrls: number;
  /** Feeds, API, sitemap and manifest files read for links. */
  dataFiles: number;
  broken: LinkProblem[];
  /** Internal links that only work through a redirect (a folder without its trailing slash). */
  redirects: LinkProblem[];
  external: ExternalSummary;
  /** mailto:, tel:, sms: and similar links, which cannot be checked. */
  otherSchemes: number;
  ms: number;
}

export function passed(report: LinkReport): boolean {
  return report.broken.length === 0 && report.external.broken.length === 0;
}

/** Problems grouped by the URL they point at, each with its sorted, distinct parents. */
export function groupByTarget(problems: readonly LinkProblem[]): { url: string; status?: number; reason: string; parents: string[] }[] {
  const groups = new Map<string, { url: string; status?: number; reason: string; parents: Set<string> }>();
  for (const p of problems) {
    let g = groups.get(p.url);
    if (!g) {
      g = { url: p.url, reason: p.reason, parents: new Set() };
      if (p.status !== undefined) g.status = p.status;
      groups.set(p.url, g);
    }
    g.parents.add(p.parent);
  }
  return [...groups.values()].sort((a, b) => a.url.localeCompare(b.url)).map((g) => ({ ...g, parents: [...g.parents].sort() }));
}

/** The post slug of a site path like /blog/posts/some-slug/, so a message can name the file to fix. */
export function postSlugOf(path: string, base: string): string | undefined {
  const root = normaliseBase(base);
  const m = path.startsWith(root) ? /^posts\/([^/]+)\/$/.exec(path.slice(root.length).split('#')[0] ?? '') : null;
  return m?.[1];
}

function problemLines(title: string, problems: readonly LinkProblem[], sourceOf: (parent: string) => string | undefined): string[] {
  const lines = [title];
  for (const g of groupByTarget(problems)) {
    lines.push(`  ${g.url}  ${g.reason}${g.status ? ` (HTTP ${g.status})` : ''}`);
    const shown = g.parents.slice(0, 10);
    for (const parent of shown) {
      const source = sourceOf(parent);
      lines.push(`      linked from ${parent}${source ? `  (written in ${source})` : ''}`);
    }
    if (g.parents.length > shown.length) lines.push(`      … and ${g.parents.length - shown.length} more pages`);
  }
  return lines;
}

/**
 * The report as a person reads it. `sourceOf` may name the content file behind
 * a page, so a marketer knows which file to open.
 */
export function formatReport(report: LinkReport, sourceOf: (parent: string) => string | undefined = () => undefined): string {
  const lines = [
    `Link check of ${report.dist} served at ${normaliseBase(report.base)} (${(report.ms / 1000).toFixed(1)} s)`,
    `  ${plural(report.pages, 'page')} and ${plural(report.dataFiles, 'feed/API/sitemap file')} read, ${plural(report.internalUrls, 'internal URL')} checked (with #fragments)`,
  ];
  const ext = report.external;
  lines.push(
    ext.checked
      ? `  external: ${plural(ext.urls, 'link')}: ${ext.ok} fine, ${groupByTarget(ext.broken).length} broken, ${ext.inconclusive} inconclusive (blocked by the site)`
      : `  external: ${plural(ext.urls, 'link')} counted, not requested (add --external where there is a network)`,
  );
  if (report.otherSchemes) lines.push(`  ${plural(report.otherSchemes, 'mailto:/tel:/sms: link')} (not checkable)`);
  if (report.redirects.length) {
    lines.push(...problemLines(`  internal links that work only through a redirect (add the trailing slash):`, report.redirects, sourceOf));
  }
  if (report.broken.length) {
    lines.push(
      ...problemLines(`BROKEN: ${plural(groupByTarget(report.broken).length, 'internal link target')} missing:`, report.broken, sourceOf),
    );
  }
  if (ext.broken.length) {
    lines.push(
      ...problemLines(`BROKEN: ${plural(groupByTarget(ext.broken).length, 'external link')} failed after retries:`, ext.broken, sourceOf),
    );
  }
  lines.push(
    passed(report) ? 'No broken links.' : 'Fix the links above: change the link in the file named, or restore the page it points to.',
  );
  return lines.join('\n');
}
