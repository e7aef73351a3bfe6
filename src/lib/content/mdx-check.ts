/**
 * An MDX post is compiled by the same MDX parser as the build (Sätteri's, which
 * @astrojs/mdx uses), so a broken tag is a problem on its line in `npm run check`
 * rather than a stack trace from a build chunk. Names the body uses but never
 * defines (`{sessionCount}`, `<PriceTable />` without an import) would fail
 * when the page renders, so they are problems too, and so is an import of a
 * file next to the post that is not there (the build could not resolve it).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse, parseExpressionAt, type Node } from 'acorn';
import { mdxToJs, mdxToMdast } from 'satteri';
import { closestMatch } from '../suggest.ts';
import type { Problem } from './types.ts';

/** Names an MDX body may use without defining them. */
const PROVIDED = new Set(['props', 'frontmatter', 'Astro']);
const BUILT_INS = new Set(Object.getOwnPropertyNames(globalThis));

interface MdastLike {
  type: string;
  value?: string;
  name?: string | null;
  attributes?: MdastLike[];
  children?: MdastLike[];
  position?: { start: { line: number } };
}

type AstNode = { type: string; [key: string]: unknown };

/** Every node under `node`, with its parent and the key it hangs on. */
function walk(node: AstNode, enter: (node: AstNode, parent: AstNode | null, key: string | null) => void, parent: AstNode | null = null, key: string | null = null): void {
  enter(node, parent, key);
  for (const [k, value] of Object.entries(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as AstNode).type === 'string') walk(child as AstNode, enter, node, k);
    }
  }
}

/** The names a pattern (`a`, `{ a, b: [c] }`) binds. */
function boundNames(pattern: unknown, into: Set<string>): void {
  walk(pattern as AstNode, (n, parent, key) => {
    if (n.type === 'Identifier' && !(parent?.type === 'Property' && key === 'key' && !parent.computed)) into.add(n.name as string);
  });
}

interface ModuleLines {
  /** Names declared by the import and export lines. */
  names: Set<string>;
  /** Imports of files by relative path (`../../src/components/PriceTable.astro`), with the line in the block. */
  relativeImports: { source: string; line: number }[];
}

