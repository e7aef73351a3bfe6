import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postCard, siteCard, type CardPost } from '../../src/lib/og/card.ts';
import { cacheKey, pruneCache } from '../../src/lib/og/cache.ts';
import { createRenderPool } from '../../src/lib/og/pool.ts';
import { createOgRenderer, designSourceHash, DRAWING_SOURCES, findDesignDir, prepareCard, renderTree } from '../../src/lib/og/render.ts';
import { ogFonts } from '../../src/lib/og/fonts.ts';
import { MARK_BOX, SAFE_MARGIN, type CardTree } from '../../src/lib/og/template.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from '../../src/lib/og/size.ts';
import { countNear, countNot, decodePng, marginIntruders, offPaletteColourful } from '../support/png.ts';
import { OG_TEST_SITE } from './support/og-site.ts';

const site = OG_TEST_SITE;
const palette = [site.palette.background, site.palette.ink, site.palette.accent];

const post = (title: string, extra: Partial<CardPost> = {}): CardPost => ({
  title,
  date: new Date('2026-11-20T12:00:00Z'),
  readingMinutes: 4,
  tags: ['massage'],
  ...extra,
});

const uncached = createOgRenderer({ cacheDir: null });
const render = async (title: string, author = 'Ada Fixture') => (await uncached.render(postCard(post(title), author, site))).png;

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'og-cache-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a rendered card', () => {
  it('is a 1200×630 PNG with the title drawn in ink on the background', async () => {
    const img = await decodePng(await render('Massage after exercise: what one study found inside the muscle'));
    expect([img.width, img.height]).toEqual([OG_IMAGE_WIDTH, OG_IMAGE_HEIGHT]);
    // Mostly background, but thousands of pixels of ink (text) and accent (mark, tag, rule).
    expect(countNear(img, site.palette.background)).toBeGreaterThan(img.width * img.height * 0.5);
    expect(countNear(img, site.palette.ink, 12)).toBeGreaterThan(5000);
    expect(countNear(img, site.palette.accent, 12)).toBeGreaterThan(1000);
  });

  it('keeps the margin in the background colour with a very long title, author and tag', async () => {
    const title = 'Wide Words Without Wrapping Would Wreck What We Want: '.repeat(8);
    const card = postCard(
      post(title, { tags: ['a-very-long-tag-name-that-goes-on-and-on-and-on-and-on'] }),
      'Maximiliana Wilhelmina Featherstonehaugh-Cholmondeley-Worthington',
      site,
    );
    const img = await decodePng((await uncached.render(card)).png);
    expect(marginIntruders(img, SAFE_MARGIN, site.palette.background)).toEqual([]);
    expect(countNot(img, site.palette.background)).toBeGreaterThan(20_000);
  });

  it('clips anything the template would draw past the safe area', async () => {
    const { tree } = prepareCard(postCard(post('Rest'), 'Ada', site));
    const wide = {
      type: 'div',
      props: { style: { display: 'flex', width: 3000, height: 3000, marginLeft: -500, marginTop: -500, backgroundColor: '#000000' } },
    };
    const img = await decodePng(
      await renderTree({ ...tree, element: { ...tree.element, props: { ...tree.element.props, children: [wide] } } }),
    );
    expect(marginIntruders(img, SAFE_MARGIN, site.palette.background)).toEqual([]);
    // The whole safe area is black, but for the mark drawn over it.
    const safeArea = (OG_IMAGE_WIDTH - 2 * SAFE_MARGIN) * (OG_IMAGE_HEIGHT - 2 * SAFE_MARGIN);
    expect(countNear(img, '#000000', 0)).toBeGreaterThanOrEqual(safeArea - MARK_BOX.size ** 2);
  });

  it('draws emoji from the bundled set, not as empty boxes', async () => {
    const plain = await decodePng(await render('Stretch and breathe'));
    const emoji = await decodePng(await render('Stretch 🌿 and breathe 🧘‍♀️'));
    expect(emoji.data.equals(plain.data)).toBe(false);
    // Green leaves and a purple shirt: colours the palette does not have.
    expect(offPaletteColourful(emoji, palette) - offPaletteColourful(plain, palette)).toBeGreaterThan(500);
  });

  it('renders the site card for pages that are not a post', async () => {
    const img = await decodePng((await uncached.render(siteCard(site))).png);
    expect([img.width, img.height]).toEqual([OG_IMAGE_WIDTH, OG_IMAGE_HEIGHT]);
    expect(countNear(img, site.palette.ink, 12)).toBeGreaterThan(5000);
    expect(marginIntruders(img, SAFE_MARGIN, site.palette.background)).toEqual([]);
  });
});

