/**
 * Compares the browser editor's Keystatic fields with the zod schema they edit,
 * and lists every disagreement in words:
 *
 * - names: every schema field has an editor field and the other way round;
 * - required: a field the schema requires refuses to save empty, an optional one saves empty;
 * - types and formats: the schema's own examples (from `.meta({ examples })`, or a
 *   sample made from the field's type) go through the editor field unchanged
 *   (read from the file, written back) and pass its checks;
 * - allowed values: for an enum, every value round-trips and an unknown one is refused.
 */
import type { z } from 'zod';
import { unwrap } from '../../../src/schema/introspect.ts';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  format?: string;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

type AnyField = {
  kind: string;
  formKind?: string;
  fields?: Record<string, AnyField>;
  element?: AnyField;
  defaultValue?: () => unknown;
  parse?: (value: unknown, extra?: unknown) => unknown;
  serialize?: (value: unknown, extra?: unknown) => { value: unknown };
  serializeWithSlug?: (value: unknown) => { value: unknown; slug: string };
  validate?: (value: unknown, extra?: unknown) => unknown;
};

const SLUG = '2026-11-27-a-post';
const SLUG_EXTRA = { slugField: { slugs: new Set<string>(), glob: '*' } };

function isRequiredInSchema(schema: z.ZodType): boolean {
  return !['optional', 'default', 'prefault'].includes(defOf(schema).type);
}

/** A value the schema accepts, for a field without examples. */
function sampleFor(schema: z.ZodType): unknown {
  const examples = (schema as unknown as { meta?: () => { examples?: unknown[] } | undefined }).meta?.()?.examples;
  if (examples?.length) return examples[0];
  const inner = unwrap(schema);
  const d = defOf(inner);
  switch (d.type) {
    case 'boolean':
      return true;
    case 'string':
      return d.format === 'url' ? 'https://example.org/page' : 'sample-text';
    case 'number':
    case 'int':
      return 4;
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'array':
      return [sampleFor(d.element!)];
    case 'object': {
      // The required fields; if the object's own rules want more (a citation needs a
      // `doi` or a `url`), the first optional field that satisfies them.
      const shape = Object.entries(d.shape ?? {});
      const out: Record<string, unknown> = Object.fromEntries(shape.filter(([, v]) => isRequiredInSchema(v)).map(([k, v]) => [k, sampleFor(v)]));
      if (inner.safeParse(out).success) return out;
      for (const [k, v] of shape.filter(([, v]) => !isRequiredInSchema(v))) {
        const withOne = { ...out, [k]: sampleFor(v) };
        if (inner.safeParse(withOne).success) return withOne;
      }
      return out;
    }
    case 'union':
      return sampleFor(d.options![0]!);
    default:
      return 'sample-text';
  }
}

