/**
 * Keystatic fields that take their labels, help text and checks from the zod
 * schemas in src/schema/, so the editor says what the build says. Each check
 * runs the field's own zod schema and words the first problem the way the
 * content check does (src/lib/content/problems.ts).
 */
import { createElement as h, useState, type ReactElement } from 'react';
import { fields } from '@keystatic/core';
import type { AssetFormField, BasicFormField, FormFieldInputProps, FormFieldStoredValue, SlugFormField } from '@keystatic/core';
import { FieldMessage } from '@keystar/ui/field';
import { Flex } from '@keystar/ui/layout';
import { TextArea, TextField } from '@keystar/ui/text-field';
import type { z } from 'zod';
import { problemsFromZod } from '../lib/content/problems.ts';
import { fieldsAt } from '../schema/introspect.ts';
import { dayAndTimeFromStored, storedFromDayAndTime, type DayAndTime } from '../lib/editor/date-field.ts';
import { slugify } from '../schema/slug.ts';
import { SLUG_PATTERN } from '../schema/slug.ts';

/** A problem with a value, in the content check's words, or undefined when it is fine. */
export type Check<V> = (value: V) => string | undefined;

/** The zod schema's description (from `.meta()`), used as the field's help text. */
export function describe(schema: z.ZodType): string {
  return schema.description ?? '';
}

/** Check a value against a zod schema; the message names the field as marketers see it. */
export function zodCheck<V>(label: string, schema: z.ZodType): Check<V> {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return undefined;
    const [problem] = problemsFromZod('', result.error, () => 1, (p) => fieldsAt(schema, p));
    if (!problem) return undefined;
    // `tags #2`, `Picture → alt`: the part of the field that is wrong, after its label.
    const where = !problem.field ? '' : problem.field.startsWith(' ') ? problem.field : ` → ${problem.field}`;
    return `${label}${where} ${problem.message}`;
  };
}

function Checked<V>(props: { input: FormFieldInputProps<V>; check: Check<V>; Base: (p: FormFieldInputProps<V>) => ReactElement | null }) {
  const { input, check, Base } = props;
  const [touched, setTouched] = useState(false);
  const message = touched || input.forceValidation ? check(input.value) : undefined;
  return h(
    Flex,
    { direction: 'column', gap: 'regular', UNSAFE_style: { minWidth: 0 } },
    h('div', { onBlur: () => setTouched(true) }, h(Base, input)),
    message ? h(FieldMessage, null, message) : null,
  );
}

/**
 * A field with a schema check: the message shows under the field once it has
 * been left or a save was tried, and the entry cannot be saved while it stands.
 */
export function withCheck<F extends BasicFormField<any, any, any> | SlugFormField<any, any, any, any> | AssetFormField<any, any, any>>(
  field: F,
  check: Check<Parameters<F['validate']>[0]>,
): F {
  const Base = field.Input as (p: FormFieldInputProps<Parameters<F['validate']>[0]>) => ReactElement | null;
  return {
    ...field,
    Input(input: FormFieldInputProps<Parameters<F['validate']>[0]>) {
      return h(Checked<Parameters<F['validate']>[0]>, { input, check, Base });
    },
    validate(value: Parameters<F['validate']>[0], extra?: never) {
      const message = check(value);
      if (message) throw new Error(message);
      return (field.validate as (v: unknown, e?: unknown) => unknown)(value, extra);
    },
  } as F;
}

/** Leave a key out of the file rather than writing `key: ''`. */
function omitEmpty<F extends { serialize(value: string): { value: FormFieldStoredValue } }>(field: F): F {
  return { ...field, serialize: (value: string) => (value.trim() === '' ? { value: undefined } : field.serialize(value)) };
}

export interface TextOptions {
  label: string;
  schema: z.ZodType;
  multiline?: boolean;
  optional?: boolean;
  description?: string;
}

/** Text checked by its zod schema; an optional one is left out of the file when empty. */
export function schemaText({ label, schema, multiline, optional, description }: TextOptions) {
  const field = omitEmpty(fields.text({ label, multiline: multiline ?? false, description: description ?? describe(schema) }));
  return withCheck(field, (value: string) => (optional && value.trim() === '' ? undefined : zodCheck(label, schema)(value)));
}

