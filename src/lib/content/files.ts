import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files under `dir` whose names match `pattern`, sorted, as absolute paths. A missing folder is empty. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A path as people see it in messages: relative to the working folder, with forward slashes. */
export function displayPath(path: string, root = process.cwd()): string {
  const rel = relative(root, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

export const POST_FILE = /\.(md|mdx)$/i;
/** Text files in the posts folder that look meant as posts but would never be published. */
export const NOT_A_POST_FILE = /\.(markdown|mdown|mkd|txt|text)$/i;
export const AUTHOR_FILE = /\.ya?ml$/i;