function read(field: AnyField, stored: unknown, asSlug = false): unknown {
  if (field.kind === 'object') {
    const obj = (stored ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(field.fields!).map(([k, f]) => [k, read(f, obj[k])]));
  }
  if (field.kind === 'array') return ((stored ?? []) as unknown[]).map((v) => read(field.element!, v));
  if (asSlug) return field.parse!(stored, { slug: SLUG });
  if (field.formKind === 'asset') return field.parse!(stored, { asset: undefined, slug: SLUG });
  return field.parse!(stored);
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

function write(field: AnyField, state: unknown, asSlug = false): unknown {
  if (field.kind === 'object') {
    const obj = state as Record<string, unknown>;
    const out = Object.fromEntries(Object.entries(field.fields!).map(([k, f]) => [k, write(f, obj[k])]));
    return normalize(out);
  }
  if (field.kind === 'array') return (state as unknown[]).map((v) => write(field.element!, v));
  if (asSlug) return normalize(field.serializeWithSlug!(state).value);
  if (field.formKind === 'asset') return normalize(field.serialize!(state, { slug: SLUG, suggestedFilenamePrefix: undefined }).value);
  return normalize(field.serialize!(state).value);
}

/** Whether the editor refuses to save this value (its own checks, ours, any nested field's). */
function refuses(field: AnyField, state: unknown, asSlug = false): boolean {
  try {
    if (field.kind === 'object') {
      return Object.entries(field.fields!).some(([k, f]) => refuses(f, (state as Record<string, unknown>)[k]));
    }
    if (field.kind === 'array') return (state as unknown[]).some((v) => refuses(field.element!, v));
    field.validate!(state, asSlug ? SLUG_EXTRA : undefined);
    return false;
  } catch {
    return true;
  }
}

function emptyState(field: AnyField): unknown {
  if (field.kind === 'object') return Object.fromEntries(Object.entries(field.fields!).map(([k, f]) => [k, emptyState(f)]));
  if (field.kind === 'array') return [];
  return field.defaultValue!();
}

/**
 * Every disagreement between an object schema and the editor fields for it.
 * `slugField` is the collection's field that also names the file (Keystatic reads
 * and writes it differently).
 */
export function editorDrift(schema: z.ZodType, editorFields: Record<string, AnyField>, slugField?: string, where = ''): string[] {
  const shape = defOf(unwrap(schema)).shape ?? {};
  const problems: string[] = [];
  const name = (k: string) => `${where}${k}`;
  for (const key of Object.keys(shape)) if (!(key in editorFields)) problems.push(`${name(key)}: in the schema, missing from the editor`);
  for (const key of Object.keys(editorFields)) if (!(key in shape)) problems.push(`${name(key)}: in the editor, not in the schema`);

  for (const [key, zodField] of Object.entries(shape)) {
    const field = editorFields[key];
    if (!field) continue;
    const required = isRequiredInSchema(zodField);
    const refusesEmpty = refuses(field, emptyState(field), key === slugField);
    if (required && !refusesEmpty) problems.push(`${name(key)}: required in the schema, but the editor saves it empty`);
    if (!required && refusesEmpty) problems.push(`${name(key)}: optional in the schema, but the editor refuses it empty`);

    const inner = unwrap(zodField);
    const d = defOf(inner);
    if (d.type === 'object' && field.kind === 'object') {
      problems.push(...editorDrift(inner, field.fields!, undefined, `${name(key)} → `));
    }
    if (d.type === 'array' && field.kind === 'array' && defOf(unwrap(d.element!)).type === 'object' && field.element?.kind === 'object') {
      problems.push(...editorDrift(d.element!, field.element.fields!, undefined, `${name(key)}[] → `));
    }

    const samples = d.type === 'enum' ? Object.values(d.entries ?? {}) : [sampleFor(zodField)];
    for (const sample of samples) {
      if (!zodField.safeParse(sample).success) {
        problems.push(`${name(key)}: the schema's own example ${JSON.stringify(sample)} does not pass the schema`);
        continue;
      }
      let state: unknown;
      try {
        state = read(field, sample, key === slugField);
      } catch (error) {
        problems.push(`${name(key)}: the editor cannot read ${JSON.stringify(sample)} (${(error as Error).message})`);
        continue;
      }
      const back = write(field, state, key === slugField);
      if (JSON.stringify(back) !== JSON.stringify(normalize(sample))) {
        problems.push(`${name(key)}: ${JSON.stringify(sample)} comes back from the editor as ${JSON.stringify(back)}`);
      }
      if (refuses(field, state, key === slugField)) problems.push(`${name(key)}: the editor refuses ${JSON.stringify(sample)}, which the schema accepts`);
    }
    if (d.type === 'enum') {
      try {
        const state = read(field, '__not_an_allowed_value__');
        if (!refuses(field, state)) problems.push(`${name(key)}: the editor accepts a value the schema's list does not allow`);
      } catch {
        // Refused while reading: as it should be.
      }
    }
  }
  return problems;
}
