/**
 * The redirect formats, each from the same small list of redirects, compared
 * with output written out by hand; and the list of the site's own addresses,
 * compared with what src/pages/ and public/ hold.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRedirectMap } from '../../src/lib/redirects/api-map.ts';
import { netlifyRedirects } from '../../src/lib/redirects/netlify.ts';
import { nginxRedirectMap } from '../../src/lib/redirects/nginx.ts';
import { collectRedirects, slashVariants, type Redirect } from '../../src/lib/redirects/redirects.ts';
import { s3RoutingRules } from '../../src/lib/redirects/s3.ts';
import { siteAddressAt } from '../../src/lib/redirects/site-routes.ts';
import { redirectPageFile, redirectPageHtml, redirectPages } from '../../src/lib/redirects/static-pages.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { ROOT } from '../support/paths.ts';

const REDIRECTS: Redirect[] = [
  { from: '/post/massage', to: '/posts/massage-basics/' },
  { from: '/post/massage-after-exercise', to: '/posts/massage-after-exercise/' },
  { from: '/posts/old-stretch/', to: '/posts/stretching-at-home/' },
];
const ORIGIN = 'https://www.myrituals.me';
const URLS = createUrls({ url: ORIGIN, base: '/' });

describe('collectRedirects', () => {
  it('lists previousSlugs as post addresses and redirectFrom as written, sorted by the old path', () => {
    const posts = [
      { slug: 'stretching-at-home', previousSlugs: ['old-stretch'], redirectFrom: ['/post/stretch-at-home'] },
      { slug: 'massage-after-exercise', previousSlugs: [], redirectFrom: ['/post/massage-after-exercise', '/2019/04/massage.html'] },
      { slug: 'no-history' },
    ];
    expect(collectRedirects(posts, { base: '/' })).toEqual([
      { from: '/2019/04/massage.html', to: '/posts/massage-after-exercise/' },
      { from: '/post/massage-after-exercise', to: '/posts/massage-after-exercise/' },
      { from: '/post/stretch-at-home', to: '/posts/stretching-at-home/' },
      { from: '/posts/old-stretch/', to: '/posts/stretching-at-home/' },
    ]);
  });

  it('puts the site folder in front of post addresses, not in front of old paths from another site', () => {
    expect(collectRedirects([{ slug: 'b', previousSlugs: ['a'], redirectFrom: ['/post/b'] }], { base: '/blog/' })).toEqual([
      { from: '/blog/posts/a/', to: '/blog/posts/b/' },
      { from: '/post/b', to: '/blog/posts/b/' },
    ]);
  });

  it('gives a folder path both forms, a file path one', () => {
    expect(slashVariants('/post/a')).toEqual(['/post/a', '/post/a/']);
    expect(slashVariants('/post/a/')).toEqual(['/post/a', '/post/a/']);
    expect(slashVariants('/2019/04/a.html')).toEqual(['/2019/04/a.html']);
    expect(slashVariants('/')).toEqual(['/']);
  });
});

describe("the site's own addresses", () => {
  it('names every top-level page and file the site serves', () => {
    // index.astro is the home page: the folder's address and its index.html both.
    const pages = readdirSync(join(ROOT, 'src/pages'))
      .map((name) => name.replace(/\.(astro|ts|js|md|mdx)$/, ''))
      .map((name) => (name === '404' ? '404.html' : name === 'index' ? 'index.html' : name));
    const publicFiles = readdirSync(join(ROOT, 'public'));
    const missing = [...pages, ...publicFiles].filter((name) => !siteAddressAt(`/${name}`, '/'));
    expect(missing, 'add these to SITE_ROUTE_NAMES in src/lib/redirects/site-routes.ts').toEqual([]);
    expect(pages).toContain('index.html');
  });

  it("counts the home page file, any case and escaped slashes as the site's own", () => {
    expect(siteAddressAt('/index.html', '/')).toBe('the home page');
    expect(siteAddressAt('/Index.HTML', '/')).toBe('the home page');
    expect(siteAddressAt('/blog/index.html', '/blog/')).toBe('the home page');
    expect(siteAddressAt('/TAGS/massage/', '/')).toBe('/tags/…');
    expect(siteAddressAt('/Posts/x', '/')).toBe('/posts/…');
    expect(siteAddressAt('/tags%2Fmassage', '/')).toBe('/tags/…');
    expect(siteAddressAt('/FAVICON.ico', '/')).toBe('/favicon.ico');
    expect(siteAddressAt('/post/index.html', '/')).toBeUndefined();
  });

  it("tells a free old address from one of the site's", () => {
    expect(siteAddressAt('/post/massage', '/')).toBeUndefined();
    expect(siteAddressAt('/posting/massage', '/')).toBeUndefined();
    expect(siteAddressAt('/posts/massage/', '/')).toBe('/posts/…');
    expect(siteAddressAt('/tags', '/')).toBe('/tags');
    expect(siteAddressAt('/sitemap-0.xml', '/')).toBe('/sitemap-0.xml');
    expect(siteAddressAt('/', '/')).toBe('the home page');
    expect(siteAddressAt('/blog', '/blog/')).toBe('the home page');
    expect(siteAddressAt('/posts/massage/', '/blog/')).toBeUndefined();
    expect(siteAddressAt('/blog/posts/massage/', '/blog/')).toBe('/blog/posts/…');
  });
});

describe('static redirect pages', () => {
  it('writes a page that refreshes at once, names the canonical address and links to it', () => {
    expect(redirectPageHtml('/posts/massage-basics/', { urls: URLS, lang: 'en-US' })).toBe(`<!doctype html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>This page has moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="https://www.myrituals.me/posts/massage-basics/">
<meta http-equiv="refresh" content="0; url=https://www.myrituals.me/posts/massage-basics/">
</head>
<body>
<p>This page has moved to <a href="https://www.myrituals.me/posts/massage-basics/">https://www.myrituals.me/posts/massage-basics/</a>.</p>
</body>
</html>
`);
  });

  it('places each page where a static host looks for the old path', () => {
    expect(redirectPageFile('/post/massage', '/')).toBe('post/massage/index.html');
    expect(redirectPageFile('/post/massage/', '/')).toBe('post/massage/index.html');
    expect(redirectPageFile('/2019/04/massage.html', '/')).toBe('2019/04/massage.html');
    expect(redirectPageFile('/post/caf%C3%A9', '/')).toBe('post/café/index.html');
    expect(redirectPageFile('/blog/post/a', '/blog/')).toBe('post/a/index.html');
    expect(redirectPageFile('/post/a', '/blog/')).toBeUndefined();
    expect(redirectPageFile('/post/../../etc', '/')).toBeUndefined();
  });

  it('lists the redirects outside the site folder apart, for host rules only', () => {
    const { pages, outside } = redirectPages(REDIRECTS, { urls: URLS, base: '/posts/', lang: 'en' });
    expect(pages.map((p) => p.file)).toEqual(['old-stretch/index.html']);
    expect(outside.map((r) => r.from)).toEqual(['/post/massage', '/post/massage-after-exercise']);
  });

  it('passes the W3C Nu HTML Checker', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redirect-pages-'));
    const { pages } = redirectPages(REDIRECTS, { urls: URLS, base: '/', lang: 'en-US' });
    for (const page of pages) {
      mkdirSync(dirname(join(dir, page.file)), { recursive: true });
      writeFileSync(join(dir, page.file), page.html);
    }
    const vnu = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build/dist/vnu.jar');
    const run = spawnSync('java', ['-jar', vnu, '--format', 'json', ...pages.map((p) => join(dir, p.file))], { encoding: 'utf8' });
    expect(run.error, 'Java is needed for the HTML checker (apt-get install default-jre-headless)').toBeUndefined();
    const messages = (JSON.parse(run.stderr || run.stdout) as { messages: { type: string; message: string }[] }).messages;
    expect(pages).toHaveLength(3);
    expect(messages.filter((m) => m.type !== 'info').map((m) => m.message)).toEqual([]);
  }, 60_000);
});

describe('_redirects (Netlify, Cloudflare Pages)', () => {
  it('writes one 301 a line, with and without the final slash', () => {
    expect(netlifyRedirects(REDIRECTS)).toBe(`# Old addresses of posts, forwarded to where they are now. Written by the build; do not edit.
/post/massage /posts/massage-basics/ 301
/post/massage/ /posts/massage-basics/ 301
/post/massage-after-exercise /posts/massage-after-exercise/ 301
/post/massage-after-exercise/ /posts/massage-after-exercise/ 301
/posts/old-stretch /posts/stretching-at-home/ 301
/posts/old-stretch/ /posts/stretching-at-home/ 301
`);
  });

  it('forces the rule past an existing file for Netlify when asked', () => {
    expect(netlifyRedirects([REDIRECTS[0]!], { force: true }).split('\n').slice(1, 3)).toEqual([
      '/post/massage /posts/massage-basics/ 301!',
      '/post/massage/ /posts/massage-basics/ 301!',
    ]);
  });
});

describe('S3 website routing rules', () => {
  it('gives each old path a rule with the host, longest prefix first', () => {
    expect(s3RoutingRules(REDIRECTS, { origin: ORIGIN })).toEqual([
      {
        Condition: { KeyPrefixEquals: 'post/massage-after-exercise' },
        Redirect: {
          Protocol: 'https',
          HostName: 'www.myrituals.me',
          ReplaceKeyWith: 'posts/massage-after-exercise/',
          HttpRedirectCode: '301',
        },
      },
      {
        Condition: { KeyPrefixEquals: 'posts/old-stretch' },
        Redirect: { Protocol: 'https', HostName: 'www.myrituals.me', ReplaceKeyWith: 'posts/stretching-at-home/', HttpRedirectCode: '301' },
      },
      {
        Condition: { KeyPrefixEquals: 'post/massage' },
        Redirect: { Protocol: 'https', HostName: 'www.myrituals.me', ReplaceKeyWith: 'posts/massage-basics/', HttpRedirectCode: '301' },
      },
    ]);
  });

  it('uses S3 keys: no leading slash, not percent-encoded', () => {
    const [rule] = s3RoutingRules([{ from: '/post/caf%C3%A9', to: '/posts/cafe/' }], { origin: 'http://localhost:8080' });
    expect(rule).toEqual({
      Condition: { KeyPrefixEquals: 'post/café' },
      Redirect: { Protocol: 'http', HostName: 'localhost:8080', ReplaceKeyWith: 'posts/cafe/', HttpRedirectCode: '301' },
    });
  });
});

describe('nginx map', () => {
  it('maps decoded paths, both slash forms, to the new path', () => {
    const map = nginxRedirectMap([
      ...REDIRECTS.slice(0, 1),
      { from: '/post/caf%C3%A9', to: '/posts/cafe/' },
      { from: '/post/$weird"one', to: '/posts/x/' },
    ]);
    expect(map).toBe(`# Old addresses of posts, forwarded to where they are now. Written by the build; do not edit.
# In the server block: if ($blog_redirect) { return 301 $blog_redirect; }
map $uri $blog_redirect {
    default "";
    "/post/massage" "/posts/massage-basics/";
    "/post/massage/" "/posts/massage-basics/";
    "/post/café" "/posts/cafe/";
    "/post/café/" "/posts/cafe/";
    "/post/\\$weird\\"one" "/posts/x/";
    "/post/\\$weird\\"one/" "/posts/x/";
}
`);
  });
});

describe('the JSON API redirect map', () => {
  it('lists each old path with its absolute new address and the status', () => {
    expect(apiRedirectMap(REDIRECTS.slice(0, 2), { urls: URLS })).toEqual({
      count: 2,
      redirects: [
        { from: '/post/massage', to: 'https://www.myrituals.me/posts/massage-basics/', status: 301 },
        { from: '/post/massage-after-exercise', to: 'https://www.myrituals.me/posts/massage-after-exercise/', status: 301 },
      ],
    });
  });
});
