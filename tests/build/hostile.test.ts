/**
 * Hostile and unlucky content (issue 19) and the daily slips of issue 13,
 * against ONE build of tests/fixtures/hostile/ made by global setup in the
 * publish workflow's hold-back mode, plus one strict build of the same content
 * that must stop with the content report. Each `describe` is one class of
 * issue 19 (numbered as there) or one promise of issue 13.
 *
 * Every expectation here is written by hand from the fixture files (see
 * tests/fixtures/hostile/README.md): which posts are public, which pictures,
 * tags and authors they bring, and what each held-back file is told.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeEntities } from '../../src/lib/html.ts';
import { describe, expect, it } from 'vitest';
import { buildLogFor, buildSite } from '../support/build-site.ts';
import { listDist, readDist, siteDir } from '../support/dist.ts';
import { pageBreakingErrors } from '../support/html.ts';
import { FIXTURES, FIXTURE_NOW, ROOT } from '../support/paths.ts';
import { SITES } from '../support/sites.ts';
import { assertWellFormedXml } from '../support/xml.ts';

const dir = siteDir('hostile');
const files = listDist(dir);
const SITE_URL = 'https://www.myrituals.me';
const POSTS_DIR = 'tests/fixtures/hostile/posts';

/** The posts that must be public at FIXTURE_NOW (noon in New York, 2026-11-27). */
const PUBLIC = [
  'on-the-stroke-of-noon',
  'colleagues-morning-post',
  'seven-pm-in-new-york',
  'ordinary-mdx',
  'ordinary-with-pictures',
  'raw-html-in-markdown',
  'pasted-control-characters',
  'yaml-spaced-date',
  'links-to-held-back-posts',
  'mdx-links-to-held-back-post',
];
/** What the public posts bring with them. */
const PUBLIC_TAGS = ['massage', 'recovery', 'stretching'];
const AUTHORS = ['ada-fixture'];
const PUBLIC_PICTURES = ['published-hero-sunrise', 'published-body-meadow'];

/** Posts that must be in no output: a word of their own, their address, and why they are out. */
const UNPUBLISHED = [
  { slug: 'draft-with-pictures', marker: 'DRAFTLEAKMARKER', why: 'a draft' },
  { slug: 'far-future-post', marker: 'FUTURELEAKMARKER', why: 'dated 2099' },
  { slug: 'one-second-after-noon', marker: 'SECONDLATEMARKER', why: 'due one second after the build\'s "now"' },
  { slug: 'Massage für Läufer', marker: 'SPACESLEAKMARKER', why: 'held back: its file name gives no address' },
  { slug: 'shouting-extension', marker: 'UPPERCASELEAKMARKER', why: 'held back: .MD' },
  { slug: 'broken-jsx', marker: 'BROKENJSXMARKER', why: 'held back: a tag left open in MDX' },
  { slug: 'undefined-expression', marker: 'UNDEFINEDEXPRMARKER', why: 'held back: an undefined name in MDX' },
  { slug: 'yaml-alias-bomb', marker: 'ALIASBOMBMARKER', why: 'held back: a YAML alias bomb' },
  { slug: 'deeply-nested', marker: 'DEEPNESTMARKER', why: 'held back: 5,000-deep nesting' },
  { slug: 'latin1-title', marker: 'LATINTITLEMARKER', why: 'held back: a title that is not UTF-8' },
  { slug: 'latin1-body', marker: 'LATINBODYMARKER', why: 'held back: a body that is not UTF-8' },
  { slug: 'js-function-tag', marker: 'JSFUNCMARKER', why: 'held back: !!js/function' },
  { slug: 'unfinished-idea', marker: 'UNFINISHEDMARKER', why: 'held back: an unquoted colon' },
  { slug: 'capital-tag-with-picture', marker: 'CAPITALTAGMARKER', why: 'held back: a capital in a tag' },
  { slug: 'percent-in-picture-path', marker: 'PERCENTPATHMARKER', why: 'held back: a lone % in a picture path' },
  { slug: 'text-saved-as-picture', marker: 'TEXTPICTUREMARKER', why: 'held back: a text file as its picture' },
  { slug: 'redirect-over-home-page', marker: 'HOMEREDIRECTMARKER', why: 'held back: an old address that is the home page' },
];
const UNPUBLISHED_PICTURES = [
  'draft-hero-secret',
  'draft-body-secret',
  'future-hero-2099',
  'future-body-2099',
  'heldback-hero-secret',
  'heldback-not-a-picture',
];
/** Tags and an old address only unpublished posts have. */
const UNPUBLISHED_NAMES = ['draft-only-tag', 'future-only-tag', 'deep-tissue', 'Deep Tissue', 'heldback-old-address', 'Läufer'];

