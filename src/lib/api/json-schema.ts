/**
 * The API's published descriptions, generated from the zod response schemas
 * (src/schema/api.ts) with `z.toJSONSchema`: one JSON Schema file per named
 * schema (they refer to each other by URL), and an OpenAPI 3.1 document whose
 * components are the same schemas.
 */
import { z } from 'zod';
import { apiSchemas, apiParameterSchemas } from '../../schema/api.ts';
import { API_ROOT, apiPaths } from './paths.ts';

type JsonObject = Record<string, unknown>;

/** Ids of every published schema, e.g. `Post`, `PostsPage`. */
export function apiSchemaIds(): string[] {
  return [...apiSchemas._idmap.keys()];
}

function generate(uri: (id: string) => string): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(apiSchemas, { target: 'draft-2020-12', io: 'output', uri });
  // Schemas used in several places without an id would land in a shared file we do not publish.
  if ('__shared' in schemas) throw new Error('An API schema is reused without an id; register it in src/schema/api.ts');
  return schemas as Record<string, JsonObject>;
}

/** Every JSON Schema file by id; `schemaUrl(id)` is where each is published (it becomes its `$id`). */
export function apiJsonSchemas(schemaUrl: (id: string) => string): Record<string, JsonObject> {
  return generate(schemaUrl);
}

interface Endpoint {
  operationId: string;
  /** The path under the base, with `{name}` placeholders. */
  path: string;
  summary: string;
  description?: string;
  /** The response schema's id, or a plain JSON Schema for the self-describing files. */
  response: string | JsonObject;
  parameter?: { name: string; description: string; schema: z.ZodType };
}

/** Every file the API publishes. Tests map built files to schemas through the OpenAPI document made from this. */
export const API_ENDPOINTS: readonly Endpoint[] = [
  {
    operationId: 'listPosts',
    path: apiPaths.posts(),
    summary: 'The first page of public posts, newest first',
    description: 'The same as /posts/page/1.json.',
    response: 'PostsPage',
  },
  {
    operationId: 'listPostsPage',
    path: apiPaths.postsPage('{page}'),
    summary: 'One page of public posts, newest first',
    description: 'Follow `meta.pagination.next` from /posts.json rather than counting pages yourself.',
    response: 'PostsPage',
    parameter: { name: 'page', description: 'Page number, from 1 to `meta.pagination.pages`.', schema: apiParameterSchemas.page },
  },
  {
    operationId: 'getPost',
    path: apiPaths.post('{slug}'),
    summary: 'One post, with its body as HTML and plain text, its author, tags and sources',
    response: 'PostResponse',
    parameter: { name: 'slug', description: "The post's slug, as in `slug` of a list entry.", schema: apiParameterSchemas.slug },
  },
  {
    operationId: 'listAuthors',
    path: apiPaths.authors(),
    summary: 'Every author, with their public post count',
    response: 'AuthorsResponse',
  },
  {
    operationId: 'getAuthor',
    path: apiPaths.author('{id}'),
    summary: 'One author and their public posts',
    response: 'AuthorResponse',
    parameter: { name: 'id', description: "The author's id, as in `author.id`.", schema: apiParameterSchemas.authorId },
  },
  { operationId: 'listTags', path: apiPaths.tags(), summary: 'Every tag of a public post, with its post count', response: 'TagsResponse' },
  {
    operationId: 'getTag',
    path: apiPaths.tag('{slug}'),
    summary: 'One tag and its public posts',
    response: 'TagResponse',
    parameter: { name: 'slug', description: 'The tag, as in `tags[].slug`.', schema: apiParameterSchemas.tag },
  },
  {
    operationId: 'getSearchIndex',
    path: apiPaths.search(),
    summary: 'A compact list of every public post for filtering in the browser',
    response: 'SearchIndex',
  },
  {
    operationId: 'listRedirects',
    path: apiPaths.redirects(),
    summary: 'Every old address of a public post and where it moved (each also answers with a 301 on the site)',
    response: 'RedirectsResponse',
  },
  {
    operationId: 'getSchema',
    path: apiPaths.schema('{name}'),
    summary: 'The JSON Schema of one response or part of one',
    response: { type: 'object' },
    parameter: {
      name: 'name',
      description: 'A schema name: one of the component names in this document.',
      schema: apiParameterSchemas.schemaName,
    },
  },
  {
    operationId: 'getOpenApi',
    path: apiPaths.openapi(),
    summary: 'This document',
    response: { type: 'object' },
  },
];

export interface OpenApiSettings {
  title: string;
  description: string;
  /** The absolute URL of the API root, e.g. https://example.com/blog/api/v1/ */
  serverUrl: string;
}

function withoutRootKeywords(schema: JsonObject): JsonObject {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function parameterSchema(schema: z.ZodType): JsonObject {
  return withoutRootKeywords(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonObject);
}

export function openApiDocument(settings: OpenApiSettings): JsonObject {
  const components = Object.fromEntries(
    Object.entries(generate((id) => `#/components/schemas/${id}`)).map(([id, s]) => [id, withoutRootKeywords(s)]),
  );
  const paths: Record<string, JsonObject> = {};
  for (const e of API_ENDPOINTS) {
    const schema = typeof e.response === 'string' ? { $ref: `#/components/schemas/${e.response}` } : e.response;
    const operation: JsonObject = {
      operationId: e.operationId,
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      ...(e.parameter
        ? {
            parameters: [
              {
                name: e.parameter.name,
                in: 'path',
                required: true,
                description: e.parameter.description,
                schema: parameterSchema(e.parameter.schema),
              },
            ],
          }
        : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema } } },
        ...(e.parameter ? { '404': { description: 'No such file: the name is unknown or the post is not public.' } } : {}),
      },
    };
    paths[`/${e.path.slice(API_ROOT.length)}`] = { get: operation };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: settings.title, version: '1.0.0', description: settings.description },
    servers: [{ url: settings.serverUrl.replace(/\/+$/, '') }],
    paths,
    components: { schemas: components },
  };
}
