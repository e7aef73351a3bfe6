/**
 * Compares the editor's generated CMS fields with the zod schema they edit and
 * lists every disagreement in words. The zod schema is the oracle (safeParse);
 * the CMS side is a model of how Sveltia CMS checks a field before it saves
 * (required, pattern, minlength/maxlength on the trimmed text, number range,
 * list length), written from its documentation, not from our generator:
 *
 * - names: every schema field is in the editor and the other way round;
 * - required: the editor insists on a field exactly when the schema does;
 * - values: the schema's own examples, and values at and just past every limit
 *   either side names (length, range, number of items, pattern), are accepted by
 *   both or refused by both. An empty optional field counts as left out.
 */
import { z } from 'zod';
import { unwrap } from '../../../src/schema/introspect.ts';

type CmsField = Record<string, unknown> & { name: string; widget?: string; required?: boolean; fields?: CmsField[] };
type JsonSchema = {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: JsonSchema;
};
type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const isRequired = (s: z.ZodType) => !['optional', 'default', 'prefault'].includes(defOf(s).type);

function jsonOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Whether Sveltia would let this value be saved in this field. */
export function cmsAccepts(field: CmsField, value: unknown): boolean {
  const widget = field.widget ?? 'string';
  const required = field.required !== false;
  if (isEmpty(value)) {
    if (required) return false;
    // Sveltia still tests a text field's pattern and minimum length on an empty value.
    if (widget === 'string' || widget === 'text') {
      if (typeof field.minlength === 'number' && field.minlength > 0) return false;
      if (Array.isArray(field.pattern) && !new RegExp(String(field.pattern[0])).test('')) return false;
    }
    return true;
  }
  switch (widget) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number') return false;
      const text = String(value).trim();
      const count = [...text].length;
      if (typeof field.minlength === 'number' && count < field.minlength) return false;
      if (typeof field.maxlength === 'number' && count > field.maxlength) return false;
      if (Array.isArray(field.pattern) && !new RegExp(String(field.pattern[0])).test(text)) return false;
      if (field.type === 'url' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(text)) return false;
      return true;
    }
    case 'number':
      if (typeof value !== 'number' || (field.value_type === 'int' && !Number.isInteger(value))) return false;
      if (typeof field.min === 'number' && value < field.min) return false;
      if (typeof field.max === 'number' && value > field.max) return false;
      return true;
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getTime());
    case 'relation':
    case 'image':
      return typeof value === 'string';
    case 'object':
      return (
        typeof value === 'object' &&
        !Array.isArray(value) &&
        (field.fields ?? []).every((f) => cmsAccepts(f, (value as Record<string, unknown>)[f.name]))
      );
    case 'list': {
      if (!Array.isArray(value)) return false;
      if (typeof field.min === 'number' && value.length < field.min) return false;
      if (typeof field.max === 'number' && value.length > field.max) return false;
      const fields = field.fields;
      if (fields) return value.every((item) => cmsAccepts({ name: '', widget: 'object', fields }, item));
      return value.every((item) => typeof item === 'string' && item.trim() !== '');
    }
    default:
      return true;
  }
}

function examplesOf(schema: z.ZodType): unknown[] {
  return ((schema.meta() as { examples?: unknown[] } | undefined)?.examples ?? []).slice();
}

/** A value the schema accepts for this field: an example, else one made from its type. */
function sampleFor(schema: z.ZodType): unknown {
  const [example] = examplesOf(schema);
  if (example !== undefined) return example;
  const inner = unwrap(schema);
  const d = defOf(inner);
  if (d.type === 'object') {
    const shape = Object.entries(d.shape ?? {});
    const out: Record<string, unknown> = Object.fromEntries(shape.filter(([, v]) => isRequired(v)).map(([k, v]) => [k, sampleFor(v)]));
    if (inner.safeParse(out).success) return out;
    for (const [k, v] of shape.filter(([, v]) => !isRequired(v))) {
      if (inner.safeParse({ ...out, [k]: sampleFor(v) }).success) return { ...out, [k]: sampleFor(v) };
    }
    return out;
  }
  if (d.type === 'array') return [sampleFor(d.element!)];
  if (d.type === 'boolean') return true;
  if (d.type === 'int' || d.type === 'number') return 4;
  return 'sample text';
}