/** Each held-back file, with the line, field and fix its one problem must name. */
const HELD_BACK: { file: string; line: number; field: string; fix: string }[] = [
  {
    file: '2026-11-25-Massage für Läufer.md',
    line: 1,
    field: '',
    fix: 'has a file name that gives the address "Massage für Läufer", which has spaces, capitals, accents or other signs; rename the file to 2026-11-25-massage-fur-laufer.md (lowercase words joined by hyphens), or set `slug: massage-fur-laufer`',
  },
  {
    file: '2026-11-25-broken-jsx.mdx',
    line: 11,
    field: 'body',
    fix: 'is not valid MDX here (Expected a closing tag for `<Callout>`); close every <Tag> you open',
  },
  {
    file: '2026-11-25-deeply-nested.md',
    line: 2,
    field: '',
    fix: 'is far larger than frontmatter should be (YAML anchors and aliases like &a and *a, or lists nested inside lists); write each field out plainly',
  },
  {
    file: '2026-11-25-js-function-tag.md',
    line: 7,
    field: 'canonical',
    fix: 'uses a YAML tag (a word after !!), which posts cannot use; remove it and write the value plainly',
  },
  { file: '2026-11-25-latin1-body.md', line: 11, field: '', fix: 'has characters that are not UTF-8 text; save the file as UTF-8' },
  { file: '2026-11-25-latin1-title.md', line: 2, field: '', fix: 'has characters that are not UTF-8 text; save the file as UTF-8' },
  { file: '2026-11-25-shouting-extension.MD', line: 1, field: '', fix: 'ends in ".MD"; rename the file so it ends in ".md" (lowercase)' },
  {
    file: '2026-11-25-percent-in-picture-path.md',
    line: 11,
    field: 'body',
    fix: 'the picture path ./images/50%-off.jpg has a % sign, which the site cannot read in a path; rename the picture without it',
  },
  {
    file: '2026-11-25-redirect-over-home-page.md',
    line: 7,
    field: 'redirectFrom #1',
    fix: '"/index.html" is an address of this site (the home page); a redirect there would hide that page',
  },
  {
    file: '2026-11-25-text-saved-as-picture.md',
    line: 8,
    field: 'image → src',
    fix: 'points to "./images/heldback-not-a-picture.jpg", which is a text file, so not a picture the site can show; save or export it again as JPEG, PNG, WebP or AVIF',
  },
  {
    file: '2026-11-25-undefined-expression.mdx',
    line: 9,
    field: 'body',
    fix: 'uses {prices}, which this post does not define; define it (export const prices = …) or remove the braces',
  },
  {
    file: '2026-11-25-yaml-alias-bomb.md',
    line: 2,
    field: '',
    fix: 'is far larger than frontmatter should be (YAML anchors and aliases like &a and *a, or lists nested inside lists); write each field out plainly',
  },
  {
    file: '2026-11-26-capital-tag-with-picture.md',
    line: 6,
    field: 'tags #1',
    fix: '"Deep Tissue" must be lowercase words joined by hyphens; write deep-tissue',
  },
  {
    file: '2026-11-27-unfinished-idea.md',
    line: 3,
    field: 'description',
    fix: 'has a colon in its text, which YAML reads as a new field; put the whole text in double quotes',
  },
];

/** `file:line  field  message` (or `file:line  message`), as people read problems. */
const problemLine = (p: { file: string; line: number; field: string; message: string }) =>
  `${p.file}:${p.line}  ${p.field ? `${p.field}  ` : ''}${p.message}`;
const heldBackLine = (h: (typeof HELD_BACK)[number]) => `${POSTS_DIR}/${h.file}:${h.line}  ${h.field ? `${h.field}  ` : ''}${h.fix}`;

