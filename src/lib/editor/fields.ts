/**
 * The one description of what the editor shows for each field, read from the
 * zod schemas in src/schema/: which fields there are, whether each is required,
 * its limits (length, range, number of items, pattern) and its help text. What
 * is written by hand (collections.ts) is what a schema cannot say: the label
 * people see, the order of the form, and for a few fields what kind of input
 * suits them (a date picker, a picture upload, a pick from the authors). A schema field with no
 * label here stops the build (`describeFields` throws), so a field added to a
 * schema cannot be left out of the editor by accident.
 *
 * The CMS configuration (sveltia-config.ts), the file format the editor saves
 * (post-file.ts) and the tests all read this description.
 */
import { z } from 'zod';
import { unwrap } from '../../schema/introspect.ts';

interface Common {
  /** The key in the file. */
  name: string;
  label: string;
  /** Help text under the field: the schema's description, plus its limits in words. */
  hint: string;
  required: boolean;
}

export interface TextField extends Common {
  kind: 'text';
  multiline: boolean;
  minLength?: number;
  maxLength?: number;
  /** A pattern the whole value must match, with the schema's message for it. */
  pattern?: { source: string; message: string };
  /** A web address (http or https). */
  url: boolean;
}

export interface IntegerField extends Common {
  kind: 'integer';
  min?: number;
  max?: number;
}

/** Journal volumes and issues: `4` or `"4a"`; a number stays a number in the file. */
export interface TextOrIntegerField extends Common {
  kind: 'text-or-integer';
}

export interface BooleanField extends Common {
  kind: 'boolean';
  default: boolean;
}

/** A day, or a day and a time in the studio's zone (`2026-11-27`, `2026-11-27T07:00:00-05:00`). */
export interface DateField extends Common {
  kind: 'date';
  timeZone: string;
}

/** A list of short texts: tags, previous addresses, author names. */
export interface TextListField extends Common {
  kind: 'text-list';
  minItems?: number;
  maxItems?: number;
  itemPattern?: { source: string; message: string };
  /** Values already in use (the tags of existing posts), offered in the hint. */
  suggestions: string[];
}

/** The id of an entry of another collection (a post's author). */
export interface ReferenceField extends Common {
  kind: 'reference';
  collection: 'authors';
}

/** A picture saved next to the entry, written as `./images/<file>`. */
export interface PictureField extends Common {
  kind: 'picture';
}

export interface GroupField extends Common {
  kind: 'group';
  fields: EditorField[];
}

/** A list of entries with fields of their own (sources, profile links). */
export interface RepeatField extends Common {
  kind: 'repeat';
  /** What one item is called on its "Add" button. */
  itemLabel: string;
  fields: EditorField[];
}

/** The Markdown text after the frontmatter. */
export interface MarkdownField extends Common {
  kind: 'markdown';
}

export type EditorField =
  | TextField
  | IntegerField
  | TextOrIntegerField
  | BooleanField
  | DateField
  | TextListField
  | ReferenceField
  | PictureField
  | GroupField
  | RepeatField
  | MarkdownField;

export type FieldKind = EditorField['kind'];

/** What the schema cannot say about a field: its label, and where the input is special, its kind. */
export interface FieldLabel {
  label: string;
  /** Added after the schema's description. */
  note?: string;
  kind?: 'date' | 'reference' | 'picture';
  multiline?: boolean;
  /** For a list of objects: what one item is called. */
  itemLabel?: string;
  /** For an object or a list of objects: the labels of its fields. */
  fields?: FieldLabels;
}

export type FieldLabels = Record<string, FieldLabel>;

export interface DescribeOptions {
  timeZone: string;
  /** Values to offer for list fields, by field name (the tags in use). */
  suggestions?: Record<string, string[]>;
  /** Where the fields are, for the error message: `posts`, `posts → citations`. */
  where?: string;
}

