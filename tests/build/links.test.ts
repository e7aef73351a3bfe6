/**
 * The internal link check over the fixture builds: every link, image, stylesheet,
 * feed and API file, and #fragment must resolve, at the root and under /blog/.
 * A copy of a build with broken links shows the check catches them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { formatReport } from '../../scripts/lib/links/report.ts';
import { pathForFile } from '../../src/lib/site-paths.ts';
import { site } from '../../src/site.config.ts';
import { listDist, siteDir } from '../support/dist.ts';
import type { SiteBuild } from '../support/build-site.ts';
import { SITES } from '../support/sites.ts';

const postPages = (dir: string) => listDist(dir).filter((p) => /^posts\/[^/]+\/index\.html$/.test(p));

describe.each(['site', 'base'] as const)('links of the "%s" fixture build', (name) => {
  const build: SiteBuild = SITES[name];
  const base = build.base ?? '/';

  it('has no broken internal link, image, stylesheet, feed, API file or #fragment', async () => {
    const dir = siteDir(name);
    const report = await checkLinks({ dist: dir, base, siteUrl: site.url });
    expect(report.broken, formatReport(report)).toEqual([]);
    // Every page of the build was read for links, posts among them.
    expect(postPages(dir).length).toBeGreaterThan(0);
    expect(report.pages).toBe(listDist(dir).filter((f) => f.endsWith('.html')).length);
    expect(report.dataFiles).toBeGreaterThan(0);
  });
});

describe('a build with broken links', () => {
  const copies: string[] = [];
  const copyOf = (name: 'site' | 'base') => {
    const dir = mkdtempSync(join(tmpdir(), `links-${name}-`));
    copies.push(dir);
    cpSync(siteDir(name), dir, { recursive: true });
    return dir;
  };
  const inject = (dir: string, file: string, html: string) => {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace('</body>', `${html}</body>`));
  };
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('fails with each broken target and the page that links to it', async () => {
    const dir = copyOf('site');
    const [page, other] = postPages(dir);
    expect(page && other).toBeTruthy();
    const from = pathForFile(page!, '/');
    const target = pathForFile(other!, '/');
    inject(
      dir,
      page!,
      `<a href="/posts/no-such-post/">gone</a>
       <a href="#no-such-heading">here</a>
       <a href="${target}#no-such-section">there</a>
       <img src="/images/missing.png" alt="">
       <link rel="stylesheet" href="/styles/missing.css">`,
    );
    writeFileSync(join(dir, 'extra-feed.json'), JSON.stringify({ items: [{ url: `${site.url.replace(/\/$/, '')}/posts/also-gone/` }] }));

    const report = await checkLinks({ dist: dir, base: '/', siteUrl: site.url });
    const found = report.broken.map((b) => `${b.url} <- ${b.parent}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `/posts/no-such-post/ <- ${from}`,
        `${from}#no-such-heading <- ${from}`,
        `${target}#no-such-section <- ${from}`,
        `/images/missing.png <- ${from}`,
        `/styles/missing.css <- ${from}`,
        '/posts/also-gone/ <- /extra-feed.json',
      ]),
    );
    expect(formatReport(report)).toContain(`linked from ${from}`);
  });

  it('catches a root-relative link that forgets the base path', async () => {
    const dir = copyOf('base');
    const [page, other] = postPages(dir);
    const wrong = pathForFile(other!, '/'); // /posts/x/ instead of /blog/posts/x/
    inject(dir, page!, `<a href="${wrong}">without the base</a>`);
    const report = await checkLinks({ dist: dir, base: '/blog/', siteUrl: site.url });
    expect(report.broken.map((b) => `${b.url} <- ${b.parent}`)).toContain(`${wrong} <- ${pathForFile(page!, '/blog/')}`);
  });
});

describe('external links', () => {
  it('are only counted by default, and with `external` requested once each, retried on errors, failures named with their pages', async () => {
    // "Another website" on a second loopback port: no test reaches the network.
    const hits: string[] = [];
    let flakyAnswered = false;
    const other = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/flaky' && !flakyAnswered) {
        flakyAnswered = true;
        res.writeHead(503).end();
      } else res.writeHead(req.url === '/gone' ? 404 : 200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    });
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const dir = mkdtempSync(join(tmpdir(), 'links-external-'));
    try {
      const page = (links: string[]) => `<!doctype html><title>t</title>${links.map((l) => `<a href="${l}">x</a>`).join('')}`;
      writeFileSync(join(dir, 'index.html'), page([`${elsewhere}/fine`, `${elsewhere}/gone`, '/second.html']));
      writeFileSync(join(dir, 'second.html'), page([`${elsewhere}/gone`, `${elsewhere}/flaky`, `${elsewhere}/fine#part`]));

      const counted = await checkLinks({ dist: dir, base: '/', siteUrl: site.url });
      expect(counted.external).toMatchObject({ urls: 3, checked: false, broken: [] });
      expect(hits).toEqual([]);

      const checked = await checkLinks({ dist: dir, base: '/', siteUrl: site.url, external: true });
      expect(checked.external).toMatchObject({ urls: 3, checked: true, ok: 2 });
      expect(checked.external.broken.map((b) => `${b.url} <- ${b.parent}`).sort()).toEqual([
        `${elsewhere}/gone <- /`,
        `${elsewhere}/gone <- /second.html`,
      ]);
      expect(hits.filter((h) => h === '/flaky').length).toBe(2);
      expect(hits.filter((h) => h === '/fine').length).toBe(1);
      expect(formatReport(checked)).toContain('external: 3 links: 2 fine, 1 broken');
    } finally {
      other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
