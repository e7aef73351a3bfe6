/**
 * Keeps the browser editor's saves looking like files people write by hand.
 *
 * Keystatic writes frontmatter with js-yaml's defaults (every list in block
 * style, long text folded at 80 columns, keys it has no value for as empty
 * strings) and re-serialises the Markdown body. Before a save reaches the disk we
 * lay the new values onto the file as it was: unchanged fields keep their exact
 * text, changed ones keep their style (a `[flow, list]` stays one), fields the
 * writer emptied are removed, and a body whose Markdown means the same as before
 * keeps its original text. A post opened and saved without edits stays
 * byte-for-byte the same.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { Document, isCollection, isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;
const YAML_OPTIONS = { schema: 'core', uniqueKeys: false } as const;
const OUTPUT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

export interface TidyOptions {
  /** Field order of the schema: new fields are placed by it. */
  order: readonly string[];
  /** Lists written in flow style (`[a, b]`) in new files, as docs/writing.md shows them. */
  flowKeys?: readonly string[];
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value === 'object' && !Array.isArray(value)) return Object.keys(value).length === 0;
  return false;
}

/** Drop what an editor form leaves behind for fields nobody filled in. */
export function pruneEmpty(value: unknown, original?: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => pruneEmpty(v, Array.isArray(original) ? original[i] : undefined));
  if (value === null || typeof value !== 'object') return value;
  const before = original !== null && typeof original === 'object' && !Array.isArray(original) ? (original as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const v = pruneEmpty(raw, before[key]);
    if (isEmpty(v)) continue;
    // `citations: []` and `draft: false` are the defaults: only keep them if the file had them.
    if (!(key in before) && ((Array.isArray(v) && v.length === 0) || v === false)) continue;
    out[key] = v;
  }
  return out;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function splitMarkdown(text: string): { frontmatter: string; body: string } | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1] ?? '', body: text.slice(match[0].length) };
}

/**
 * The Markdown's meaning: its syntax tree without positions. Whitespace inside raw
 * HTML (such as the note comment `npm run new` writes) does not count: the editor
 * re-indents it, and readers never see it.
 */
function markdownMeaning(body: string): string {
  return JSON.stringify(fromMarkdown(body), function (this: { type?: string }, key, value) {
    if (key === 'position') return undefined;
    if (key === 'value' && this.type === 'html' && typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
    return value;
  });
}

function orderedKeys(data: Record<string, unknown>, order: readonly string[]): string[] {
  const known = order.filter((k) => k in data);
  return [...known, ...Object.keys(data).filter((k) => !order.includes(k))];
}

function newDocument(data: Record<string, unknown>, opts: TidyOptions): Document {
  const ordered: Record<string, unknown> = {};
  for (const key of orderedKeys(data, opts.order)) ordered[key] = data[key];
  const doc = new Document(ordered, YAML_OPTIONS);
  for (const key of opts.flowKeys ?? []) {
    const node = doc.get(key, true);
    if (isCollection(node)) node.flow = true;
  }
  return doc;
}

/** Lay `data` onto the parsed original, touching only what changed. Returns undefined when nothing did. */
function mergeInto(doc: Document, data: Record<string, unknown>, opts: TidyOptions): boolean {
  const map = doc.contents;
  if (!isMap(map)) return false;
  const before = (doc.toJS() ?? {}) as Record<string, unknown>;
  let changed = false;
  const pairs = map.items as Pair<Node, Node>[];
  const keyOf = (p: Pair<Node, Node>) => (isScalar(p.key) ? String(p.key.value) : String(p.key));

  for (let i = pairs.length - 1; i >= 0; i--) {
    const key = keyOf(pairs[i]!);
    if (!(key in data)) {
      pairs.splice(i, 1);
      changed = true;
    }
  }
  for (const key of orderedKeys(data, opts.order)) {
    const value = data[key];
    const pair = pairs.find((p) => keyOf(p) === key);
    if (pair) {
      if (deepEqual(before[key], value)) continue;
      const node = doc.createNode(value) as Node;
      if (isCollection(pair.value) && isCollection(node)) node.flow = pair.value.flow ?? false;
      pair.value = node;
      changed = true;
      continue;
    }
    // A new field goes after the nearest field that comes before it in the schema.
    const rank = opts.order.indexOf(key);
    let at = pairs.length;
    if (rank >= 0) {
      const later = pairs.findIndex((p) => {
        const r = opts.order.indexOf(keyOf(p));
        return r > rank;
      });
      if (later >= 0) at = later;
    }
    const node = doc.createNode(value) as Node;
    if (isCollection(node) && opts.flowKeys?.includes(key)) node.flow = true;
    pairs.splice(at, 0, doc.createPair(key, node) as Pair<Node, Node>);
    changed = true;
  }
  (map as YAMLMap).items = pairs;
  return changed;
}

function tidyYaml(incomingYaml: string, originalYaml: string | undefined, opts: TidyOptions): string {
  const incoming = (parseDocument(incomingYaml, YAML_OPTIONS).toJS() ?? {}) as Record<string, unknown>;
  if (originalYaml !== undefined) {
    const doc = parseDocument(originalYaml, YAML_OPTIONS);
    if (!doc.errors.length && isMap(doc.contents)) {
      const data = pruneEmpty(incoming, doc.toJS()) as Record<string, unknown>;
      if (!mergeInto(doc, data, opts)) return originalYaml;
      // Comments after the last field (the scaffold's list of optional fields) stay exactly
      // as written: the yaml library would put a blank line before them.
      const tail = doc.comment ? originalYaml.slice(doc.contents.range?.[2] ?? originalYaml.length) : '';
      doc.comment = null;
      return doc.toString(OUTPUT_OPTIONS) + tail;
    }
  }
  return newDocument(pruneEmpty(incoming) as Record<string, unknown>, opts).toString(OUTPUT_OPTIONS);
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** A Markdown post as the editor saved it, tidied against the file it replaces (if any). */
export function tidyMarkdownSave(incoming: string, original: string | undefined, opts: TidyOptions): string {
  const next = splitMarkdown(incoming) ?? { frontmatter: '', body: incoming };
  const prev = original === undefined ? undefined : splitMarkdown(original);
  const frontmatter = tidyYaml(next.frontmatter, prev?.frontmatter, opts);
  const newBody = next.body.replace(/^(\r?\n)+/, '');
  const body = prev && markdownMeaning(prev.body) === markdownMeaning(newBody) ? prev.body : `\n${newBody}`;
  if (prev && original !== undefined && frontmatter === prev.frontmatter && body === prev.body) return original;
  return `---\n${withNewline(frontmatter)}---\n${body.trim() ? withNewline(body) : ''}`;
}

/** A YAML data file (an author) as the editor saved it, tidied against the file it replaces. */
export function tidyYamlSave(incoming: string, original: string | undefined, opts: TidyOptions): string {
  const yaml = tidyYaml(incoming, original, opts);
  return yaml === original ? original : withNewline(yaml);
}
