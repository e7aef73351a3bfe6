/**
 * Stand-ins for Astro's virtual modules, so src/data/ runs in the unit project
 * without a build, the way Starlight's unit tests replace `astro:content` with
 * fixture entries. A test file keeps one `AstroFixture` (made in vi.hoisted, so
 * it outlives vi.resetModules) and mocks the modules with the factories below:
 *
 *   const astro = vi.hoisted(() => ({ posts: [], authors: [], calls: [] }) as AstroFixture);
 *   vi.mock('astro:content', async () => (await import('./support/astro-fixtures.ts')).mockedAstroContent(astro));
 *
 * The entries are what the content loader stores, with pictures already
 * resolved to ImageMetadata as Astro hands them back. The stand-ins record
 * what they were asked (`calls`), so a test can tell what was read or
 * rendered how often.
 */
import type { ContentSession, SessionMode } from '../../../src/lib/content/session.ts';
import { shareSession } from '../../../src/lib/content/session.ts';
import type { Problem } from '../../../src/lib/content/types.ts';
import type { Post } from '../../../src/lib/post-model.ts';
import type { HtmlCache } from '../../../src/lib/post-html-cache.ts';

export interface PostEntry {
  id: string;
  collection: 'posts';
  data: {
    post?: Post | undefined;
    slug: string;
    file: string;
    problems: Problem[];
    hero?: ImageMetadata | undefined;
    body?: string | undefined;
  };
  rendered?: { html: string; metadata: { imagePaths: string[] } } | undefined;
}

export interface AuthorEntry {
  id: string;
  collection: 'authors';
  data: {
    id: string;
    name: string;
    role: string;
    bio: string;
    links: { label: string; url: string }[];
    avatar?: ImageMetadata | undefined;
  };
}

export interface AstroFixture {
  posts: PostEntry[];
  authors: AuthorEntry[];
  /** What the stand-ins were asked, in order: `getCollection posts`, `render <id>`, `container <id>`, `getImage <src>`. */
  calls: string[];
}

/** A body component as the mocked render() returns it: it names its entry. */
export interface FixtureContent {
  (): null;
  entryId: string;
}

export function mockedAstroContent(fixture: AstroFixture) {
  return {
    getCollection: async (name: 'posts' | 'authors') => {
      fixture.calls.push(`getCollection ${name}`);
      return name === 'posts' ? fixture.posts : fixture.authors;
    },
    render: async (entry: { id: string }) => {
      fixture.calls.push(`render ${entry.id}`);
      return { Content: Object.assign(() => null, { entryId: entry.id }) as FixtureContent };
    },
    defineCollection: <T>(config: T) => config,
  };
}

/**
 * getImage() that names its output after the picture and the width asked:
 * `/_astro/hero.jpg` at 1200 px wide becomes `/_astro/hero_1200.jpg`. Heights
 * keep the picture's proportions.
 */
export function mockedAstroAssets(fixture: AstroFixture) {
  const named = (src: ImageMetadata, width: number, format: string) => src.src.replace(/\.\w+$/, `_${width}.${format}`);
  const heightAt = (src: ImageMetadata, width: number) => Math.round((src.height * width) / src.width);
  return {
    imageConfig: {},
    getImage: async (options: { src: ImageMetadata; width?: number; widths?: number[]; format: string }) => {
      fixture.calls.push(`getImage ${options.src.src}`);
      const { src, format } = options;
      // A width asked for is made as asked; a srcset leaves out widths beyond the picture's own.
      const widths = options.widths ? options.widths.filter((w) => w <= src.width) : [options.width ?? src.width];
      const values = widths.map((w) => ({ url: named(src, w, format), transform: { width: w, height: heightAt(src, w) } }));
      const first = widths[0] ?? src.width;
      return {
        src: named(src, first, format),
        attributes: { width: String(first), height: String(heightAt(src, first)) },
        srcSet: { values: options.widths ? values : [] },
      };
    },
  };
}

