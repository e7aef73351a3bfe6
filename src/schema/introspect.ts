/**
 * Reading zod schemas as data, so messages, the editor and the scaffolder can
 * list fields without a second hand-written list.
 */
import type { z } from 'zod';

type AnyDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
};

function def(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

/** Peel optional/default/pipe wrappers off to reach the schema that does the work. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = def(s);
    if (d.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(d.type))
      s = d.innerType;
    // A preprocessed field (`year` takes "2012" too) pipes a transform into the real schema: the real one does the work.
    else if (d.type === 'pipe' && d.in) s = def(d.in).type === 'transform' && d.out ? d.out : d.in;
    else return s;
  }
}

/** The fields of the object schema found at `path` (array indexes step into the element). */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!s) return [];
    const d = def(s);
    if (typeof seg === 'number' && d.type === 'array' && d.element) s = unwrap(d.element);
    else if (d.type === 'object' && d.shape && typeof seg === 'string') s = d.shape[seg] ? unwrap(d.shape[seg]) : undefined;
    else return [];
  }
  const d = s ? def(s) : undefined;
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** Top-level fields with whether each must be given. */
export function describeFields(schema: z.ZodType): { name: string; required: boolean }[] {
  const d = def(unwrap(schema));
  if (d.type !== 'object' || !d.shape) return [];
  return Object.entries(d.shape).map(([name, field]) => ({
    name,
    required: !['optional', 'default', 'prefault'].includes(def(field).type),
  }));
}
