/**
 * The editor's configuration (/admin/config.yml) is generated from the zod
 * schemas; these tests hold it to Sveltia's published JSON Schema of its
 * configuration, and field by field to the zod schemas (support/cms-drift.ts),
 * and show that a change on one side only is caught.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { citationSchema } from '../../src/schema/citation.ts';
import { AUTHOR_LABELS, authorEditorFields, POST_LABELS, postEditorFields } from '../../src/lib/editor/collections.ts';
import { describeFields } from '../../src/lib/editor/fields.ts';
import { authorSchema as editorAuthorSchema } from '../../src/schema/author.ts';
import { postSchema } from '../../src/schema/post.ts';
import { cmsConfig, cmsField } from '../../src/lib/editor/sveltia-config.ts';
import { cmsDrift } from './support/cms-drift.ts';

const TZ = 'America/New_York';
const posts = postEditorFields({ timeZone: TZ, tags: ['massage', 'recovery'] });
const authors = authorEditorFields({ timeZone: TZ });
const config = cmsConfig({
  repository: 'studio/blog',
  branch: 'main',
  siteUrl: 'https://www.example.org/',
  siteTitle: 'Wellness Rituals',
  contentFolder: 'content',
  posts,
  authors,
}) as unknown as {
  collections: { name: string; folder: string; path?: string; extension: string; fields: { name: string; widget?: string }[] }[];
};
const collection = (name: string) => config.collections.find((c) => c.name === name)!;

type DriftFields = Parameters<typeof cmsDrift>[1];

describe("the editor's configuration", () => {
  it('is valid against the JSON Schema Sveltia CMS publishes', () => {
    const schemaFile = join(dirname(createRequire(import.meta.url).resolve('@sveltia/cms')), '../schema/sveltia-cms.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The check can fail: a setting Sveltia does not have is refused.
    expect(validate({ ...config, publish_mode: 'sometimes' })).toBe(false);
  });

  it('posts: every field, its required-ness, limits and patterns agree with the zod schema', () => {
    expect(cmsDrift(postSchema, collection('posts').fields as DriftFields, '', ['body'])).toEqual([]);
  });

  it('citations inside posts, and authors, agree with theirs', () => {
    const citations = (collection('posts').fields.find((f) => f.name === 'citations') as unknown as { fields: DriftFields }).fields;
    expect(cmsDrift(citationSchema, citations)).toEqual([]);
    expect(cmsDrift(editorAuthorSchema, collection('authors').fields as DriftFields)).toEqual([]);
  });

  it('posts are content/posts/YYYY-MM-DD-slug.md with the Markdown as `body`; pictures go next to them as ./images/…', () => {
    const p = collection('posts') as unknown as Record<string, unknown>;
    expect(p).toMatchObject({
      folder: 'content/posts',
      extension: 'md',
      path: '{{year}}-{{month}}-{{day}}-{{slug}}',
      media_folder: 'images',
      public_folder: './images',
    });
    expect(collection('posts').fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    expect(collection('authors')).toMatchObject({ folder: 'content/authors', extension: 'yaml' });
  });

  it('the author is picked from the authors, the date in the studio time zone, tags offered from those in use', () => {
    const field = (name: string) => collection('posts').fields.find((f) => f.name === name) as Record<string, unknown>;
    expect(field('author')).toMatchObject({ widget: 'relation', collection: 'authors', value_field: '{{slug}}' });
    expect(field('date')).toMatchObject({ widget: 'datetime', input_timezone: TZ });
    expect(field('tags')).toMatchObject({ widget: 'list', min: 1, max: 5 });
    expect(String(field('tags').hint)).toContain('In use: massage, recovery');
    expect(field('description')).toMatchObject({ widget: 'text', minlength: 50, maxlength: 180 });
    expect(field('image')).toMatchObject({ widget: 'object', required: false });
    expect((field('image').fields as Record<string, unknown>[]).map((f) => [f.name, f.widget, f.required])).toEqual([
      ['src', 'image', undefined],
      ['alt', 'text', undefined],
    ]);
  });
});

describe('drift is caught', () => {
  const extended = postSchema.safeExtend({ mood: z.string().optional() });

  it('a field added to the schema with no editor label stops the generation, naming it', () => {
    expect(() => describeFields(extended, POST_LABELS, { timeZone: TZ, where: 'posts' })).toThrow(
      /posts → mood: in the schema but not in the editor/,
    );
  });

  it('a field added to the schema is missing from the configuration made before it', () => {
    expect(cmsDrift(extended, collection('posts').fields as DriftFields, '', ['body'])).toContain(
      'mood: in the schema, missing from the editor',
    );
  });

  it('a label left for a field the schema no longer has stops the generation', () => {
    expect(() => describeFields(editorAuthorSchema, { ...AUTHOR_LABELS, website: { label: 'Website' } }, { timeZone: TZ })).toThrow(
      /website: labelled for the editor but not in the schema/,
    );
  });

  it('a limit or required-ness changed on one side only is named', () => {
    const stricter = z.strictObject({
      title: z
        .string()
        .trim()
        .min(3)
        .max(60)
        .meta({ examples: ['Massage after exercise'] }),
      description: z.string().trim().min(50).max(180).optional(),
    });
    const fields = posts.filter((f) => f.name === 'title' || f.name === 'description').map(cmsField) as DriftFields;
    const problems = cmsDrift(stricter, fields);
    expect(problems).toContain(`title: "${'a'.repeat(61)}" is refused by the schema and accepted by the editor`);
    expect(problems).toContain('description: optional in the schema, required in the editor');
  });
});