/** The container API: it "renders" a body by naming the entry it came from. */
export function mockedContainer(fixture: AstroFixture) {
  return {
    experimental_AstroContainer: {
      create: async () => ({
        renderToString: async (Content: FixtureContent) => {
          fixture.calls.push(`container ${Content.entryId}`);
          return `\n<p>${Content.entryId} as the container renders it</p>\n`;
        },
      }),
    },
  };
}

export const mockedContainerModule = () => ({ loadRenderers: async () => [] });
export const mockedMdxRenderer = () => ({ getContainerRenderer: () => ({ name: 'mdx' }) });

/** A session like the pipeline's, with a fixed "now": all src/data/ asks of it. */
export function shareFixtureSession(mode: SessionMode, now: string): void {
  const at = new Date(now);
  const session: ContentSession = {
    mode,
    now: () => at,
    report: { posts: [], authors: [], problems: [] },
    posts: [],
    refresh: async () => {},
  };
  shareSession(session);
}

/** Leave no session behind for the next test. */
export function clearSession(): void {
  shareSession(undefined as unknown as ContentSession);
}

/** A picture as Astro resolves it. */
export function picture(src: string, width: number, height: number): ImageMetadata {
  return { src, width, height, format: 'jpg' } as ImageMetadata;
}

/**
 * A valid post with plain defaults; each test names what it relies on.
 * The defaults are fixture data, never an expectation.
 */
export function aPost(slug: string, fields: Partial<Post> = {}): Post {
  return {
    slug,
    file: `content/posts/${slug}.md`,
    format: 'md',
    digest: `digest-of-${slug}`,
    title: `Title of ${slug}`,
    description: `Description of ${slug}, long enough for a card.`,
    authorId: 'ada-fixture',
    date: new Date('2026-11-01T04:00:00Z'),
    dateHasTime: false,
    updated: undefined,
    tags: ['massage'],
    citations: [],
    draft: false,
    canonical: undefined,
    previousSlugs: [],
    redirectFrom: [],
    readingMinutes: 1,
    image: undefined,
    valid: true,
    heldBackLinks: [],
    ...fields,
  };
}

/**
 * A post as the content loader stores it: its body rendered to `html` (Markdown) or left to render (MDX).
 * With `cache`, as a build stores it: a Markdown body without pictures goes into that post HTML cache.
 */
export function postEntry(
  post: Post,
  options: { html?: string; hero?: ImageMetadata; bodyPictures?: string[]; problems?: Problem[]; cache?: HtmlCache } = {},
): PostEntry {
  const html = options.html ?? `<p>Body of ${post.slug}.</p>`;
  if (options.cache && post.format === 'md' && post.valid && !options.bodyPictures?.length) {
    const body = `body-of-${post.slug}`;
    options.cache.write(body, `${html}\n`);
    return {
      id: post.slug,
      collection: 'posts',
      data: { post, slug: post.slug, file: post.file, problems: options.problems ?? [], hero: options.hero, body },
    };
  }
  return {
    id: post.slug,
    collection: 'posts',
    data: { post, slug: post.slug, file: post.file, problems: options.problems ?? [], hero: options.hero },
    rendered:
      post.format === 'mdx' || !post.valid ? undefined : { html: `${html}\n`, metadata: { imagePaths: options.bodyPictures ?? [] } },
  };
}

/** A post the dev server shows as its problems: the loader stores no model (`post` absent) when the frontmatter could not be read. */
export function brokenEntry(slug: string, problems: Problem[], post?: Post): PostEntry {
  return { id: slug, collection: 'posts', data: { post, slug, file: `content/posts/${slug}.md`, problems } };
}

export function authorEntry(id: string, name: string, avatar?: ImageMetadata): AuthorEntry {
  return {
    id,
    collection: 'authors',
    data: { id, name, role: 'Massage therapist', bio: `${name} writes about massage.`, links: [], avatar },
  };
}
