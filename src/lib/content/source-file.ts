/**
 * A content file as written: frontmatter text, body, and a way to find the
 * line a field sits on, so messages can say `file:line`.
 *
 * YAML is read with the 1.2 core schema, which keeps `2026-11-27` as text;
 * that lets the checker tell a date from a timestamp without an offset.
 */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { explainYamlSlips } from './yaml-errors.ts';

export interface SourceFile {
  /** Path as shown to people, relative to the project (or as given). */
  file: string;
  data: unknown;
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  /** File line of a field; falls back to the closest parent that exists, then line 1. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Problems found while reading: YAML syntax, a missing frontmatter block. */
  syntaxErrors: { line: number; field?: string | undefined; message: string }[];
}

/** A file that could not be read at all: its one problem, and nothing else. */
export function unreadableSource(file: string, problem: { line: number; message: string }): SourceFile {
  return { file, data: {}, body: '', bodyLine: 1, lineOf: () => problem.line, syntaxErrors: [problem] };
}

/**
 * Frontmatter is a handful of fields. Anything far bigger is a paste gone wrong
 * or an attack (YAML aliases that multiply, thousands of nested lists), and
 * reading it would hang or crash the build, so it is refused with a message.
 */
const MAX_NODES = 20_000;

/** Counts values the way a reader of `data` would meet them (an alias counts each time it is used). */
function tooLarge(data: unknown): boolean {
  let seen = 0;
  const stack: unknown[] = [data];
  while (stack.length) {
    const value = stack.pop();
    if (++seen > MAX_NODES) return true;
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') stack.push(...Object.values(value));
  }
  return false;
}

const TOO_LARGE = 'is far larger than frontmatter should be (YAML anchors and aliases like &a and *a, or lists nested inside lists); write each field out plainly';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

function countLines(text: string): number {
  return text.split('\n').length - 1;
}

export function parseMarkdownSource(file: string, text: string): SourceFile {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      file,
      data: {},
      body: text,
      bodyLine: 1,
      lineOf: () => 1,
      syntaxErrors: [
        {
          line: 1,
          message: 'has no frontmatter; the file must start with a line of three dashes (---), the fields, and another ---',
        },
      ],
    };
  }
  const yamlText = match[1] ?? '';
  const parsed = parseYamlSource(file, yamlText, 1);
  const bodyLine = countLines(match[0]) + 1;
  return { ...parsed, body: text.slice(match[0].length), bodyLine };
}

/**
 * js-yaml (what Astro itself reads frontmatter with) parses well-formed YAML
 * about ten times faster than \`yaml\`, which keeps 1,000 posts well inside the
 * check's time budget. \`yaml\` is still what gives line numbers, parsed only the
 * first time a message needs one, and what explains a file js-yaml refuses.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): SourceFile {
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA });
  } catch (error) {
    // Nesting deep enough to exhaust the stack would do the same to the second reader.
    if (error instanceof RangeError) return { ...unreadableSource(file, { line: 1 + lineOffset, message: TOO_LARGE }), data: {} };
    return parseYamlDocument(file, text, lineOffset);
  }
  if (tooLarge(data)) return unreadableSource(file, { line: 1 + lineOffset, message: TOO_LARGE });
  let located: SourceFile | undefined;
  return {
    file,
    data: data ?? {},
    body: '',
    bodyLine: 1,
    lineOf: (path) => (located ??= parseYamlDocument(file, text, lineOffset)).lineOf(path),
    syntaxErrors: [],
  };
}

function parseYamlDocument(file: string, text: string, lineOffset: number): SourceFile {
  try {
    return parseYamlDocumentUnguarded(file, text, lineOffset);
  } catch {
    // Stack exhaustion or the alias limit of `yaml` on hostile input.
    return unreadableSource(file, { line: 1 + lineOffset, message: TOO_LARGE });
  }
}

function parseYamlDocumentUnguarded(file: string, text: string, lineOffset: number): SourceFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  // A tag YAML cannot resolve (`!!js/function`) is only a warning to the parser, which then reads
  // the text as a string; for a post it is a slip like any other.
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  if (problems.some((e) => /call stack/i.test(e.message))) throw new RangeError('nesting too deep');
  const slips = problems.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, code: e.code, parserMessage: e.message }));
  const syntaxErrors = explainYamlSlips(slips, text.split(/\r?\n/)).map((e) => ({ ...e, line: e.line + lineOffset }));
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  return {
    file,
    data: syntaxErrors.length ? {} : (doc.toJS() ?? {}),
    body: '',
    bodyLine: 1,
    lineOf: (path) => lineForPath(doc, path, lineAt) ?? 1 + lineOffset,
    syntaxErrors,
  };
}

function lineForPath(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) line = lineAt(keyRange[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}
