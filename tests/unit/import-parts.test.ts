/**
 * The import's decisions one at a time (src/lib/import/): descriptions and
 * titles fitted to the schema, dates in the studio's zone, addresses, tags,
 * authors, pictures, the HTML to Markdown conversion, reading sources and
 * pages, the file fingerprint and what a re-run does.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorSchema } from '../../src/schema/author.ts';
import { postSchema } from '../../src/schema/post.ts';
import { parseMarkdownSource, parseYamlSource } from '../../src/lib/content/source-file.ts';
import { authorName, matchAuthor, newAuthorFile } from '../../src/lib/import/authors.ts';
import { sourceDate } from '../../src/lib/import/dates.ts';
import { decide } from '../../src/lib/import/decide.ts';
import { bodyPictures, htmlToMarkdown, type PicturePlace } from '../../src/lib/import/html-to-markdown.ts';
import { discoverFeed, readPostPage } from '../../src/lib/import/page.ts';
import { originalPictureUrl, pictureBaseNames, sniffPicture } from '../../src/lib/import/pictures.ts';
import { freeSlug, linkKey, oldPath, slugFor, tagsFrom } from '../../src/lib/import/plan.ts';
import { readSourceText } from '../../src/lib/import/read-source.ts';
import { editedSinceImport, importHash, recordedHash, renderPost } from '../../src/lib/import/render.ts';
import { formatSummary } from '../../src/lib/import/summary.ts';
import { fitDescription, fitTitle } from '../../src/lib/import/text.ts';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-27T12:00:00-05:00');

describe('fitDescription', () => {
  it('takes whole sentences until the minimum is reached', () => {
    expect(fitDescription(['Sore legs? Massage helps. Here is what one study found in the muscle itself, and why.'], 50, 180)).toEqual({
      text: 'Sore legs? Massage helps. Here is what one study found in the muscle itself, and why.',
      cut: false,
    });
    expect(fitDescription(['A first sentence that is long enough on its own to be the summary. A second one.'], 50, 180)).toEqual({
      text: 'A first sentence that is long enough on its own to be the summary.',
      cut: false,
    });
  });

  it('reads HTML, and drops a teaser\'s ellipsis and "Read more"', () => {
    expect(fitDescription(['<p>Massage after a workout does more than relax you&nbsp;&hellip;</p>'], 40, 180)?.text).toBe(
      'Massage after a workout does more than relax you',
    );
    expect(fitDescription(['Short summary here, then the link. Read more →'], 20, 180)?.text).toBe('Short summary here, then the link.');
  });

  it('falls back to the body when the excerpt is too short', () => {
    expect(
      fitDescription(['Too short.', '<p>The body has a first sentence that is comfortably over fifty characters.</p>'], 50, 180)?.text,
    ).toBe('The body has a first sentence that is comfortably over fifty characters.');
  });

  it('cuts at a word, with an ellipsis, when no sentence fits', () => {
    const long = `${'word '.repeat(60).trim()}.`;
    const fitted = fitDescription([long], 50, 180)!;
    expect(fitted.cut).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(180);
    expect(fitted.text).toMatch(/ word…$/);
  });

  it('gives up when nothing reaches the minimum', () => {
    expect(fitDescription(['Tiny.', undefined, '<p>Also tiny.</p>'], 50, 180)).toBeUndefined();
  });
});

describe('fitTitle', () => {
  it('keeps a title within the limit, and cuts a longer one at a word', () => {
    expect(fitTitle('  Massage   after exercise ', 100)).toEqual({ title: 'Massage after exercise' });
    expect(fitTitle('One two three four five', 14)).toEqual({ title: 'One two three…', shortenedFrom: 23 });
  });
});

describe('sourceDate', () => {
  it("keeps the instant, written in the studio's zone with its offset", () => {
    expect(sourceDate('Tue, 10 Jun 2025 13:05:00 GMT', TZ, NOW)).toMatchObject({ ok: true, value: '2025-06-10T09:05:00-04:00' });
    expect(sourceDate('2025-01-15T14:00:00+01:00', TZ, NOW)).toMatchObject({ ok: true, value: '2025-01-15T08:00:00-05:00' });
    expect(sourceDate('2025-06-10T13:05:00.789Z', TZ, NOW)).toMatchObject({ ok: true, value: '2025-06-10T09:05:00-04:00' });
  });

  it("writes midnight in the studio's zone as the day alone", () => {
    expect(sourceDate('Mon, 02 Jun 2025 04:00:00 GMT', TZ, NOW)).toMatchObject({ ok: true, value: '2025-06-02' });
    expect(sourceDate('2025-06-02', TZ, NOW)).toMatchObject({ ok: true, value: '2025-06-02' });
  });

  it("reads a time without an offset in the studio's zone", () => {
    expect(sourceDate('2024-11-20T09:00:00', TZ, NOW)).toMatchObject({ ok: true, value: '2024-11-20T09:00:00-05:00' });
  });

  it('refuses what is not a date, or not a believable one', () => {
    expect(sourceDate(undefined, TZ, NOW)).toEqual({ ok: false, reason: 'the source gives no date' });
    expect(sourceDate('last Tuesday', TZ, NOW)).toEqual({ ok: false, reason: 'the source\'s date "last Tuesday" is not a date' });
    expect(sourceDate('Mon, 30 Nov -0001 00:00:00 +0000', TZ, NOW)).toMatchObject({ ok: false });
    expect(sourceDate('2031-01-01T00:00:00Z', TZ, NOW)).toMatchObject({ ok: false });
  });
});

describe('addresses and tags', () => {
  it('keys a link by host without www and path without a final slash; keeps WordPress ?p= ids', () => {
    expect(linkKey('https://www.myrituals.me/post/Massage/#top')).toBe('myrituals.me/post/Massage');
    expect(linkKey('http://myrituals.me/post/Massage?utm_source=x')).toBe('myrituals.me/post/Massage');
    expect(linkKey('https://blog.example/?p=12')).toBe('blog.example/?p=12');
    expect(linkKey('mailto:a@b.c')).toBeUndefined();
  });

  it('takes the old path for redirectFrom, but not the home page', () => {
    expect(oldPath('https://www.myrituals.me/post/massage-after-exercise')).toBe('/post/massage-after-exercise');
    expect(oldPath('https://blog.example/?p=13')).toBeUndefined();
  });

  it('makes the new address from the old one when it can, else from the title', () => {
    expect(slugFor('https://www.myrituals.me/post/massage-after-exercise', 'Anything')).toBe('massage-after-exercise');
    expect(slugFor('https://blog.example/2024/03/05/Desk_Stretches/', 'x')).toBe('desk-stretches');
    expect(slugFor('https://blog.example/journal/hamstrings.html', 'x')).toBe('hamstrings');
    expect(slugFor('https://blog.example/post/caf%C3%A9-au-lait', 'x')).toBe('cafe-au-lait');
    expect(slugFor('https://blog.example/2024/03/05/', 'Five stretches for desk workers')).toBe('five-stretches-for-desk-workers');
    expect(slugFor(undefined, 'A title that goes on and on well past the sixty characters an address may have')).toBe(
      'a-title-that-goes-on-and-on-well-past-the-sixty-characters',
    );
  });

  it('finds the next free address', () => {
    const taken = new Set(['massage', 'massage-2']);
    expect(freeSlug('massage', (s) => taken.has(s))).toBe('massage-3');
    expect(freeSlug('stretch', (s) => taken.has(s))).toBe('stretch');
  });

  it('turns categories into at most five slug tags, each once', () => {
    expect(tagsFrom(['Thai Yoga Massage', 'thai yoga massage', 'Wellness Tips', '!!!', 'A', 'B', 'C', 'D'], 5)).toEqual({
      tags: ['thai-yoga-massage', 'wellness-tips', 'a', 'b', 'c'],
      left: ['d'],
    });
  });
});

describe('authors', () => {
  const known = [
    { id: 'lauren-walker', name: 'Lauren Walker' },
    { id: 'zoe', name: 'Zoë Núñez' },
  ];

  it('matches a name whatever its case, spacing and accents', () => {
    expect(matchAuthor('lauren  WALKER', known)).toBe('lauren-walker');
    expect(matchAuthor('Zoe Nunez', known)).toBe('zoe');
    expect(matchAuthor('Maya Chen', known)).toBeUndefined();
  });

  it('ignores an email address given as a name', () => {
    expect(authorName('lauren@example.com')).toBeUndefined();
    expect(authorName('  Maya   Chen ')).toBe('Maya Chen');
  });

  it('writes a new author file the author schema accepts', () => {
    const { id, text } = newAuthorFile('Maya Chen', 'Wellness Rituals');
    expect(id).toBe('maya-chen');
    const schema = authorSchema;
    expect(schema.safeParse(parseYamlSource('maya-chen.yaml', text).data).success).toBe(true);
  });
});

describe('pictures', () => {
  it('asks a site builder for the original, not a resized copy', () => {
    expect(originalPictureUrl('https://static.wixstatic.com/media/ab12_c3~mv2.jpg/v1/fill/w_740,h_493,al_c,q_85/ab12_c3~mv2.jpg')).toBe(
      'https://static.wixstatic.com/media/ab12_c3~mv2.jpg',
    );
    expect(originalPictureUrl('https://blog.example/photo.jpg')).toBe('https://blog.example/photo.jpg');
  });

  it('tells the kind of picture from its first bytes', () => {
    expect(sniffPicture(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(sniffPicture(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('png');
    expect(sniffPicture(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffPicture(new TextEncoder().encode('<!doctype html>'))).toBeUndefined();
  });

  it('names files after the address, each name once', () => {
    const names = pictureBaseNames([
      'https://a.example/media/Calf%20Stretch.JPG',
      'https://b.example/other/calf-stretch.png',
      'https://a.example/media/Calf%20Stretch.JPG',
      'https://a.example/',
    ]);
    expect([...names.values()].slice(0, 2)).toEqual(['calf-stretch', 'calf-stretch-2']);
    expect(names.size).toBe(3);
    expect(names.get('https://a.example/')).toMatch(/^picture-[0-9a-f]{8}$/);
  });
});

describe('htmlToMarkdown', () => {
  const pictures = new Map<string, PicturePlace>([
    ['https://old.example/media/a.jpg', { file: './images/p/a.jpg' }],
    ['https://old.example/media/b.jpg', { failed: 'https://old.example/media/b.jpg: not found (HTTP 404)' }],
  ]);
  const convert = (html: string, skipPicture?: string) =>
    htmlToMarkdown(html, {
      baseUrl: 'https://old.example/post/here',
      pictures,
      skipPicture,
      linkTarget: (url) => (url.pathname === '/post/other' ? '../other/' : undefined),
    });

  it('starts headings at level 2, every level moved by the same step', () => {
    expect(convert('<h1>A</h1><p>x</p><h2>B</h2><h4>C</h4>').markdown).toBe('## A\n\nx\n\n### B\n\n##### C\n');
    expect(convert('<h3>A</h3><h4>B</h4>').markdown).toBe('## A\n\n### B\n');
  });

  it('points pictures to their files, prompts for missing alt text, and leaves out the hero and failed pictures', () => {
    const result = convert(
      '<p><img src="/media/a.jpg" alt="A calf stretch"></p><p><img src="/media/a.jpg"></p><p><img src="/media/b.jpg" alt="b"></p>',
    );
    expect(result.markdown).toBe('![A calf stretch](./images/p/a.jpg)\n\n![✎ Describe this picture](./images/p/a.jpg)\n');
    expect(result.missingAlt).toBe(1);
    expect(result.dropped).toEqual([
      { url: 'https://old.example/media/b.jpg', reason: 'https://old.example/media/b.jpg: not found (HTTP 404)' },
    ]);
    expect(
      convert('<p><img data-src="/media/a.jpg" src="data:image/gif;base64,R0l" alt="x"></p><p>Text</p>', 'https://old.example/media/a.jpg')
        .markdown,
    ).toBe('Text\n');
  });

  it('rewrites links to imported posts, keeps others absolute, and collects DOIs', () => {
    const result = convert(
      '<p>See <a href="/post/other">the other post</a>, <a href="https://elsewhere.example/x">this</a> and <a href="https://dx.doi.org/10.1126/scitranslmed.3002882">Crane et al. (2012)</a>.</p>',
    );
    expect(result.markdown).toBe(
      'See [the other post](../other/), [this](https://elsewhere.example/x) and [Crane et al. (2012)](https://dx.doi.org/10.1126/scitranslmed.3002882).\n',
    );
    expect(result.dois).toEqual([{ doi: '10.1126/scitranslmed.3002882', text: 'Crane et al. 2012' }]);
  });

  it('writes lists with one space after the marker, line breaks as backslashes, and drops empty paragraphs', () => {
    expect(convert('<ol start="3"><li>Three</li><li>Four</li></ol><p><br></p><p>a<br>b</p><p>&nbsp;</p>').markdown).toBe(
      '3. Three\n4. Four\n\na\\\nb\n',
    );
  });

  it('turns a video embed into a link', () => {
    expect(convert('<iframe src="https://www.youtube.com/embed/abc"></iframe>').markdown).toBe(
      '[Watch the video](https://www.youtube.com/embed/abc)\n',
    );
  });

  it("lists the body's pictures in order, each once, as originals", () => {
    expect(
      bodyPictures('<img src="a.jpg" alt="A"><img srcset="s.jpg 300w, l.jpg 1200w"><img src="a.jpg">', 'https://old.example/post/'),
    ).toEqual([
      { url: 'https://old.example/post/a.jpg', alt: 'A' },
      { url: 'https://old.example/post/l.jpg', alt: undefined },
    ]);
  });
});

describe('readSourceText', () => {
  it('tells a WordPress export from a feed, and a web page from both', () => {
    const wxr =
      '<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>W</title></channel></rss>';
    expect(readSourceText(wxr)).toMatchObject({ ok: true, kind: 'wxr', posts: [] });
    expect(readSourceText('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title></channel></rss>')).toMatchObject({
      ok: true,
      kind: 'rss',
    });
    expect(readSourceText('<!DOCTYPE html><html><body>hi</body></html>')).toEqual({ ok: false, kind: 'html' });
  });

  it('reads a sitemap as a list of addresses', () => {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
      <url><loc>https://www.myrituals.me/post/massage-after-exercise</loc><lastmod>2025-06-10</lastmod></url>
      <url><loc>https://www.myrituals.me/post/thai-yoga-massage-basics</loc></url></urlset>`;
    expect(readSourceText(sitemap)).toMatchObject({
      ok: true,
      kind: 'url-list',
      posts: [
        { id: 'https://www.myrituals.me/post/massage-after-exercise', summaryOnly: true },
        { id: 'https://www.myrituals.me/post/thai-yoga-massage-basics', summaryOnly: true },
      ],
    });
  });

  it('says where XML is not well-formed', () => {
    expect(readSourceText('<rss version="2.0"><channel><item><title>x</title></channel></rss>')).toEqual({
      ok: false,
      reason:
        "is not well-formed XML (line 1, column 51: Expected closing tag 'item' (opened in line 1, col 29) instead of closing tag 'channel'); export the feed again, or fix that line",
    });
  });

  it('refuses XML that is no feed, and text that is no list of addresses', () => {
    expect(readSourceText('<?xml version="1.0"?><note><to>x</to></note>')).toMatchObject({
      ok: false,
      reason: 'is XML, but not a feed (RSS, Atom) or a WordPress export',
    });
    expect(readSourceText('hello there')).toMatchObject({ ok: false, reason: expect.stringMatching(/^is neither a feed/) });
    expect(readSourceText('   ')).toEqual({ ok: false, reason: 'is empty' });
  });

  it('reads an Atom entry whose content is plain text as a paragraph', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2025-01-01T00:00:00Z</updated>
      <entry><id>urn:1</id><title>T &amp; U</title><updated>2025-01-01T00:00:00Z</updated><content type="text">Fish &amp; chips &lt;3</content></entry></feed>`;
    const read = readSourceText(atom);
    expect(read).toMatchObject({
      ok: true,
      kind: 'atom',
      posts: [{ id: 'urn:1', title: 'T & U', html: '<p>Fish &amp; chips &lt;3</p>', summaryOnly: false }],
    });
  });
});

describe('readPostPage', () => {
  it('finds a WordPress article body and the facts in its structured data', () => {
    const html = `<!doctype html><html><head><title>Desk stretches | Studio</title>
      <meta property="og:image" content="/wp-content/uploads/hero.jpg"><meta property="og:image:alt" content="A desk">
      <meta property="article:tag" content="Posture"><meta property="article:tag" content="Desk Work">
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":["BlogPosting"],"headline":"Desk stretches","datePublished":"2024-03-05T10:30:00-05:00","author":[{"@type":"Person","name":"Lauren Walker"}]}]}</script>
      </head><body><article><header class="entry-header"><h1>Desk stretches</h1></header>
      <div class="entry-content"><p>Sitting all day shortens the muscles at the front of the hips and rounds the shoulders; these five stretches help, and they need only a chair.</p>
      <div class="sharedaddy">Share this</div><script>track()</script></div></article></body></html>`;
    expect(readPostPage(html, 'https://blog.example/2024/03/desk/')).toEqual({
      ok: true,
      title: 'Desk stretches',
      html: '<p>Sitting all day shortens the muscles at the front of the hips and rounds the shoulders; these five stretches help, and they need only a chair.</p>',
      excerpt: undefined,
      authorName: 'Lauren Walker',
      published: '2024-03-05T10:30:00-05:00',
      hero: { url: 'https://blog.example/wp-content/uploads/hero.jpg', alt: 'A desk' },
      categories: ['Posture', 'Desk Work'],
    });
  });

  it('refuses a page whose article has almost no text', () => {
    expect(readPostPage('<article><p>Coming soon.</p></article>', 'https://x.example/')).toEqual({
      ok: false,
      reason: 'the page does not look like a blog post (its article has almost no text)',
    });
  });

  it('refuses an index page: a Wix blog list has one summary section a post', () => {
    const teaser = (n: number) =>
      `<div data-hook="post-list-item"><h2>Post ${n}</h2><div data-hook="post-description"><p>A summary of post ${n}, long enough to pass for an article if it were the only one on the page, which it is not.</p></div></div>`;
    expect(readPostPage(`<main>${teaser(1)}${teaser(2)}</main>`, 'https://x.example/blog')).toEqual({
      ok: false,
      reason: 'the page does not look like a blog post (no article found in it)',
    });
  });

  it('finds the feed a page announces', () => {
    expect(
      discoverFeed(
        '<html><head><link rel="alternate" type="application/atom+xml" href="/feed.atom"></head></html>',
        'https://x.example/blog',
      ),
    ).toBe('https://x.example/feed.atom');
    expect(discoverFeed('<html><head></head></html>', 'https://x.example/blog')).toBeUndefined();
  });
});

describe('the post file and its fingerprint', () => {
  const schema = postSchema;
  const text = renderPost(schema, {
    values: {
      title: 'A title',
      description: 'A description that is long enough for the fifty character minimum.',
      author: 'lauren-walker',
      date: '2025-06-10T09:05:00-04:00',
      tags: ['massage'],
      draft: true,
      redirectFrom: ['/post/a-title'],
      importedFrom: { source: 'guid-1' },
    },
    draftReasons: ['title: write a better one'],
    dois: [{ doi: '10.1000/xyz', text: '' }],
    body: 'Body text.',
  });

  it('writes frontmatter the schema accepts, with the reasons and proposed sources as comments', () => {
    const parsed = parseMarkdownSource('x.md', text);
    expect(parsed.syntaxErrors).toEqual([]);
    expect(schema.safeParse(parsed.data).success).toBe(true);
    expect(text).toContain('# Held as a draft by the import. Fix these, then remove `draft: true`:\n# - title: write a better one\n');
    expect(text).toContain(
      "#     year: ✎ year\n#     title: ✎ the article's title\n#     container: ✎ the journal\n#     doi: 10.1000/xyz\n---\n\nBody text.\n",
    );
  });

  it('records the SHA-256 of the file as written, read with an empty hash', () => {
    const hash = recordedHash(text)!;
    const independent = createHash('sha256')
      .update(text.replace(`hash: "${hash}"`, 'hash: ""'))
      .digest('hex')
      .slice(0, 16);
    expect(hash).toBe(independent);
    expect(importHash(text)).toBe(hash);
    expect(editedSinceImport(text)).toBe(false);
    expect(editedSinceImport(text.replace('Body text.', 'Body text, edited.'))).toBe(true);
    expect(editedSinceImport(text.replace(/ {2}hash: .*\n/, ''))).toBe(true);
  });

  it('decides what a re-run does', () => {
    const edited = text.replace('Body text.', 'Edited.');
    const values = parseMarkdownSource('x', text).data as Record<string, unknown>;
    const newer = renderPost(schema, {
      values: { ...values, importedFrom: { source: 'guid-1' } },
      draftReasons: [],
      dois: [],
      body: 'Newer text.',
    });
    expect(decide(undefined, text, false)).toEqual({ action: 'create' });
    expect(decide(text, text, false)).toEqual({ action: 'unchanged' });
    expect(decide(text, newer, false)).toEqual({ action: 'update', overwritesEdits: false });
    expect(decide(edited, newer, false)).toMatchObject({ action: 'keep' });
    expect(decide(edited, newer, true)).toEqual({ action: 'update', overwritesEdits: true });
  });
});

describe('formatSummary', () => {
  it('gives one line a post, the counts, and the fixes for drafts', () => {
    const summary = formatSummary({
      source: 'https://old.example/feed.xml',
      kind: 'rss',
      dryRun: false,
      authorsCreated: [],
      rows: [
        { status: 'created', file: 'content/posts/a.md', source: 'https://old.example/post/a', draft: false, reasons: [], notes: [] },
        {
          status: 'created',
          file: 'content/posts/b.md',
          source: 'https://old.example/post/b',
          draft: true,
          reasons: ['title: too long'],
          notes: ['tagged "archive"'],
        },
        {
          status: 'kept',
          file: 'content/posts/c.md',
          source: 'https://old.example/post/c',
          draft: false,
          reasons: ['edited here'],
          notes: [],
        },
        { status: 'failed', source: 'https://old.example/post/d', draft: false, reasons: ['not found (HTTP 404)'], notes: [] },
      ],
    });
    expect(summary).toBe(`4 posts from https://old.example/feed.xml (RSS feed).

  created  content/posts/a.md
  draft    content/posts/b.md  1 thing to fix, listed below
             note: tagged "archive"
  kept     content/posts/c.md  edited here
  failed   https://old.example/post/d  not found (HTTP 404)

1 created, 0 updated, 0 unchanged, 1 held as draft, 1 kept as they are, 1 failed.

To fix before publishing (then remove \`draft: true\`); until then their old addresses lead nowhere,
so fix them before the old site goes away:
  content/posts/b.md
    - title: too long

Next: npm run check, then npm run dev to read the imported posts.`);
  });
});