describe('the card cache', () => {
  const titles = ['Rest days', 'Thai yoga massage, step by step', 'Café “stretch” — Zoë’s way', 'Hydration 💧 after massage'];
  const cards = () => titles.map((t) => postCard(post(t), 'Ada Fixture', site));

  it('re-renders exactly the card whose post changed', async () => {
    const dir = tempDir();
    const first = createOgRenderer({ cacheDir: dir });
    const before = await Promise.all(cards().map((c) => first.render(c)));
    expect(first.stats).toEqual({ rendered: 4, cached: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(4);

    // A rebuild with nothing changed renders nothing and serves the same bytes.
    const again = createOgRenderer({ cacheDir: dir });
    const same = await Promise.all(cards().map((c) => again.render(c)));
    expect(again.stats).toEqual({ rendered: 0, cached: 4 });
    same.forEach((r, i) => expect(r.png.equals(before[i]!.png)).toBe(true));

    // One post's title changes: one card is drawn again, the others come from the cache.
    titles[1] = 'Thai yoga massage, step by step (updated)';
    const next = createOgRenderer({ cacheDir: dir });
    const after = await Promise.all(cards().map((c) => next.render(c)));
    expect(next.stats).toEqual({ rendered: 1, cached: 3 });
    expect(after.map((r) => r.cached)).toEqual([true, false, true, true]);
    expect(after[1]!.png.equals(before[1]!.png)).toBe(false);
  });

  it('keys on every field, the palette and the renderer inputs', () => {
    const base = postCard(post('Rest days'), 'Ada Fixture', site);
    const key = (c: typeof base) => prepareCard(c).key;
    const variants = [
      { ...base, title: 'Rest day' },
      { ...base, author: 'Ben Sample' },
      { ...base, date: 'November 21, 2026' },
      { ...base, readTime: '5 min read' },
      { ...base, tag: '#recovery' },
      { ...base, siteTitle: 'Wellness Rituals Longwood' },
      { ...base, palette: { ...base.palette, accent: '#2f6b50' } },
      { ...base, palette: { ...base.palette, background: '#fffaf0' } },
      { ...base, palette: { ...base.palette, ink: '#102030' } },
      { ...base, tag: undefined },
      { ...base, kind: 'site' as const },
      { ...base, description: 'A sentence' },
      { ...base, footer: 'Orlando' },
      { ...base, look: base.look === 'full' ? ('light' as const) : ('full' as const) },
    ];
    const keys = new Set([key(base), ...variants.map(key)]);
    expect(keys.size).toBe(variants.length + 1);
    expect(key({ ...base })).toBe(key(base));
    const parts = { templateVersion: 1, renderer: { satori: '1' }, fonts: 'a', content: {} };
    expect(
      new Set([
        cacheKey(parts),
        cacheKey({ ...parts, templateVersion: 2 }),
        cacheKey({ ...parts, fonts: 'b' }),
        cacheKey({ ...parts, renderer: { satori: '2' } }),
        cacheKey({ ...parts, content: { design: 'x' } }),
      ]).size,
    ).toBe(5);
  });

  it('keys on the source of the drawing code, found beside the renderer or in the project', () => {
    const dir = findDesignDir();
    expect(dir).toBeDefined();
    expect(findDesignDir('/nonexistent')).toBe(dir);
    const copy = join(tempDir(), 'og');
    cpSync(dir!, copy, { recursive: true });
    const before = designSourceHash(copy);
    expect(designSourceHash(dir!)).toBe(before);
    // Any edit of the template (a colour, a size, a constant) changes every card's key.
    appendFileSync(join(copy, 'template.ts'), '\n// a changed margin\n');
    expect(designSourceHash(copy)).not.toBe(before);
  });

  it('keys on the drawing modules only: editing the meta tags or the cache does not redraw the cards', () => {
    const dir = findDesignDir()!;
    const copy = join(tempDir(), 'og');
    cpSync(dir, copy, { recursive: true });
    const before = designSourceHash(copy);
    appendFileSync(join(copy, 'meta.ts'), '\n// a new tag\n');
    appendFileSync(join(copy, 'cache.ts'), '\n// a new cache rule\n');
    expect(designSourceHash(copy)).toBe(before);
  });

  it('names every module the template draws with, and nothing it does not', () => {
    // The template's own local imports, followed through: what the list must hold.
    const dir = findDesignDir()!;
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const [, local] of readFileSync(join(dir, name), 'utf8').matchAll(/from '\.\/([\w-]+\.ts)'/g)) visit(local!);
    };
    visit('template.ts');
    expect([...DRAWING_SOURCES].sort()).toEqual([...seen].sort());
  });

  it('finds a cached card by its fields alone, without laying it out', async () => {
    const dir = tempDir();
    const card = postCard(post('Rest days after a long week'), 'Ada Fixture', site);
    const first = await createOgRenderer({ cacheDir: dir }).render(card);
    // Count title measurements: laying a card out fits its title with them.
    const fonts = ogFonts();
    const measure = fonts.measure.serif;
    let measured = 0;
    fonts.measure.serif = (text, size) => (measured++, measure(text, size));
    try {
      const again = createOgRenderer({ cacheDir: dir });
      const hit = await again.render(card);
      expect(hit).toMatchObject({ key: first.key, cached: true });
      expect(hit.png.equals(first.png)).toBe(true);
      expect(measured).toBe(0);
      // A card not in the cache is laid out (and drawn).
      await again.render({ ...card, title: 'Rest days after a longer week' });
      expect(measured).toBeGreaterThan(0);
    } finally {
      fonts.measure.serif = measure;
    }
  });

  it('never serves a cached file cut short: it draws the card again', async () => {
    const dir = tempDir();
    const card = postCard(post('Rest days'), 'Ada Fixture', site);
    const { key, png } = await createOgRenderer({ cacheDir: dir }).render(card);
    truncateSync(join(dir, `${key}.png`), 1000);
    const again = createOgRenderer({ cacheDir: dir });
    const result = await again.render(card);
    expect(again.stats).toEqual({ rendered: 1, cached: 0 });
    expect(result.png.equals(png)).toBe(true);
    expect(statSync(join(dir, `${key}.png`)).size).toBe(png.length);
  });

  it('names the file of a whole cached card for a build to link, and none for a card cut short or never drawn', async () => {
    const dir = tempDir();
    const card = postCard(post('Rest days'), 'Ada Fixture', site);
    const other = postCard(post('Never drawn'), 'Ada Fixture', site);
    const { key } = await createOgRenderer({ cacheDir: dir }).render(card);
    const again = createOgRenderer({ cacheDir: dir });
    expect(again.cachedFile(card)).toBe(join(dir, `${key}.png`));
    expect(again.cachedFile(other)).toBeUndefined();
    truncateSync(join(dir, `${key}.png`), 1000);
    expect(again.cachedFile(card)).toBeUndefined();
    expect(again.stats).toEqual({ rendered: 0, cached: 1 });
  });

  it('prunes cards no build has used for a while', async () => {
    const dir = tempDir();
    const renderer = createOgRenderer({ cacheDir: dir });
    const [old, fresh] = await Promise.all(
      cards()
        .slice(0, 2)
        .map((c) => renderer.render(c)),
    );
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(join(dir, `${old!.key}.png`), longAgo, longAgo);
    expect(pruneCache(dir, 30)).toBe(1);
    expect(readdirSync(dir)).toEqual([`${fresh!.key}.png`]);
  });
});

