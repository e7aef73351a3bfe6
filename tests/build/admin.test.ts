/**
 * /admin/ in the built fixture sites: the editor's page with its own policy,
 * noindex, its generated configuration and its bundled script; and the rest of
 * the site unchanged by it: every other page keeps the site's policy, carries
 * no editor code and does not link to the editor, and the sitemap, search index
 * and feeds know nothing of it.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES } from '../../src/lib/csp.ts';
import { ADMIN_CSP } from '../../src/lib/editor/admin-page.ts';
import { listDist, readDist, siteDir } from '../support/dist.ts';

const cspOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));

describe.each(['site', 'base'])('/admin/ in the "%s" build', (name) => {
  const dir = siteDir(name);
  const files = listDist(dir);
  const admin = files.filter((f) => f.startsWith('admin/'));
  const others = files.filter((f) => !f.startsWith('admin/'));

  it('is a page with its own policy, noindex, loading the bundled script from the site itself', () => {
    const html = readDist(dir, 'admin/index.html');
    expect(cspOf(html)).toBe(ADMIN_CSP);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<script type="module" src="cms/main.js"></script>');
    expect(admin).toContain('admin/cms/main.js');
    expect(html).not.toMatch(/<(?:script|link|img)\b[^>]*(?:src|href)="(?:https?:)?\/\//);
  });

  it('its policy allows this site and GitHub only', () => {
    const hosts = [...directives(ADMIN_CSP).values()].flatMap((v) => v.split(' ')).filter((s) => /^https?:/.test(s));
    expect(new Set(hosts.map((h) => new URL(h).hostname))).toEqual(new Set(['api.github.com', 'www.githubstatus.com', 'avatars.githubusercontent.com']));
    expect(directives(ADMIN_CSP).get('default-src')).toBe("'none'");
    expect(directives(ADMIN_CSP).get('script-src')).not.toContain('unsafe-inline');
    expect(directives(ADMIN_CSP).get('script-src')).not.toMatch(/'unsafe-eval'/);
  });

  it("sends the same policy as a header where the host reads _headers, adding that no other site may frame it", () => {
    const rule = /^\/admin\/\*\n((?:[ \t]+.+\n?)+)/m.exec(readDist(dir, '_headers'))?.[1] ?? '';
    expect(rule).toContain(`  Content-Security-Policy: ${ADMIN_CSP}; frame-ancestors 'none'\n`);
    expect(rule).toContain('  X-Robots-Tag: noindex, nofollow');
  });

  it('serves its configuration, generated for the GitHub backend and the content folders', () => {
    const config = parse(readDist(dir, 'admin/config.yml')) as { backend: { name: string }; collections: { name: string; folder: string }[] };
    expect(config.backend.name).toBe('github');
    expect(config.collections.map((c) => [c.name, c.folder])).toEqual([
      ['posts', 'content/posts'],
      ['authors', 'content/authors'],
    ]);
  });

  it('bundles everything it loads: no font, script or style from a CDN', () => {
    const code = admin.filter((f) => /\.(js|css|html)$/.test(f)).map((f) => readDist(dir, f)).join('\n');
    expect(code).not.toContain('cdn.jsdelivr.net/fontsource');
    expect(code).toMatch(/cms\/assets\/source-sans-3-latin-wght-normal-[\w-]+\.woff2/);
    for (const m of code.matchAll(/cms\/assets\/([\w.-]+\.woff2)/g)) expect(admin).toContain(`admin/cms/assets/${m[1]}`);
  });

  it('leaves every other page with the site policy, untouched', () => {
    const site = new Map(CSP_DIRECTIVES.map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
    const pages = others.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readDist(dir, page);
      const csp = cspOf(html);
      if (!csp) {
        expect(html, `${page} has no policy`).toMatch(/http-equiv="refresh"/);
        continue;
      }
      const found = directives(csp);
      // The one documented exception: /subscribe/ may post its sign-up to the newsletter service the fixture settings name.
      const policy = page === 'subscribe/index.html' ? new Map([...site, ['form-action', "'self' https://buttondown.com"]]) : site;
      for (const [key, value] of policy) expect(found.get(key), `${page}: ${key}`).toBe(value);
      expect(csp, page).not.toMatch(/github|unsafe-inline|blob:/);
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
    const indexed = JSON.parse(readDist(dir, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    const marked = files.filter((f) => f.endsWith('.html') && readDist(dir, f).includes('data-pagefind-body'));
    expect(readDist(dir, 'admin/index.html')).not.toContain('data-pagefind-body');
    expect(Object.values(indexed.languages).reduce((n, l) => n + l.page_count, 0)).toBe(marked.length);
  });
});