interface PublishReport {
  now: string;
  holdBack: boolean;
  published: { slug: string; date: string; url: string; file: string }[];
  heldBack: { file: string; slug: string; problems: { file: string; line: number; field: string; message: string; severity: string }[] }[];
}
const publishReport = (): PublishReport => JSON.parse(readFileSync(SITES.hostile.env.BLOG_PUBLISH_REPORT, 'utf8')) as PublishReport;
const buildLog = () => readFileSync(buildLogFor('hostile'), 'utf8');

const textFiles = files.filter((f) => /\.(html|xml|json|txt|js|css|webmanifest)$/.test(f) || f === '_headers');
const text = (f: string) => readFileSync(join(dir, f), 'utf8');
/** The page's heading as it reads: the h1 carries a Pagefind attribute beside the text. */
const headingOf = (html: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1];
const json = (f: string) => JSON.parse(readDist(dir, f)) as Record<string, unknown>;
/** A post as the API serves it. */
const apiPost = (slug: string) =>
  json(`api/v1/posts/${slug}.json`).post as { slug: string; title: string; html: string; published_at: string };

/** The parts of the search index: one folder a year of publication. */
const searchParts = [...new Set(files.flatMap((f) => /^pagefind\/(\d{4})\//.exec(f)?.[1] ?? []))];

/** The Pagefind index, fragments and metadata, unpacked and lower-cased: what search can find. */
const searchData = files
  .filter((f) => /^pagefind\/.*\.pf_(fragment|index|meta)$/.test(f))
  .map((f) => ({
    file: f,
    data: gunzipSync(readFileSync(join(dir, f)))
      .toString('utf8')
      .toLowerCase(),
  }));

/**
 * Everywhere `needle` shows up in the build: in a file's name, in a text file,
 * or in the search index (which lower-cases words, drops punctuation and stems
 * "-er" endings). An empty list means it is nowhere.
 */
function whereFound(needle: string): string[] {
  const lower = needle.toLowerCase();
  const word = lower.replace(/[^\p{L}\p{N}]/gu, '');
  const forms = [...new Set([lower, word, word.replace(/er$/, '')])];
  return [
    ...files
      .filter((f) => f.toLowerCase().includes(lower) || f.toLowerCase().includes(encodeURIComponent(lower).toLowerCase()))
      .map((f) => `file name ${f}`),
    ...textFiles.filter((f) => text(f).toLowerCase().includes(lower)).map((f) => `text of ${f}`),
    ...searchData.filter((s) => forms.some((form) => s.data.includes(form))).map((s) => `search index ${s.file}`),
  ];
}

/** The <loc> addresses of the sitemap. */
const sitemapUrls = () => [...readDist(dir, 'sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
/** The addresses of the items of an RSS feed. */
const rssLinks = (f: string) => [...readDist(dir, f).matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
const postUrl = (slug: string) => `${SITE_URL}/posts/${slug}/`;

describe('the hold-back build of the hostile content', () => {
  it('built in hold-back mode at the fixtures\' "now", and wrote the workflow\'s record', () => {
    const report = publishReport();
    expect(report.holdBack).toBe(true);
    expect(report.now).toBe(new Date(FIXTURE_NOW).toISOString());
    expect(report.published.map((p) => p.slug).sort()).toEqual([...PUBLIC].sort());
  });
});

describe('1. a date with a time keeps its time (7 pm in New York is midnight UTC)', () => {
  it('is live, published at 2026-11-27T00:00:00Z in the API, the feeds and the record', () => {
    expect(apiPost('seven-pm-in-new-york').published_at).toBe('2026-11-27T00:00:00.000Z');
    const item = (json('feed.json').items as { id: string; date_published: string }[]).find(
      (i) => i.id === postUrl('seven-pm-in-new-york'),
    );
    expect(item?.date_published).toBe('2026-11-27T00:00:00.000Z');
    expect(readDist(dir, 'rss.xml')).toMatch(
      /<link>https:\/\/www\.myrituals\.me\/posts\/seven-pm-in-new-york\/<\/link>[\s\S]*?<pubDate>Fri, 27 Nov 2026 00:00:00 GMT<\/pubDate>/,
    );
    expect(publishReport().published.find((p) => p.slug === 'seven-pm-in-new-york')?.date).toBe('2026-11-27T00:00:00.000Z');
  });

  it('its page shows 19:00 New York time on November 26', () => {
    expect(readDist(dir, 'posts/seven-pm-in-new-york/index.html')).toMatch(
      /<time datetime="2026-11-26T19:00:00-05:00"[^>]*>November 26, 2026<\/time>/,
    );
  });
});

describe('2. control characters never make an output invalid', () => {
  const xmlFiles = files.filter((f) => f.endsWith('.xml'));
  const jsonFiles = files.filter((f) => f.endsWith('.json'));

  it('every XML file in dist is well-formed', () => {
    expect(xmlFiles.length).toBeGreaterThanOrEqual(2 + PUBLIC_TAGS.length + AUTHORS.length + 1);
    for (const f of xmlFiles) assertWellFormedXml(text(f), f);
  });

  it('every JSON file in dist parses', () => {
    expect(jsonFiles.length).toBeGreaterThan(PUBLIC.length);
    for (const f of jsonFiles) expect(() => JSON.parse(text(f)), f).not.toThrow();
  });

  it('every HTML page parses without an error that breaks a page', () => {
    for (const f of files.filter((f) => f.endsWith('.html'))) expect(pageBreakingErrors(text(f)), f).toEqual([]);
  });

  it('no page, feed or API file holds a character XML 1.0 forbids', () => {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
    for (const f of files.filter((f) => /\.(html|xml|json)$/.test(f))) expect(forbidden.test(text(f)), f).toBe(false);
  });

  it('the post with pasted characters is published with them taken out of its title, description and body', () => {
    const title = 'Pasted text from a word processor';
    expect(headingOf(readDist(dir, 'posts/pasted-control-characters/index.html'))).toBe(title);
    expect(readDist(dir, 'rss.xml')).toContain(`<title>${title}</title>`);
    const api = apiPost('pasted-control-characters');
    expect(api.title).toBe(title);
    expect(api.html).toContain('A line with a vertical tab, a form feed and a backspace, pasted from a word processor.');
    expect(api.html).toContain('a Windows quote pasted as Latin-1: its here.');
    expect(readDist(dir, 'feed.json')).toContain('carrying invisible characters that XML cannot hold.');
  });

  it('the build warned the writer about each line that had one', () => {
    for (const line of [2, 3, 9, 11]) {
      expect(buildLog()).toMatch(
        new RegExp(`${POSTS_DIR}/2026-11-21-pasted-control-characters\\.md:${line}  \\S+  has an invisible character \\(U\\+[0-9A-F]{4}`),
      );
    }
  });
});

describe('3. nothing unpublished reaches dist/ in any form', () => {
  it("every file in dist/ is one of the site's own or belongs to a public post, tag or author", () => {
    const siteFiles = [
      '404.html',
      'index.html',
      '_headers',
      '_redirects',
      'apple-touch-icon.png',
      'favicon.ico',
      'favicon.svg',
      'feed-icon.png',
      'robots.txt',
      'rss.xml',
      'feed.json',
      'sitemap-index.xml',
      'sitemap-0.xml',
      'og/default.png',
      'archive/index.html',
      'archive/2026/index.html',
      'archive/2026/11/index.html',
      'authors/index.html',
      'book/index.html',
      'search/index.html',
      'subscribe/index.html',
      'tags/index.html',
      'api/v1/authors.json',
      'api/v1/openapi.json',
      'api/v1/posts.json',
      'api/v1/posts/page/1.json',
      'api/v1/redirects.json',
      'api/v1/search.json',
      'api/v1/tags.json',
      // The editor: its page, its configuration (tags of public posts only, tests/build/admin.test.ts) and its script.
      'admin/index.html',
      'admin/config.yml',
      // The search index's entry module, and each part of the index (one a year of publication, src/lib/search-parts.ts) with Pagefind's own files.
      'pagefind/pagefind.js',
      ...searchParts.flatMap((part) =>
        [
          'pagefind.js',
          'pagefind-ui.js',
          'pagefind-ui.css',
          'pagefind-modular-ui.js',
          'pagefind-modular-ui.css',
          'pagefind-component-ui.js',
          'pagefind-component-ui.css',
          'pagefind-highlight.js',
          'pagefind-worker.js',
          'pagefind-entry.json',
          'wasm.en-us.pagefind',
          'wasm.unknown.pagefind',
        ].map((f) => `pagefind/${part}/${f}`),
      ),
    ];
    const expected = new Set([
      ...siteFiles,
      ...PUBLIC.flatMap((slug) => [`posts/${slug}/index.html`, `og/posts/${slug}.png`, `api/v1/posts/${slug}.json`]),
      ...PUBLIC_TAGS.flatMap((tag) => [
        `tags/${tag}/index.html`,
        `tags/${tag}/rss.xml`,
        `subscribe/tags/${tag}/index.html`,
        `api/v1/tags/${tag}.json`,
      ]),
      ...AUTHORS.flatMap((id) => [
        `authors/${id}/index.html`,
        `authors/${id}/rss.xml`,
        `subscribe/authors/${id}/index.html`,
        `api/v1/authors/${id}.json`,
      ]),
    ]);
    const allowed = [
      /^api\/v1\/schema\/[A-Z][A-Za-z]+\.json$/,
      /^pagefind\/\d{4}\/index\/en-us_[0-9a-f]+\.pf_index$/,
      /^pagefind\/\d{4}\/fragment\/en-us_[0-9a-f]+\.pf_fragment$/,
      /^pagefind\/\d{4}\/pagefind\.en-us_[0-9a-f]+\.pf_meta$/,
      /^pagefind\/\d{4}\/filter\/en-us_[0-9a-f]+\.pf_filter$/,
      // The site's four web fonts (src/assets/fonts/), named by content hash.
      /^_astro\/(lora-400|lora-400-italic|lora-600|inter-400)\.[\w-]+\.woff2$/,
      // The editor's bundle: code, its languages, fonts and workers, named by content hash; nothing of any post.
      /^admin\/cms\/(assets\/)?[\w.-]+\.(js|wasm|png|woff2|txt)$/,
      // Astro names an optimised picture after its source file: name.hash[_variant].ext
      new RegExp(`^_astro/(${PUBLIC_PICTURES.join('|')})\\.[\\w-]+\\.(jpg|webp|avif|png)$`),
    ];
    const unaccounted = files.filter((f) => !expected.has(f) && !allowed.some((p) => p.test(f)));
    expect(unaccounted).toEqual([]);
    expect([...expected].filter((f) => !files.includes(f))).toEqual([]);
    // Both public pictures made it (so the picture pattern is not vacuous).
    for (const picture of PUBLIC_PICTURES)
      expect(
        files.some((f) => f.startsWith(`_astro/${picture}.`)),
        picture,
      ).toBe(true);
  });

  it('finds what is public by the same search that must find nothing unpublished', () => {
    // Without these, an empty answer below could mean the search looks in the wrong places.
    expect(whereFound('published-hero-sunrise')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^file name _astro\//), expect.stringMatching(/^search index /)]),
    );
    expect(whereFound('colleagues-morning-post')).toEqual(
      expect.arrayContaining([
        'file name posts/colleagues-morning-post/index.html',
        'text of rss.xml',
        expect.stringMatching(/^search index pagefind\/\d{4}\/fragment\//),
      ]),
    );
    expect(whereFound('routine for tight hips')).toEqual(
      expect.arrayContaining(['text of posts/seven-pm-in-new-york/index.html', expect.stringMatching(/^search index /)]),
    );
  });

  for (const { slug, marker, why } of UNPUBLISHED) {
    it(`${slug} (${why}): its words and its address are in no file, file name or search index`, () => {
      expect(whereFound(marker)).toEqual([]);
      expect(whereFound(slug)).toEqual([]);
    });
  }

  it('the pictures of the draft, the 2099 post and a held-back post are in no file name, page, feed, API file or index', () => {
    for (const picture of UNPUBLISHED_PICTURES) expect(whereFound(picture), picture).toEqual([]);
  });

  it('tags and old addresses that only unpublished posts have are nowhere', () => {
    for (const name of UNPUBLISHED_NAMES) expect(whereFound(name), name).toEqual([]);
  });

  it('the sitemap, the feeds, the API lists, the search index and the cards hold exactly the public posts', () => {
    const expected = PUBLIC.map(postUrl).sort();
    expect(
      sitemapUrls()
        .filter((u) => u.includes('/posts/'))
        .sort(),
    ).toEqual(expected);
    expect(rssLinks('rss.xml').sort()).toEqual(expected);
    expect((json('feed.json').items as { url: string }[]).map((i) => i.url).sort()).toEqual(expected);
    expect((json('api/v1/posts.json').posts as { url: string }[]).map((p) => p.url).sort()).toEqual(expected);
    expect((json('api/v1/search.json').posts as { url: string }[]).map((p) => p.url).sort()).toEqual(expected);
    const indexed = searchData
      .filter((s) => /^pagefind\/\d{4}\/fragment\//.test(s.file))
      .map((s) => (JSON.parse(s.data.slice('pagefind_dcd'.length)) as { url: string }).url);
    expect(indexed.map((u) => `${SITE_URL}${u}`).sort()).toEqual(expected);
    expect(files.filter((f) => f.startsWith('og/posts/')).sort()).toEqual(PUBLIC.map((s) => `og/posts/${s}.png`).sort());
  });
});

describe('4. one build, one "now"', () => {
  it('a post dated exactly at "now" is out with its card; one dated a second later is not, card included', () => {
    expect(files).toContain('posts/on-the-stroke-of-noon/index.html');
    expect(files).toContain('og/posts/on-the-stroke-of-noon.png');
    expect(whereFound('one-second-after-noon')).toEqual([]);
  });

  it('every picture a page names for sharing (og:image) was drawn', () => {
    const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('admin/'));
    let seen = 0;
    for (const page of pages) {
      for (const m of text(page).matchAll(/<meta property="og:image" content="([^"]+)"/g)) {
        seen++;
        const path = new URL(m[1]!).pathname.slice(1);
        expect(files, `${page} shares ${m[1]}`).toContain(path);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(pages.length);
  });
});

describe('5. what the check passes builds, and what it fails, it explains', () => {
  it('npm run check fails exactly the posts the build held back, in the same words', () => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/check.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: join(FIXTURES, 'hostile'), BLOG_NOW: FIXTURE_NOW },
    });
    expect(run.status).toBe(1);
    const errorLines = (out: string) =>
      out
        .split('\n')
        .filter((l) => l.startsWith(`  ${POSTS_DIR}/`))
        .map((l) => l.trim());
    const fromCheck = errorLines(run.stdout);
    for (const held of HELD_BACK)
      expect(
        fromCheck.some((l) => l.startsWith(heldBackLine(held))),
        held.file,
      ).toBe(true);
    // The build's log lists the same lines: the errors of the posts held back, and the warnings.
    expect(errorLines(buildLog()).sort()).toEqual(fromCheck.sort());
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at |Error:|\.ts:\d/m);
  });

  it('the MDX and YAML slips the build once crashed on are held back with their reasons, not a stack trace', () => {
    const log = buildLog();
    for (const file of [
      '2026-11-25-broken-jsx.mdx',
      '2026-11-25-undefined-expression.mdx',
      '2026-11-25-js-function-tag.md',
      '2026-11-25-shouting-extension.MD',
    ]) {
      expect(log).toContain(heldBackLine(HELD_BACK.find((h) => h.file === file)!));
    }
    expect(log).not.toMatch(/An unhandled error|Stack trace|^\s+at /m);
  });
});

describe('6. file names that give no address are refused with a rename', () => {
  it('no output has an address with a space, an escape or a character outside a-z, 0-9, - and /', () => {
    const bad = files.filter((f) => !/^[A-Za-z0-9_./-]+$/.test(f));
    expect(bad).toEqual([]);
    for (const url of sitemapUrls()) expect(new URL(url).pathname, url).toMatch(/^\/([a-z0-9-]+\/)*$/);
  });

  it('the record names the file and the name to rename it to; the .MD file is told to use .md', () => {
    const held = new Map(publishReport().heldBack.map((h) => [h.file, h.problems.map(problemLine)]));
    expect(held.get(`${POSTS_DIR}/2026-11-25-Massage für Läufer.md`)?.[0]).toContain('rename the file to 2026-11-25-massage-fur-laufer.md');
    expect(held.get(`${POSTS_DIR}/2026-11-25-shouting-extension.MD`)?.[0]).toContain('rename the file so it ends in ".md"');
  });
});

describe('7. malice and bad luck end in a message, not a crash', () => {
  it('the alias bomb, 5,000-deep nesting, Latin-1 bytes and !!js/function each get one message naming the line and the fix', () => {
    const held = new Map(publishReport().heldBack.map((h) => [h.file, h.problems.map(problemLine)]));
    for (const file of [
      '2026-11-25-yaml-alias-bomb.md',
      '2026-11-25-deeply-nested.md',
      '2026-11-25-latin1-title.md',
      '2026-11-25-latin1-body.md',
      '2026-11-25-js-function-tag.md',
    ]) {
      const expected = HELD_BACK.find((h) => h.file === file)!;
      expect(held.get(`${POSTS_DIR}/${file}`), file).toEqual([expect.stringContaining(heldBackLine(expected))]);
    }
  });

  it('the date form YAML itself writes (2026-11-20 09:00:00 -05:00) is a time, published at 14:00 UTC', () => {
    expect(apiPost('yaml-spaced-date').published_at).toBe('2026-11-20T14:00:00.000Z');
    expect(readDist(dir, 'posts/yaml-spaced-date/index.html')).toContain('<time datetime="2026-11-20T09:00:00-05:00"');
  });
});

describe('8. raw HTML does not travel in feeds or the API', () => {
  const DANGEROUS = [/<script\b/i, /<iframe\b/i, /javascript:/i, /\son[a-z]+\s*=/i];
  const feeds = files.filter((f) => f.endsWith('rss.xml') || f === 'feed.json');
  const apiPosts = files.filter((f) => /^api\/v1\/posts\/[^/]+\.json$/.test(f));

  it('no feed holds <script>, <iframe>, a javascript: link or an on…= attribute, written plainly or as entities', () => {
    expect(feeds.length).toBe(2 + PUBLIC_TAGS.length + AUTHORS.length);
    for (const f of feeds) {
      for (const form of [text(f), decodeEntities(text(f))])
        for (const pattern of DANGEROUS) expect(form, `${f} ${pattern}`).not.toMatch(pattern);
    }
  });

  it("no API post's html does", () => {
    expect(apiPosts).toHaveLength(PUBLIC.length);
    for (const f of apiPosts) {
      const html = (json(f).post as { html: string }).html;
      for (const pattern of DANGEROUS) expect(html, `${f} ${pattern}`).not.toMatch(pattern);
    }
  });

  it('the post keeps its text and its ordinary picture in the feed and the API', () => {
    const { html } = apiPost('raw-html-in-markdown');
    expect(html).toContain('A paragraph before the pasted HTML.');
    expect(html).toContain('A paragraph after the pasted HTML.');
    expect(html).toMatch(/<img src="https:\/\/example\.com\/x\.png" alt="A picture with an error handler" ?\/?>/);
    const item = (json('feed.json').items as { id: string; content_html: string }[]).find((i) => i.id === postUrl('raw-html-in-markdown'));
    expect(item?.content_html).toContain('A paragraph after the pasted HTML.');
  });
});

describe('a post that links to held-back posts goes out; the links do not', () => {
  const page = () => readDist(dir, 'posts/links-to-held-back-posts/index.html');

  it('its page keeps the words of both links without a link, and its link to a public post', () => {
    expect(page()).toContain('This post links to an idea still in the works and to a post with a tag in capitals.');
    // Smart punctuation turns the apostrophe into ’.
    expect(page()).toContain('<a href="../colleagues-morning-post/">the colleague’s post</a>');
    expect(apiPost('links-to-held-back-posts').html).not.toMatch(/unfinished-idea|capital-tag-with-picture/);
  });

  it('an MDX post does the same: the words stay, the link goes', () => {
    const html = readDist(dir, 'posts/mdx-links-to-held-back-post/index.html');
    expect(html).toContain('Stretch for 8 minutes, then read the post about nesting once it is fixed.');
    expect(html).not.toContain('deeply-nested');
  });

  it('the build log warns about each link, naming the file to fix', () => {
    for (const [slug, file] of [
      ['unfinished-idea', '2026-11-27-unfinished-idea.md'],
      ['capital-tag-with-picture', '2026-11-26-capital-tag-with-picture.md'],
    ]) {
      expect(buildLog()).toContain(
        `${POSTS_DIR}/2026-11-26-links-to-held-back-posts.md:9  body  links to "../${slug}/", whose post is held back for problems of its own (listed under ${POSTS_DIR}/${file}); this post still goes out, with the link shown as plain text until that post is fixed.`,
      );
    }
  });
});

describe('issue 13: one bad post holds back only itself', () => {
  const valid = 'colleagues-morning-post';
  const broken = ['unfinished-idea', 'capital-tag-with-picture'];

  it('the valid post due this morning is in every output: page, lists, feeds, API, sitemap, search and card', () => {
    const url = postUrl(valid);
    expect(headingOf(readDist(dir, `posts/${valid}/index.html`))).toBe('The colleague&#39;s morning post');
    expect(readDist(dir, 'index.html')).toContain(`href="/posts/${valid}/"`);
    expect(readDist(dir, 'tags/recovery/index.html')).toContain(`href="/posts/${valid}/"`);
    for (const feed of ['rss.xml', 'tags/recovery/rss.xml', 'authors/ada-fixture/rss.xml']) expect(rssLinks(feed), feed).toContain(url);
    expect((json('feed.json').items as { url: string }[]).map((i) => i.url)).toContain(url);
    expect((json('api/v1/posts.json').posts as { slug: string }[]).map((p) => p.slug)).toContain(valid);
    expect(apiPost(valid)).toMatchObject({ slug: valid, published_at: '2026-11-27T12:00:00.000Z' });
    expect((json('api/v1/search.json').posts as { slug: string }[]).map((p) => p.slug)).toContain(valid);
    expect(sitemapUrls()).toContain(url);
    expect(whereFound(valid)).toEqual(expect.arrayContaining([expect.stringMatching(/^search index pagefind\/\d{4}\/fragment\//)]));
    const card = readFileSync(join(dir, `og/posts/${valid}.png`));
    expect(card.subarray(1, 4).toString()).toBe('PNG');
    expect(readDist(dir, `posts/${valid}/index.html`)).toContain(`<meta property="og:image" content="${SITE_URL}/og/posts/${valid}.png">`);
  });

  it('the broken posts due at midnight are in none, their picture and old address included', () => {
    for (const slug of broken) expect(whereFound(slug), slug).toEqual([]);
    expect(whereFound('heldback-hero-secret')).toEqual([]);
    expect(whereFound('heldback-old-address')).toEqual([]);
  });

  it('the build log says which posts were held back and why, in file:line  field  fix words', () => {
    const log = buildLog();
    expect(log).toContain(`Held back ${HELD_BACK.length} posts: they are in no page, feed, picture or index of this build until fixed.`);
    for (const held of HELD_BACK) expect(log, held.file).toContain(heldBackLine(held));
  });

  it('the publish record names each held-back post with its problems, and only those', () => {
    const report = publishReport();
    expect(report.heldBack.map((h) => h.file).sort()).toEqual(HELD_BACK.map((h) => `${POSTS_DIR}/${h.file}`).sort());
    for (const held of HELD_BACK) {
      const entry = report.heldBack.find((h) => h.file === `${POSTS_DIR}/${held.file}`)!;
      expect(entry.problems.filter((p) => p.severity === 'error').map(problemLine), held.file).toEqual([
        expect.stringContaining(heldBackLine(held)),
      ]);
    }
  });

  it('the same content built strictly (the default) fails with the content report and no stack trace', () => {
    const strict = buildSite({ name: 'hostile-strict', contentDir: SITES.hostile.contentDir, now: FIXTURE_NOW }, { reuse: false });
    expect(strict.ok).toBe(false);
    expect(strict.output).toContain('Content has problems. Fix these and build again');
    for (const held of HELD_BACK) expect(strict.output, held.file).toContain(heldBackLine(held));
    expect(strict.output).not.toMatch(/An unhandled error|Stack trace|^\s+at /m);
    expect(existsSync(strict.outDir)).toBe(false);
  }, 120_000);
});
