/**
 * How the editor at /admin/ reads and writes content files: the project's own
 * YAML style rather than the CMS's, so a file the editor saves looks like one
 * written by hand and a save changes only the lines whose values changed.
 *
 * The style: fields in the editor's order (collections.ts); a value written plain unless YAML
 * needs quotes, and then in double quotes; lists of slugs on one line
 * (`tags: [massage, recovery]`), other lists one item a line; no line folding;
 * empty fields and fields at their default (`draft: false`, `citations: []`)
 * left out; a blank line between the frontmatter and the text. The files in
 * content/ are written in it (tests/unit/editor-file-format.test.ts checks).
 *
 * A file whose content the writer did not change comes back byte for byte as it
 * was read, whatever its style (comments included): `EntryFileFormat` remembers
 * each file's text by its content.
 *
 * The admin script registers one format per collection (src/admin/main.ts);
 * this module is plain TypeScript so the tests run it in Node too.
 */
import { Document, isCollection, parseDocument } from 'yaml';
import { dateForFile, dateForPicker } from './date-value.ts';
import type { EditorField } from './fields.ts';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;
const YAML_OPTIONS = { schema: 'core', uniqueKeys: false } as const;
const OUTPUT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

export type EntryData = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const INTEGER = /^[+-]?\d+$/;

/** One value as the file should hold it, or undefined to leave the field out. */
function cleanValue(field: EditorField | undefined, value: unknown): unknown {
  if (!field) return isEmpty(value) ? undefined : value;
  switch (field.kind) {
    case 'text':
    case 'picture':
    case 'reference':
      return typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : isEmpty(value) ? undefined : value;
    case 'markdown':
      return typeof value === 'string' ? value : undefined;
    case 'integer':
      if (typeof value === 'string') return INTEGER.test(value.trim()) ? Number(value.trim()) : value.trim() || undefined;
      return isEmpty(value) ? undefined : value;
    case 'text-or-integer':
      // A number stays a number (`volume: 4`), what else was typed stays text (`volume: 4a`).
      if (typeof value === 'string')
        return value.trim() === '' ? undefined : INTEGER.test(value.trim()) ? Number(value.trim()) : value.trim();
      return isEmpty(value) ? undefined : value;
    case 'boolean':
      return value === undefined || value === null || value === field.default ? undefined : value;
    case 'date':
      // Whatever form the date picker stores, the file gets `2026-11-27` or `2026-11-27T07:00:00-05:00`.
      return isEmpty(value) ? undefined : dateForFile(value, field.timeZone);
    case 'text-list': {
      if (!Array.isArray(value)) return isEmpty(value) ? undefined : value;
      const items = value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => !isEmpty(v));
      return items.length ? items : undefined;
    }
    case 'group': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return isEmpty(value) ? undefined : value;
      const cleaned = cleanEntry(value as EntryData, field.fields);
      return Object.keys(cleaned).length ? cleaned : undefined;
    }
    case 'repeat': {
      if (!Array.isArray(value)) return isEmpty(value) ? undefined : value;
      const items = value
        .map((item) =>
          item !== null && typeof item === 'object' && !Array.isArray(item) ? cleanEntry(item as EntryData, field.fields) : item,
        )
        .filter((item) => !isEmpty(item));
      return items.length ? items : undefined;
    }
  }
}

/** The entry's values in the description's order, cleaned; keys the description does not know keep their place after. */
export function cleanEntry(data: EntryData, fields: readonly EditorField[]): EntryData {
  const out: EntryData = {};
  const byName = new Map(fields.map((f) => [f.name, f]));
  const keys = [...fields.map((f) => f.name).filter((k) => k in data), ...Object.keys(data).filter((k) => !byName.has(k))];
  for (const key of keys) {
    const value = cleanValue(byName.get(key), data[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function yamlText(data: EntryData, fields: readonly EditorField[]): string {
  if (Object.keys(data).length === 0) return '';
  const doc = new Document(data, YAML_OPTIONS);
  for (const field of fields) {
    if (field.kind !== 'text-list' || !field.itemPattern) continue;
    const node = doc.get(field.name, true);
    if (isCollection(node)) node.flow = true;
  }
  return doc.toString(OUTPUT_OPTIONS);
}

function parseYaml(text: string): EntryData {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length) throw new Error(doc.errors[0]!.message);
  const data = doc.toJS() as unknown;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as EntryData) : {};
}

/** The values as the editor's inputs take them: dates for the date picker (date-value.ts). */
export function forEditor(data: EntryData, fields: readonly EditorField[]): EntryData {
  const out = { ...data };
  for (const field of fields) {
    if (field.kind === 'date' && field.name in out) out[field.name] = dateForPicker(out[field.name], field.timeZone);
  }
  return out;
}

/** A Markdown post: its frontmatter's fields and its text as `body`. */
export function parseMarkdownEntry(text: string): EntryData {
  const match = FRONTMATTER.exec(text);
  if (!match) return { body: text };
  const body = text.slice(match[0].length).replace(/^(?:[ \t]*\r?\n)+/, '');
  return { ...parseYaml(match[1] ?? ''), body };
}

/** A post file in the project's style. `body` is the Markdown text. */
export function formatMarkdownEntry(data: EntryData, fields: readonly EditorField[]): string {
  const { body, ...frontmatter } = cleanEntry(data, fields);
  const text = typeof body === 'string' ? body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd() : '';
  return `---\n${yamlText(frontmatter, fields)}---\n${text ? `\n${text}\n` : ''}`;
}

export function parseYamlEntry(text: string): EntryData {
  return parseYaml(text);
}

/** An author file in the project's style. */
export function formatYamlEntry(data: EntryData, fields: readonly EditorField[]): string {
  return yamlText(cleanEntry(data, fields), fields);
}

/**
 * One collection's file format, as the CMS calls it: `fromFile` for every file
 * it reads, `toFile` for every file it saves. A save whose content equals what
 * one file said when read returns that file's text unchanged.
 */
export class EntryFileFormat {
  /** Each file's text by its cleaned content; null when two files read differently mean the same. */
  readonly #read = new Map<string, string | null>();

  readonly fields: readonly EditorField[];
  readonly kind: 'markdown' | 'yaml';

  constructor(fields: readonly EditorField[], kind: 'markdown' | 'yaml') {
    this.fields = fields;
    this.kind = kind;
  }

  #key(data: EntryData): string {
    return JSON.stringify(cleanEntry(data, this.fields));
  }

  fromFile(text: string): EntryData {
    const data = this.kind === 'markdown' ? parseMarkdownEntry(text) : parseYamlEntry(text);
    const key = this.#key(data);
    const known = this.#read.get(key);
    this.#read.set(key, known === undefined || known === text ? text : null);
    return forEditor(data, this.fields);
  }

  toFile(data: EntryData): string {
    const original = this.#read.get(this.#key(data));
    if (typeof original === 'string') return original;
    return this.kind === 'markdown' ? formatMarkdownEntry(data, this.fields) : formatYamlEntry(data, this.fields);
  }
}
