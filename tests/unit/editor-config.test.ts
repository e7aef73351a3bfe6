/**
 * The browser editor's fields (src/editor/keystatic.config.ts) must describe
 * the same content as the zod schemas: this fails when a field is added, removed,
 * made required or optional, or changes type or allowed values on one side only.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import config from '../../src/editor/keystatic.config.ts';
import { authorSchema, postSchema } from '../../src/editor/schemas.ts';
import { citationSchema } from '../../src/schema/citation.ts';
import { editorDrift } from './support/editor-drift.ts';

type Fields = Parameters<typeof editorDrift>[1];
const posts = config.collections!.posts!;
const authors = config.collections!.authors!;
const { body, ...postFields } = posts.schema as unknown as Fields;

describe('editor fields match the zod schemas', () => {
  it('posts: names, required fields, types and examples', () => {
    expect(editorDrift(postSchema, postFields, posts.slugField)).toEqual([]);
  });

  it('posts: the body is the Markdown after the frontmatter', () => {
    expect(body).toBeDefined();
    expect(posts.format).toEqual({ contentField: 'body' });
    expect(posts.path).toBe('posts/*');
  });

  it('citations, inside posts', () => {
    const citations = (postFields.citations as unknown as { element: { fields: Fields } }).element.fields;
    expect(editorDrift(citationSchema, citations)).toEqual([]);
  });

  it('authors', () => {
    expect(authors.path).toBe('authors/*');
    expect(editorDrift(authorSchema, authors.schema as unknown as Fields, authors.slugField)).toEqual([]);
  });
});

describe('the drift check itself', () => {
  const { title, draft, readTime, tags } = postFields;
  const schema = z.strictObject({
    title: z.string().min(3).meta({ examples: ['A title'] }),
    draft: z.boolean().default(false),
    readTime: z.int().optional().meta({ examples: [4] }),
    tags: z.array(z.string()).min(1).meta({ examples: [['massage']] }),
    level: z.enum(['gentle', 'firm']),
  });

  it('names a field missing on either side', () => {
    const problems = editorDrift(schema, { title: title!, draft: draft!, readTime: readTime!, tags: tags!, extra: draft! });
    expect(problems).toContain('level: in the schema, missing from the editor');
    expect(problems).toContain('extra: in the editor, not in the schema');
  });

  it('notices required/optional and type disagreements', () => {
    const problems = editorDrift(
      z.strictObject({
        title: z.string().optional().meta({ examples: ['A title'] }),
        draft: z.string().meta({ examples: ['yes'] }),
        readTime: z.int().meta({ examples: [4] }),
      }),
      { title: title!, draft: draft!, readTime: readTime! },
    );
    expect(problems).toContain('title: optional in the schema, but the editor refuses it empty');
    expect(problems).toContain('readTime: required in the schema, but the editor saves it empty');
    expect(problems.some((p) => /^draft: (the editor cannot read "yes"|"yes" comes back from the editor as)/.test(p))).toBe(true);
  });

  it('notices an enum whose values the editor does not offer', () => {
    const problems = editorDrift(z.strictObject({ level: z.enum(['gentle', 'firm']) }), { level: tags! });
    expect(problems.filter((p) => p.startsWith('level:')).length).toBeGreaterThan(0);
  });
});