/** Whole minutes, a year. */
export function schemaInteger({ label, schema, optional }: { label: string; schema: z.ZodType; optional?: boolean }) {
  return withCheck(fields.integer({ label, description: describe(schema) }), (value: number | null) =>
    value === null && optional ? undefined : zodCheck(label, schema)(value ?? undefined),
  );
}

/** Text or a whole number, as journals number volumes (`volume: 4`, `volume: "4a"`); a number stays a number. */
export function textOrNumber({ label, schema }: { label: string; schema: z.ZodType }): BasicFormField<TextOrNumber> {
  const fromStored = (value: FormFieldStoredValue): TextOrNumber =>
    typeof value === 'number' ? { text: String(value), number: true } : { text: value == null ? '' : String(value), number: false };
  const toData = (value: TextOrNumber) => (value.number && /^\d+$/.test(value.text.trim()) ? Number(value.text.trim()) : value.text.trim());
  const field: BasicFormField<TextOrNumber> = {
    kind: 'form',
    label,
    Input(props) {
      return h(TextField, {
        label,
        description: describe(schema),
        value: props.value.text,
        onChange: (text: string) => props.onChange({ text, number: /^\d+$/.test(text.trim()) }),
        autoFocus: props.autoFocus,
      });
    },
    defaultValue: () => ({ text: '', number: false }),
    parse: fromStored,
    serialize: (value) => ({ value: value.text.trim() === '' ? undefined : toData(value) }),
    validate: (value) => value,
    reader: { parse: fromStored },
  };
  return withCheck(field, (value: TextOrNumber) => (value.text.trim() === '' ? undefined : zodCheck(label, schema)(toData(value))));
}

/**
 * A value the editor shows but never changes, such as the record `npm run import`
 * keeps of where a post came from: it is read from the file and written back as it was.
 */
export function keptAsIs({ label, schema, show }: { label: string; schema: z.ZodType; show: (value: {}) => string }): BasicFormField<{} | null> {
  const fromStored = (value: FormFieldStoredValue): {} | null => value ?? null;
  const field: BasicFormField<{} | null> = {
    kind: 'form',
    label,
    Input(props) {
      return h(TextField, { label, description: describe(schema), value: props.value === null ? '' : show(props.value), isReadOnly: true });
    },
    defaultValue: () => null,
    parse: fromStored,
    serialize: (value) => ({ value: (value ?? undefined) as FormFieldStoredValue }),
    validate: (value) => value,
    reader: { parse: fromStored },
  };
  return withCheck(field, (value: {} | null) => (value === null ? undefined : zodCheck(label, schema)(value)));
}