/** What the file's import and export lines declare and which files they import. */
function readModuleLines(esm: string): ModuleLines {
  const names = new Set<string>();
  const relativeImports: ModuleLines['relativeImports'] = [];
  try {
    const program = parse(esm, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as { body: Node[] };
    for (const node of program.body as unknown as Record<string, unknown>[]) {
      if (node.type === 'ImportDeclaration') {
        for (const s of node.specifiers as { local: { name: string } }[]) names.add(s.local.name);
        const source = (node.source as { value: unknown }).value;
        const line = (node.loc as { start: { line: number } }).start.line;
        if (typeof source === 'string' && /^\.\.?\//.test(source)) relativeImports.push({ source, line });
      }
      const declaration = (node.declaration ?? (node.type === 'VariableDeclaration' || node.type === 'FunctionDeclaration' ? node : undefined)) as Record<string, unknown> | undefined;
      if (declaration?.type === 'VariableDeclaration') {
        for (const d of declaration.declarations as { id: unknown }[]) boundNames(d.id, names);
      } else if (declaration && 'id' in declaration && declaration.id) names.add((declaration.id as { name: string }).name);
    }
  } catch {
    // A syntax error in an import line is reported by the compile step.
  }
  return { names, relativeImports };
}

/** What Vite tries after the path as written: the extensions it adds, then a folder's index. */
const RESOLVED_EXTENSIONS = ['.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json'];

function resolvesTo(file: string): boolean {
  if (existsSync(file) && statSync(file).isFile()) return true;
  if (RESOLVED_EXTENSIONS.some((ext) => existsSync(`${file}${ext}`))) return true;
  return RESOLVED_EXTENSIONS.some((ext) => existsSync(join(file, `index${ext}`)));
}

/** The import as it could be written instead: the closest file name in the nearest folder that exists. */
function closestImport(source: string, postDir: string): string | undefined {
  const wanted = resolve(postDir, source);
  let dir = dirname(wanted);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  const name = closestMatch(relative(dir, wanted).split('/')[0] ?? basename(wanted), entries);
  if (!name) return undefined;
  const path = relative(postDir, join(dir, name)).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** Free names an expression reads: identifiers it does not declare itself (function parameters, say). */
function freeNames(expression: string): string[] {
  let ast: Node;
  try {
    ast = parseExpressionAt(expression, 0, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return [];
  }
  const bound = new Set<string>();
  const used: string[] = [];
  walk(ast as unknown as AstNode, (node, parent, key) => {
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') for (const p of node.params as unknown[]) boundNames(p, bound);
    if (node.type === 'VariableDeclarator') boundNames(node.id, bound);
    if (node.type !== 'Identifier') return;
    // `a.b`: b is a property; `{ b: 1 }`: b is a key; a parameter is not a use.
    if (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) return;
    if (parent?.type === 'Property' && key === 'key' && !parent.computed) return;
    if (key === 'params' || (parent?.type === 'VariableDeclarator' && key === 'id')) return;
    used.push(node.name as string);
  });
  return used.filter((n) => !bound.has(n));
}

function isComponentName(name: string): boolean {
  return /^[A-Z]/.test(name) || name.includes('.');
}

/**
 * @param path the post's file on disk, to resolve the imports of files beside it
 */
export function mdxProblems(file: string, body: string, bodyLine: number, path: string): Problem[] {
  const at = (line: number) => bodyLine + line - 1;
  try {
    mdxToJs(body);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+):\s*(.*?)(?:\s*\(\d+:\d+\))?(?:\s*\([\w:-]+\))?$/.exec(text);
    const line = m ? Number(m[1]) : 1;
    const what = m ? m[3]! : text;
    return [{ file, line: at(line), field: 'body', message: `is not valid MDX here (${what}); close every <Tag> you open, and write { } only around code (to show a brace, write \\{ )`, severity: 'error' }];
  }
  const tree = mdxToMdast(body) as MdastLike;
  const declared = new Set([...PROVIDED]);
  const uses: { name: string; line: number; jsx: boolean }[] = [];
  const imports: { source: string; line: number }[] = [];
  const visit = (node: MdastLike) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'mdxjsEsm' && node.value) {
      const module = readModuleLines(node.value);
      for (const n of module.names) declared.add(n);
      for (const use of module.relativeImports) imports.push({ source: use.source, line: line + use.line - 1 });
    }
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && node.value) {
      for (const name of freeNames(node.value)) uses.push({ name, line, jsx: false });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && isComponentName(node.name)) {
      uses.push({ name: node.name.split('.')[0]!, line, jsx: true });
    }
    for (const attribute of node.attributes ?? []) {
      const value = (attribute as { value?: MdastLike | string | null }).value;
      if (value && typeof value === 'object' && value.value) for (const name of freeNames(value.value)) uses.push({ name, line, jsx: false });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const use of imports) {
    if (resolvesTo(resolve(dirname(path), use.source))) continue;
    const near = closestImport(use.source, dirname(path));
    problems.push({
      file,
      line: at(use.line),
      field: 'body',
      message: `imports "${use.source}", which does not exist${near ? `; did you mean "${near}"?` : '.'} Check the path from this post's folder, or remove the import`,
      severity: 'error',
    });
  }
  for (const use of uses) {
    if (declared.has(use.name) || (!use.jsx && BUILT_INS.has(use.name)) || seen.has(use.name)) continue;
    seen.add(use.name);
    problems.push({
      file,
      line: at(use.line),
      field: 'body',
      message: use.jsx
        ? `uses <${use.name}>, which this post does not import; add an import line for it at the top of the body, or remove it`
        : `uses {${use.name}}, which this post does not define; define it (export const ${use.name} = …) or remove the braces (to show a brace, write \\{ )`,
      severity: 'error',
    });
  }
  return problems;
}
