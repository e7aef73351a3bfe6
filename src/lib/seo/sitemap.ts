/**
 * What the sitemap needs to know about a page, read from the built page itself.
 * The sitemap integration runs after the build, outside Astro's routes, so it
 * cannot ask getPosts(); the built pages are the truth instead: they exist only
 * for public posts, say whether they want indexing, and carry their dates.
 */
export interface PageFacts {
  noindex: boolean;
  /** The page's canonical URL, if it names one. */
  canonical?: string | undefined;
  /** ISO 8601 date of the last change, from the page's BlogPosting JSON-LD. */
  modified?: string | undefined;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function decodeAttr(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

function findModified(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = findModified(n);
      if (found) return found;
    }
    return undefined;
  }
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.dateModified === 'string') return o.dateModified;
    if (typeof o.datePublished === 'string' && o['@type'] === 'BlogPosting') return o.datePublished;
    if (o['@graph']) return findModified(o['@graph']);
  }
  return undefined;
}

export function pageFacts(html: string): PageFacts {
  const head = html.split(/<\/head>/i)[0] ?? html;
  const facts: PageFacts = { noindex: false };
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    if (attr(tag, 'name')?.toLowerCase() === 'robots' && /noindex/i.test(attr(tag, 'content') ?? '')) facts.noindex = true;
  }
  for (const [tag] of head.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, 'href');
    if (rel.includes('canonical') && href) facts.canonical = decodeAttr(href);
  }
  for (const [, json] of html.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      const modified = findModified(JSON.parse(json!));
      if (modified) {
        facts.modified = modified;
        break;
      }
    } catch {
      // Not ours to judge here; the HTML validity test reports broken markup.
    }
  }
  return facts;
}

/** A page belongs in the sitemap unless it asks not to be indexed or names another address as the original. */
export function belongsInSitemap(url: string, facts: PageFacts): boolean {
  if (facts.noindex) return false;
  return facts.canonical === undefined || facts.canonical === url;
}