describe('warming the cache for a build', () => {
  const many = Array.from({ length: 10 }, (_, i) => postCard(post(`Card number ${i + 1}`), 'Ada Fixture', site));

  it('draws each missing card once with the many-card drawer, and pages then get them without drawing again', async () => {
    const dir = tempDir();
    await createOgRenderer({ cacheDir: dir }).render(many[0]!);
    let drawnByMany = 0;
    const renderer = createOgRenderer({
      cacheDir: dir,
      drawMany: (count) => {
        expect(count).toBe(9); // the first card was cached already
        return async (tree) => {
          drawnByMany++;
          return renderTree(tree);
        };
      },
    });
    renderer.warm(many);
    renderer.warm(many); // a second call finds them all cached or in flight
    const results = await Promise.all(many.map((c) => renderer.render(c)));
    expect(drawnByMany).toBe(9);
    expect(renderer.stats.rendered).toBe(9);
    expect(results.every((r) => r.png.length > 0)).toBe(true);
  });

  // Starting a worker loads satori and the PNG encoder: seconds on a busy machine, so these tests wait up to a minute.
  const WORKER_START = { timeout: 60_000 };

  it('draws on worker threads the same pixels as on the main thread', WORKER_START, async () => {
    const pool = createRenderPool(2);
    try {
      const trees = many.slice(0, 4).map((c) => prepareCard(c).tree);
      const fromWorkers = await Promise.all(trees.map((t) => pool.draw(t)));
      for (const [i, tree] of trees.entries()) expect(fromWorkers[i]!.png.equals(await renderTree(tree))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('draws on no more worker threads at a time than its limit, and on all of them once the limit is lifted', WORKER_START, async () => {
    // A stand-in worker that counts the jobs in flight in memory shared by all threads, keeps the highest count,
    // and waits until it has seen a second job in flight (a latch) or until `waitMs` is up. Concurrency is proven
    // by two jobs meeting, not by their times overlapping: a slow machine cannot make it fail, only take longer.
    const worker = new URL(
      `data:text/javascript,${encodeURIComponent(`
        import { threadId } from 'node:worker_threads';
        export default async function ({ tree }) {
          const counts = new Int32Array(tree.shared); // [in flight, most in flight at once]
          const now = Atomics.add(counts, 0, 1) + 1;
          for (let peak = Atomics.load(counts, 1); now > peak; peak = Atomics.load(counts, 1)) {
            if (Atomics.compareExchange(counts, 1, peak, now) === peak) break;
          }
          Atomics.notify(counts, 1);
          const deadline = Date.now() + tree.waitMs;
          for (let peak = Atomics.load(counts, 1); peak < 2 && Date.now() < deadline; peak = Atomics.load(counts, 1)) {
            Atomics.wait(counts, 1, peak, deadline - Date.now());
          }
          Atomics.sub(counts, 0, 1);
          return { ms: 0, png: new TextEncoder().encode(String(threadId)) };
        }`)}`,
    );
    const pool = createRenderPool(2, worker);
    /** `jobs` jobs at once; the most that were in flight together, and how many threads ran them. */
    const run = async (jobs: number, waitMs: number) => {
      const shared = new SharedArrayBuffer(8);
      const tree = { shared, waitMs } as unknown as CardTree;
      const threads = await Promise.all(Array.from({ length: jobs }, () => pool.draw(tree)));
      return { peak: new Int32Array(shared)[1], threads: new Set(threads.map((r) => r.png.toString())).size };
    };
    try {
      pool.setLimit(1);
      // Each job waits in vain for a partner (100 ms), the time a second job would have to start if the limit leaked.
      expect((await run(3, 100)).peak).toBe(1);
      pool.setLimit(2);
      // Two jobs wait for each other, so they finish as soon as both are in flight, on two threads. If the pool ran
      // them one after the other, each would wait the full 20 s and the test would fail on the count, not time out.
      expect(await run(2, 20_000)).toEqual({ peak: 2, threads: 2 });
    } finally {
      await pool.close();
    }
  });

  it('lets cards fail over to the main thread when the workers cannot draw', async () => {
    // As the real worker does when it cannot load the drawing code: every task fails.
    const pool = createRenderPool(
      1,
      new URL(`data:text/javascript,${encodeURIComponent('export default async () => { throw new Error("no drawing here"); }')}`),
    );
    const dir = tempDir();
    const renderer = createOgRenderer({ cacheDir: dir, drawMany: () => async (tree) => (await pool.draw(tree)).png });
    renderer.warm(many);
    const results = await Promise.all(many.map((c) => renderer.render(c)));
    expect(results.every((r) => r.png.length > 1000)).toBe(true);
  });
});
