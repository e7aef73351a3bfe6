import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { API_ENDPOINTS, apiJsonSchemas, apiSchemaIds, openApiDocument } from '../../src/lib/api/json-schema.ts';
import { createApiModel } from '../../src/lib/api/shape.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { TITLE_MAX } from '../../src/schema/post.ts';
import { stringsUnderKey } from '../support/json-walk.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const schemaUrl = (id: string) => `https://example.com/api/v1/schema/${id}.json`;
const schemas = apiJsonSchemas(schemaUrl);

const collectRefs = (value: unknown) => stringsUnderKey(value, '$ref');

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  return ajv;
}

describe('published JSON Schemas', () => {
  it('has one file per named schema, each carrying its own URL as $id', () => {
    expect(Object.keys(schemas).sort()).toEqual(apiSchemaIds().sort());
    for (const [id, schema] of Object.entries(schemas)) {
      expect(schema.$id).toBe(schemaUrl(id));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('refers only to other published files', () => {
    const published = new Set(Object.keys(schemas).map(schemaUrl));
    for (const schema of Object.values(schemas)) {
      for (const ref of collectRefs(schema)) expect(published).toContain(ref);
    }
  });

  it('compiles under ajv in strict mode', () => {
    const ajv = validator();
    for (const id of Object.keys(schemas)) expect(ajv.getSchema(schemaUrl(id)), id).toBeTypeOf('function');
  });

  it('carries the rules and descriptions of the content schemas it is built from', () => {
    const post = schemas.Post as { properties: Record<string, { maxLength?: number; description?: string }> };
    expect(post.properties.title!.maxLength).toBe(TITLE_MAX);
    expect(post.properties.excerpt!.description).toMatch(/Summary/);
  });
});

describe('shaped responses against the JSON Schemas', () => {
  const urls = createUrls({ url: 'https://example.com', base: '/' });
  const input = {
    slug: 'one',
    title: 'One post',
    description: 'A description that is long enough for the content rules to accept.',
    authorId: 'ada',
    date: new Date('2026-11-20T05:00:00Z'),
    tags: ['massage'],
    citations: [{ authors: ['Org'], year: 2020, title: 'A report', container: 'A publisher', url: 'https://example.org/r' }],
    readingMinutes: 3,
    ogImage: '/og/one.png',
  };
  const api = createApiModel({
    urls,
    authors: [{ id: 'ada', name: 'Ada Example', role: 'Therapist', bio: 'Ada writes about recovery and sleep.', links: [] }],
    posts: [input],
  });
  const ajv = validator();
  const check = (id: string, data: unknown) => {
    const validate = ajv.getSchema(schemaUrl(id))!;
    const ok = validate(data);
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  it('accepts every response the shaping code makes', () => {
    expect(check('PostsPage', api.postsPages(10)[0])).toEqual([]);
    expect(check('PostResponse', api.post(input, '<p>Hi</p>'))).toEqual([]);
    expect(check('AuthorsResponse', api.authors())).toEqual([]);
    expect(check('AuthorResponse', api.author('ada'))).toEqual([]);
    expect(check('TagsResponse', api.tags())).toEqual([]);
    expect(check('TagResponse', api.tag('massage'))).toEqual([]);
    expect(check('SearchIndex', api.search())).toEqual([]);
  });

  it('rejects a response with a missing, extra or malformed field', () => {
    const page = api.postsPages(10)[0]!;
    const { og_image: _drop, ...withoutOg } = page.posts[0]!;
    expect(check('PostsPage', { ...page, posts: [withoutOg] }).join()).toMatch(/og_image/);
    expect(check('PostsPage', { ...page, extra: 1 }).join()).toMatch(/additional/);
    expect(check('PostsPage', { ...page, posts: [{ ...page.posts[0], url: '/relative/' }] }).join()).toMatch(/url/);
    expect(check('PostsPage', { ...page, posts: [{ ...page.posts[0], published_at: '2026-11-20' }] }).join()).toMatch(/published_at/);
  });
});

describe('OpenAPI document', () => {
  const doc = openApiDocument({ title: 'Studio API', description: 'Posts as JSON.', serverUrl: 'https://example.com/blog/api/v1/' }) as {
    openapi: string;
    servers: { url: string }[];
    paths: Record<string, { get: { operationId: string; parameters?: { name: string }[] } }>;
    components: { schemas: Record<string, Record<string, unknown>> };
  };

  it('is OpenAPI 3.1 with the API root as its server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://example.com/blog/api/v1' }]);
  });

  it('describes every endpoint, with a parameter for each placeholder', () => {
    expect(Object.values(doc.paths).map((p) => p.get.operationId)).toEqual(API_ENDPOINTS.map((e) => e.operationId));
    for (const [path, item] of Object.entries(doc.paths)) {
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        (item.get.parameters ?? []).map((p) => p.name),
        path,
      ).toEqual(placeholders);
    }
    expect(Object.keys(doc.paths)).toContain('/posts/{slug}.json');
  });

  it('has every schema as a component, and every reference resolves to one', () => {
    expect(Object.keys(doc.components.schemas).sort()).toEqual(apiSchemaIds().sort());
    for (const ref of collectRefs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
    }
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema).not.toHaveProperty('$id');
    }
  });
});
