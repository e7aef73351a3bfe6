/**
 * Frontmatter for a new post, written from the post schema itself: the fields
 * the writer must fill come first with their values, then every optional field
 * the schema has, commented out, with its example and what it is for. A field
 * added to the schema shows up here without touching this file.
 */
import { z } from 'zod';
import { describeFields, unwrap } from '../../schema/introspect.ts';

/** Optional fields a brand-new post has no use for: they record changes after publishing, or an import. */
const NOT_FOR_NEW_POSTS = new Set(['updated', 'previousSlugs', 'redirectFrom', 'importedFrom']);

type Meta = { description?: string; examples?: unknown[] };

function metaOf(schema: z.ZodType): Meta {
  return (schema.meta() ?? {}) as Meta;
}

/** A YAML value on one line: plain where that is unambiguous, JSON-quoted otherwise. */
export function yamlInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlInline).join(', ')}]`;
  if (typeof value === 'string') {
    const plain =
      /^[A-Za-z0-9./][A-Za-z0-9 ./_-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.]+$/.test(value);
    return plain ? value : JSON.stringify(value);
  }
  return String(value);
}

function exampleValue(schema: z.ZodType): unknown {
  const example = metaOf(schema).examples?.[0];
  if (example !== undefined) return example;
  return unwrap(schema) instanceof z.ZodBoolean ? true : undefined;
}

/** Lines for `key: example  # description`, nesting into objects and lists of objects. */
function exampleLines(key: string, schema: z.ZodType, indent: string): string[] {
  const { description } = metaOf(schema);
  const note = description ? `  # ${description}` : '';
  const inner = unwrap(schema);
  const element = inner instanceof z.ZodArray ? unwrap(inner.element as z.ZodType) : undefined;
  const object = inner instanceof z.ZodObject ? inner : element instanceof z.ZodObject ? element : undefined;
  if (!object) {
    const value = exampleValue(schema);
    return [`${indent}${key}:${value === undefined ? '' : ` ${yamlInline(value)}`}${note}`];
  }
  const lines = [`${indent}${key}:${note}`];
  let first = true;
  for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    // Inside a list the first field carries the "- " that starts an item.
    const lead = element ? (first ? `${indent}  - ` : `${indent}    `) : `${indent}  `;
    const [line] = exampleLines(name, field, '');
    lines.push(`${lead}${line}`);
    first = false;
  }
  return lines;
}

/**
 * The frontmatter block, `---` to `---`. `values` holds the fields to set, in
 * any order; they are written in the schema's order.
 */
export interface FrontmatterOptions {
  /** List the optional fields the values leave out, commented, with examples (default true). */
  hints?: boolean;
  /** Lines written as YAML comments before the closing `---`. */
  comments?: readonly string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** `key: value` on one line, or in block form for a group of fields and a list of groups. */
function valueLines(name: string, value: unknown): string[] {
  const fields = (obj: Record<string, unknown>, first: string, rest: string) =>
    Object.entries(obj)
      .filter(([, v]) => v !== undefined)
      .map(([k, v], i) => `${i === 0 ? first : rest}${k}: ${yamlInline(v)}`);
  if (isPlainObject(value)) return [`${name}:`, ...fields(value, '  ', '  ')];
  if (Array.isArray(value) && value.length && value.every(isPlainObject))
    return [`${name}:`, ...value.flatMap((item) => fields(item, '  - ', '    '))];
  return [`${name}: ${yamlInline(value)}`];
}

export function renderFrontmatter(schema: z.ZodType, values: Record<string, unknown>, opts: FrontmatterOptions = {}): string {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) throw new Error('The post schema is not an object schema');
  const shape = object.shape as Record<string, z.ZodType>;
  const lines = ['---'];
  const optional: string[] = [];
  for (const { name } of describeFields(schema)) {
    if (name in values) lines.push(...valueLines(name, values[name]));
    else if (opts.hints !== false && !NOT_FOR_NEW_POSTS.has(name)) optional.push(...exampleLines(name, shape[name]!, ''));
  }
  if (opts.comments?.length) lines.push(...opts.comments.map((c) => (c ? `# ${c}` : '#')));
  if (optional.length) {
    lines.push('# Optional: to use one of these, remove the "# " at the start of its lines and change the example.');
    lines.push(...optional.map((l) => `# ${l}`));
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
