/**
 * /admin/ in the built fixture sites: the editor's page with its own policy,
 * noindex, its generated configuration and its bundled script; and the rest of
 * the site unchanged by it: every other page keeps the site's policy, carries
 * no editor code and does not link to the editor, and the sitemap, search index
 * and feeds know nothing of it.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listDist, readDist, siteDir } from '../support/dist.ts';

const cspOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];

type Policy = Record<string, string[]>;

/** A policy as directive → its sources, sorted; a directive written twice is an error (browsers ignore the second). */
function policyOf(csp: string): Policy {
  const policy: Policy = {};
  for (const directive of csp
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    expect(policy, `${name} written twice in ${csp}`).not.toHaveProperty(name!);
    policy[name!] = sources.sort();
  }
  return policy;
}

/** Astro's hashes of the page's own inline scripts and styles, one token for all, so pages compare with one policy. */
const HASHES = "'sha256-…'";
const withHashesAsOne = (policy: Policy): Policy =>
  Object.fromEntries(
    Object.entries(policy).map(([name, sources]) => [
      name,
      [...new Set(sources.map((s) => (/^'sha256-[A-Za-z0-9+/]+=*'$/.test(s) ? HASHES : s)))].sort(),
    ]),
  );

const sorted = (policy: Policy): Policy => Object.fromEntries(Object.entries(policy).map(([name, sources]) => [name, [...sources].sort()]));

/**
 * Written out here rather than imported from the code under test: the editor's page may reach its own
 * files, memory (blob:, data:) and GitHub's API, and show the writer's GitHub photo (docs/editor.md says why).
 */
const ADMIN_POLICY = sorted({
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'", 'blob:'],
  'img-src': ["'self'", 'blob:', 'data:', 'https://avatars.githubusercontent.com'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'blob:', 'data:', 'https://api.github.com'],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'self'", 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'manifest-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
});

/** Every other page: its own origin only, and its inline scripts and styles by hash. */
const SITE_POLICY = sorted({
  'default-src': ["'self'"],
  'script-src': ["'self'", HASHES],
  'style-src': ["'self'", HASHES],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
});

/** The pages allowed more, and what: the search runs Pagefind's WebAssembly; /subscribe/ posts its sign-up to the fixture's newsletter service. */
const PAGE_POLICIES: Record<string, Policy> = {
  'search/index.html': sorted({ ...SITE_POLICY, 'script-src': ["'self'", "'wasm-unsafe-eval'", HASHES] }),
  'subscribe/index.html': sorted({ ...SITE_POLICY, 'form-action': ["'self'", 'https://buttondown.com'] }),
};

describe.each(['site', 'base'])('/admin/ in the "%s" build', (name) => {
  const dir = siteDir(name);
  const files = listDist(dir);
  const admin = files.filter((f) => f.startsWith('admin/'));
  const others = files.filter((f) => !f.startsWith('admin/'));

  it('is a page with its own policy, noindex, loading the bundled script from the site itself', () => {
    const html = readDist(dir, 'admin/index.html');
    expect(policyOf(cspOf(html) ?? '')).toEqual(ADMIN_POLICY);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<script type="module" src="cms/main.js"></script>');
    expect(admin).toContain('admin/cms/main.js');
    expect(html).not.toMatch(/<(?:script|link|img)\b[^>]*(?:src|href)="(?:https?:)?\/\//);
  });

  it('sends the same policy as a header where the host reads _headers, adding that no other site may frame it', () => {
    const rule = /^\/admin\/\*\n((?:[ \t]+.+\n?)+)/m.exec(readDist(dir, '_headers'))?.[1] ?? '';
    const header = /^ {2}Content-Security-Policy: (.+)$/m.exec(rule)?.[1] ?? '';
    expect(policyOf(header)).toEqual({ ...ADMIN_POLICY, 'frame-ancestors': ["'none'"] });
    expect(rule).toContain('  X-Robots-Tag: noindex, nofollow');
  });

  it('serves its configuration, generated for the GitHub backend and the content folders', () => {
    const config = parse(readDist(dir, 'admin/config.yml')) as {
      backend: { name: string };
      collections: { name: string; folder: string }[];
    };
    expect(config.backend.name).toBe('github');
    expect(config.collections.map((c) => [c.name, c.folder])).toEqual([
      ['posts', 'content/posts'],
      ['authors', 'content/authors'],
    ]);
  });

  it('bundles everything it loads: no font, script or style from a CDN', () => {
    const code = admin
      .filter((f) => /\.(js|css|html)$/.test(f))
      .map((f) => readDist(dir, f))
      .join('\n');
    expect(code).not.toContain('cdn.jsdelivr.net/fontsource');
    expect(code).toMatch(/cms\/assets\/source-sans-3-latin-wght-normal-[\w-]+\.woff2/);
    for (const m of code.matchAll(/cms\/assets\/([\w.-]+\.woff2)/g)) expect(admin).toContain(`admin/cms/assets/${m[1]}`);
  });

  it('leaves every other page with the site policy, untouched', () => {
    const pages = others.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readDist(dir, page);
      const csp = cspOf(html);
      if (!csp) {
        expect(html, `${page} has no policy`).toMatch(/http-equiv="refresh"/);
        continue;
      }
      expect(withHashesAsOne(policyOf(csp)), page).toEqual(PAGE_POLICIES[page] ?? SITE_POLICY);
    }
  });

  it('puts no editor code, link or address on any other page, feed, API file, sitemap or search index', () => {
    const outside = others.filter((f) => /\.(html|xml|json|txt|xsl|js|css|webmanifest)$|^_headers$/.test(f));
    expect(outside.length).toBeGreaterThan(20);
    for (const f of outside) {
      const body = readDist(dir, f);
      expect(body, f).not.toMatch(/sveltia|decap-cms|netlify-cms/i);
      if (f !== '_headers') expect(body, f).not.toMatch(/\/admin\/|admin\/cms|config\.yml/);
    }
    // The search index holds the pages marked for it, and the editor's page is not one of them.
    // One index a year of publication (src/lib/search-parts.ts), each with its entry file.
    const entries = files.filter((f) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(f));
    const indexed = {
      languages: entries.flatMap((f) =>
        Object.values((JSON.parse(readDist(dir, f)) as { languages: Record<string, { page_count: number }> }).languages),
      ),
    };
    const marked = files.filter((f) => f.endsWith('.html') && readDist(dir, f).includes('data-pagefind-body'));
    expect(readDist(dir, 'admin/index.html')).not.toContain('data-pagefind-body');
    expect(Object.values(indexed.languages).reduce((n, l) => n + l.page_count, 0)).toBe(marked.length);
  });
});