export interface TextOrNumber {
  text: string;
  /** Written as a YAML number (`4`) rather than text (`"4"`). */
  number: boolean;
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A list typed as text: tags separated by commas, author names one a line.
 * The file gets a YAML list; an empty optional list is left out.
 */
export function schemaList({
  label,
  schema,
  separator,
  optional,
  description,
}: {
  label: string;
  schema: z.ZodType;
  separator: 'comma' | 'line';
  optional?: boolean;
  description?: string;
}): BasicFormField<string> {
  const split = separator === 'comma' ? /,/ : /\r?\n/;
  const join = separator === 'comma' ? ', ' : '\n';
  const fromStored = (value: FormFieldStoredValue): string => (Array.isArray(value) ? value.map(String).join(join) : value == null ? '' : String(value));
  const field: BasicFormField<string> = {
    kind: 'form',
    label,
    Input(props) {
      const common = {
        label,
        description: description ?? describe(schema),
        value: props.value,
        onChange: props.onChange,
        autoFocus: props.autoFocus,
        isRequired: !optional,
      };
      return separator === 'line' ? h(TextArea, common) : h(TextField, common);
    },
    defaultValue: () => '',
    parse: fromStored,
    serialize: (value) => {
      const list = splitList(value, split);
      return { value: list.length || !optional ? list : undefined };
    },
    validate: (value) => value,
    reader: { parse: fromStored },
  };
  return withCheck(field, (value: string) => {
    const list = splitList(value, split);
    return optional && list.length === 0 ? undefined : zodCheck(label, schema)(list);
  });
}

/** When a post goes public: a day, and optionally a time in the studio's zone. */
export function publishDateField({
  label,
  schema,
  timeZone,
  optional,
}: {
  label: string;
  schema: z.ZodType;
  timeZone: string;
  optional?: boolean;
}): BasicFormField<DayAndTime> {
  const field: BasicFormField<DayAndTime> = {
    kind: 'form',
    label,
    Input(props) {
      const set = (patch: Partial<DayAndTime>) => {
        const { unreadable: _dropped, ...rest } = props.value;
        props.onChange({ ...rest, ...patch } as DayAndTime);
      };
      return h(
        Flex,
        { gap: 'large', wrap: true },
        h(TextField, {
          type: 'date',
          label,
          description: describe(schema),
          value: props.value.day,
          onChange: (day: string) => set({ day }),
          autoFocus: props.autoFocus,
          isRequired: !optional,
        }),
        h(TextField, {
          type: 'time',
          label: `${label}: time (optional)`,
          description: `Studio time (${timeZone}); empty means the start of the day.`,
          value: props.value.time,
          onChange: (time: string) => set({ time }),
        }),
      );
    },
    defaultValue: () => ({ day: '', time: '' }),
    parse: (value) => dayAndTimeFromStored(value, timeZone),
    serialize: (value) => {
      const text = storedFromDayAndTime(value, timeZone);
      if (!text) return { value: undefined };
      // js-yaml writes a Date through toISOString without quotes: the file then
      // reads `date: 2026-11-27` exactly as people type it.
      const stamp = new Date(0);
      stamp.toISOString = () => text;
      return { value: stamp };
    },
    validate: (value) => value,
    reader: { parse: (value) => dayAndTimeFromStored(value, timeZone) },
  };
  return withCheck(field, (value: DayAndTime) => {
    const text = storedFromDayAndTime(value, timeZone);
    return optional && text === '' ? undefined : zodCheck(label, schema)(text);
  });
}

/** The title, which also names the file: `2026-11-27-short-title.md`. */
export function titleAndFileName({ label, schema, today }: { label: string; schema: z.ZodType; today: () => string }) {
  const field = fields.slug({
    name: { label, description: describe(schema) },
    slug: {
      label: 'File name',
      description: 'The date and a short title. The part after the date becomes the address: /posts/short-title/.',
      generate: (title) => `${today()}-${slugify(title)}`,
      validation: {
        pattern: {
          regex: /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/,
          message: 'File name must be the date and lowercase words joined by hyphens, like 2026-11-27-massage-after-exercise',
        },
      },
    },
  });
  return withCheck(field, (value: { name: string; slug: string }) => zodCheck(label, schema)(value.name));
}

/** An author's name, which also names the file: `lauren-walker.yaml`, the id posts use in `author:`. */
export function nameAndId({ label, schema }: { label: string; schema: z.ZodType }) {
  const field = fields.slug({
    name: { label, description: describe(schema) },
    slug: {
      label: 'Author id (file name)',
      description: 'What posts write in `author:`. Changing it later means changing every post by this author.',
      generate: slugify,
      validation: { pattern: { regex: SLUG_PATTERN, message: 'Author id must be lowercase words joined by hyphens, like lauren-walker' } },
    },
  });
  return withCheck(field, (value: { name: string; slug: string }) => zodCheck(label, schema)(value.name));
}

export interface Picture {
  /** Path as written in the file, relative to it (`./images/…`). */
  src: string;
  alt: string;
  /** The picture's bytes when it sits in the editor's folder for this entry, or was just chosen. */
  upload: { data: Uint8Array; extension: string; filename: string } | null;
}

function safeFileName(name: string, extension: string): string {
  const base = slugify(name.replace(/\.[^.]+$/, '')) || 'picture';
  return `${base}.${extension.toLowerCase() || 'jpg'}`;
}

/**
 * A picture next to the entry. New uploads go to `<folder>/images/<file name>/`
 * and the file gets `./images/<file name>/picture.jpg`. Pictures placed by hand
 * elsewhere (`./images/hero.jpg`) keep their path untouched.
 */
export function pictureField({
  label,
  folder,
  schema,
  withAlt,
  altLabel = 'Alt text',
  altDescription,
}: {
  label: string;
  /** The collection's folder inside the content folder: `posts` or `authors`. */
  folder: string;
  schema: z.ZodType;
  withAlt: boolean;
  altLabel?: string;
  altDescription?: string;
}): AssetFormField<Picture | null, Picture | null, unknown> {
  const publicPath = './images/';
  const upload = fields.image({ label, description: describe(schema) });
  const prefix = (slug: string | undefined) => `${publicPath}${slug ?? ''}/`;
  const srcOf = (stored: FormFieldStoredValue) =>
    typeof stored === 'string' ? stored : stored && typeof stored === 'object' && !Array.isArray(stored) && 'src' in stored ? String(stored.src ?? '') : '';
  const altOf = (stored: FormFieldStoredValue) =>
    stored && typeof stored === 'object' && !Array.isArray(stored) && 'alt' in stored ? String(stored.alt ?? '') : '';
  const toData = (value: Picture | null) => (value === null ? undefined : withAlt ? { src: value.src || (value.upload ? 'new' : ''), alt: value.alt } : value.src || (value.upload ? 'new' : ''));

  const field: AssetFormField<Picture | null, Picture | null, unknown> = {
    kind: 'form',
    formKind: 'asset',
    label,
    directory: `${folder}/images`,
    Input(props) {
      const value = props.value;
      const set = (patch: Partial<Picture>) => {
        const next = { src: '', alt: '', upload: null, ...value, ...patch };
        props.onChange(!next.src && !next.alt && !next.upload ? null : next);
      };
      return h(
        Flex,
        { direction: 'column', gap: 'large' },
        h(upload.Input, { value: value?.upload ?? null, onChange: (picked) => set({ upload: picked, src: '' }), autoFocus: props.autoFocus, forceValidation: false }),
        value?.src && !value.upload
          ? h(TextField, {
              label: `${label}: file`,
              description: 'A picture placed by hand next to this file. Choose a new one above to replace it, or clear this to remove it.',
              value: value.src,
              onChange: (src: string) => set({ src }),
            })
          : null,
        withAlt
          ? h(TextArea, {
              label: altLabel,
              description: altDescription,
              value: value?.alt ?? '',
              onChange: (alt: string) => set({ alt }),
              isRequired: Boolean(value?.src || value?.upload),
            })
          : null,
      );
    },
    defaultValue: () => null,
    filename(stored, { slug }) {
      const src = srcOf(stored);
      return src.startsWith(prefix(slug)) ? src.slice(prefix(slug).length) : undefined;
    },
    parse(stored, { asset, slug }) {
      if (stored === undefined || stored === null) return null;
      const src = srcOf(stored);
      const inFolder = src.startsWith(prefix(slug));
      const filename = inFolder ? src.slice(prefix(slug).length) : '';
      return {
        src,
        alt: altOf(stored),
        upload: asset && inFolder ? { data: asset, filename, extension: filename.split('.').pop() ?? '' } : null,
      };
    },
    serialize(value, { slug }) {
      if (value === null || (!value.src && !value.upload && !value.alt)) return { value: undefined, asset: undefined };
      let src = value.src;
      let asset: { filename: string; content: Uint8Array } | undefined;
      if (value.upload) {
        const inFolder = src.startsWith(prefix(slug)) && src.slice(prefix(slug).length) === value.upload.filename;
        const filename = inFolder ? value.upload.filename : safeFileName(value.upload.filename, value.upload.extension);
        src = `${prefix(slug)}${filename}`;
        asset = { filename, content: value.upload.data };
      }
      return { value: withAlt ? { src, alt: value.alt } : src, asset };
    },
    validate: (value) => value,
    reader: { parse: (stored) => stored },
  };
  return withCheck(field, (value: Picture | null) => {
    const data = toData(value);
    return data === undefined || data === '' ? undefined : zodCheck(label, schema)(data);
  });
}