/** Values at and just past every limit either side names. */
function probesFor(schema: z.ZodType, field: CmsField): unknown[] {
  const inner = unwrap(schema);
  const json = jsonOf(inner);
  const sample = sampleFor(schema);
  const probes: unknown[] = [sample, 'Not A Valid Value!'];
  const lengths = [json.minLength, json.maxLength, field.minlength, field.maxlength].filter((n): n is number => typeof n === 'number');
  for (const n of lengths) for (const len of [n - 1, n, n + 1]) if (len > 0) probes.push('a'.repeat(len));
  const numbers = [json.minimum, json.maximum, field.min, field.max].filter(
    (n): n is number => typeof n === 'number' && Number.isSafeInteger(n),
  );
  for (const n of numbers) probes.push(n - 1, n, n + 1);
  if (defOf(inner).type === 'array' && Array.isArray(sample) && sample.length) {
    const counts = [json.minItems, json.maxItems, field.min, field.max].filter((n): n is number => typeof n === 'number');
    for (const n of counts) {
      for (const count of [n - 1, n, n + 1]) {
        if (count >= 0)
          probes.push(Array.from({ length: count }, (_, i) => (typeof sample[0] === 'string' ? `${String(sample[0])}-${i}` : sample[0])));
      }
    }
  }
  return probes;
}

/**
 * Every disagreement between an object schema and the CMS fields for it.
 * `ignore` names editor fields that are not frontmatter (a post's `body`).
 */
export function cmsDrift(schema: z.ZodType, fields: readonly CmsField[], where = '', ignore: readonly string[] = []): string[] {
  const shape = defOf(unwrap(schema)).shape ?? {};
  const byName = new Map(fields.map((f) => [f.name, f]));
  const name = (k: string) => `${where}${k}`;
  const problems: string[] = [];
  for (const key of Object.keys(shape)) if (!byName.has(key)) problems.push(`${name(key)}: in the schema, missing from the editor`);
  for (const key of byName.keys())
    if (!(key in shape) && !ignore.includes(key)) problems.push(`${name(key)}: in the editor, not in the schema`);

  for (const [key, zodField] of Object.entries(shape)) {
    const field = byName.get(key);
    if (!field) continue;
    const required = isRequired(zodField);
    if (required !== (field.required !== false)) {
      problems.push(
        `${name(key)}: ${required ? 'required' : 'optional'} in the schema, ${field.required !== false ? 'required' : 'optional'} in the editor`,
      );
    }
    const inner = unwrap(zodField);
    const d = defOf(inner);
    if (d.type === 'object' && field.fields) problems.push(...cmsDrift(inner, field.fields, `${name(key)} → `));
    if (d.type === 'array' && field.fields && defOf(unwrap(d.element!)).type === 'object')
      problems.push(...cmsDrift(d.element!, field.fields, `${name(key)}[] → `));
    // Dates, authors and pictures are checked by their own tests: the schema's date is a transform, the others refer to files.
    if (['datetime', 'relation', 'image'].includes(field.widget ?? '') || field.fields) continue;
    for (const probe of probesFor(zodField, field)) {
      const schemaSays = zodField.safeParse(isEmpty(probe) && !required ? undefined : probe).success;
      const editorSays = cmsAccepts(field, probe);
      if (schemaSays !== editorSays) {
        problems.push(
          `${name(key)}: ${JSON.stringify(probe)} is ${schemaSays ? 'accepted' : 'refused'} by the schema and ${editorSays ? 'accepted' : 'refused'} by the editor`,
        );
      }
    }
    // Left empty: an optional field may be, a required one may not.
    const emptyOk = cmsAccepts(field, '');
    if (emptyOk === required)
      problems.push(
        `${name(key)}: the editor ${emptyOk ? 'saves it empty' : 'refuses it empty'}, but the schema makes it ${required ? 'required' : 'optional'}`,
      );
  }
  return problems;
}