type JsonSchema = {
  type?: string | string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  description?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  out?: z.ZodType;
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function jsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Optional, or with a default: the file may leave it out. */
export function isRequired(schema: z.ZodType): boolean {
  return !['optional', 'default', 'prefault'].includes(defOf(schema).type);
}

/**
 * For a value tidied before it is checked (`doi`: a `https://doi.org/` prefix is
 * dropped, then the rest must match), the check after the tidying: the editor
 * asks for the tidy form, as the field's description does.
 */
function checkedOutput(schema: z.ZodType): z.ZodType | undefined {
  let s = schema;
  for (let d = defOf(s); ; d = defOf(s)) {
    if (d.type === 'pipe' && d.out) return unwrap(d.out);
    if (!d.innerType) return undefined;
    s = d.innerType;
  }
}

/** The message a schema gives for a value that does not match its pattern (the `.regex(…, { error })` text). */
function patternMessage(schema: z.ZodType): string {
  const inner = unwrap(schema);
  const probe = inner.safeParse('Not A Valid Value!');
  const issue = probe.success ? undefined : probe.error.issues.find((i) => i.code === 'invalid_format');
  return issue?.message ?? 'is not in the expected form';
}

function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

function hintOf(schema: z.ZodType, label: FieldLabel, extra: string[] = []): string {
  const description = (schema.meta() as { description?: string } | undefined)?.description ?? '';
  return [description, label.note ?? '', ...extra].map(sentence).filter(Boolean).join(' ');
}

function describeOne(name: string, schema: z.ZodType, label: FieldLabel, opts: DescribeOptions): EditorField {
  const common = { name, label: label.label, required: isRequired(schema) };
  const inner = unwrap(schema);
  const def = defOf(inner);
  const json = jsonSchema(inner);
  const where = `${opts.where ?? ''}${opts.where ? ' → ' : ''}${name}`;

  if (label.kind === 'date') {
    return { ...common, kind: 'date', timeZone: opts.timeZone, hint: hintOf(schema, label, [`Studio time (${opts.timeZone})`]) };
  }
  if (label.kind === 'reference') return { ...common, kind: 'reference', collection: 'authors', hint: hintOf(schema, label) };
  if (label.kind === 'picture') return { ...common, kind: 'picture', hint: hintOf(schema, label) };

  switch (def.type) {
    case 'string': {
      const output = json.pattern ? undefined : checkedOutput(schema);
      const outputPattern = output ? jsonSchema(output).pattern : undefined;
      const pattern = json.pattern
        ? { source: json.pattern, message: patternMessage(inner) }
        : outputPattern
          ? { source: outputPattern, message: patternMessage(output!) }
          : undefined;
      return {
        ...common,
        kind: 'text',
        multiline: label.multiline ?? false,
        ...(json.minLength !== undefined ? { minLength: json.minLength } : {}),
        ...(json.maxLength !== undefined ? { maxLength: json.maxLength } : {}),
        ...(pattern ? { pattern } : {}),
        url: json.format === 'uri',
        hint: hintOf(schema, label),
      };
    }
    case 'number':
    case 'int':
      return {
        ...common,
        kind: 'integer',
        ...(json.minimum !== undefined && Number.isSafeInteger(json.minimum) ? { min: json.minimum } : {}),
        ...(json.maximum !== undefined && Number.isSafeInteger(json.maximum) ? { max: json.maximum } : {}),
        hint: hintOf(schema, label),
      };
    case 'boolean':
      return { ...common, kind: 'boolean', default: json.default === true, hint: hintOf(schema, label) };
    case 'union': {
      const kinds = (def.options ?? []).map((o) => defOf(unwrap(o)).type).sort();
      if (kinds.join() === 'int,string' || kinds.join() === 'number,string') {
        return { ...common, kind: 'text-or-integer', hint: hintOf(schema, label) };
      }
      break;
    }
    case 'array': {
      const element = unwrap(def.element!);
      if (defOf(element).type === 'object') {
        if (!label.fields) throw new Error(`${where}: a list of objects needs labels for its fields in src/lib/editor/`);
        return {
          ...common,
          kind: 'repeat',
          itemLabel: label.itemLabel ?? label.label,
          fields: describeFields(element, label.fields, { ...opts, where }),
          hint: hintOf(schema, label),
        };
      }
      if (defOf(element).type === 'string') {
        const item = json.items ?? {};
        const suggestions = opts.suggestions?.[name] ?? [];
        const extra = suggestions.length ? [`In use: ${suggestions.join(', ')}`] : [];
        return {
          ...common,
          kind: 'text-list',
          ...(json.minItems !== undefined ? { minItems: json.minItems } : {}),
          ...(json.maxItems !== undefined ? { maxItems: json.maxItems } : {}),
          ...(item.pattern ? { itemPattern: { source: item.pattern, message: patternMessage(element) } } : {}),
          suggestions,
          hint: hintOf(schema, label, extra),
        };
      }
      break;
    }
    case 'object':
      if (!label.fields) throw new Error(`${where}: an object needs labels for its fields in src/lib/editor/`);
      return { ...common, kind: 'group', fields: describeFields(inner, label.fields, { ...opts, where }), hint: hintOf(schema, label) };
  }
  throw new Error(`${where}: the editor has no input for a zod "${def.type}" field; describe it in src/lib/editor/fields.ts`);
}

/**
 * The editor's fields for an object schema, in the order of `labels`: the order
 * of the form, and of the fields in a file the editor writes. Throws when the
 * schema and the labels disagree on which fields exist.
 */
export function describeFields(schema: z.ZodType, labels: FieldLabels, opts: DescribeOptions): EditorField[] {
  const def = defOf(unwrap(schema));
  if (def.type !== 'object' || !def.shape) throw new Error(`${opts.where ?? 'schema'}: not an object schema`);
  const shape = def.shape;
  const where = (name: string) => `${opts.where ?? ''}${opts.where ? ' → ' : ''}${name}`;
  const unlabelled = Object.keys(shape).filter((name) => !labels[name]);
  if (unlabelled.length) {
    throw new Error(
      `${unlabelled.map(where).join(', ')}: in the schema but not in the editor; give ${unlabelled.length === 1 ? 'it a label' : 'each a label'} in src/lib/editor/`,
    );
  }
  const stale = Object.keys(labels).filter((name) => !(name in shape));
  if (stale.length) throw new Error(`${stale.map(where).join(', ')}: labelled for the editor but not in the schema; remove the label`);
  return Object.entries(labels).map(([name, label]) => describeOne(name, shape[name]!, label, opts));
}

/** Every field, nested ones included, with its path (`citations.year`). */
export function walkFields(fields: readonly EditorField[], prefix = ''): { path: string; field: EditorField }[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    const nested = field.kind === 'group' || field.kind === 'repeat' ? walkFields(field.fields, `${path}.`) : [];
    return [{ path, field }, ...nested];
  });
}
