/** Reading a built site in tests. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';

export function siteDir(name: string): string {
  const dir = inject('sites')[name];
  if (!dir) throw new Error(`No fixture site named "${name}"; add it to tests/support/sites.ts`);
  return dir;
}

/** All files of a built site, as paths relative to its root with forward slashes. */
export function listDist(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * The HTML pages readers get: every page but the editor's (/admin/, the studio's tool, with its own
 * policy and no site layout; tests/build/admin.test.ts checks it). Page-wide reader checks use this.
 */
export function readerPages(dir: string): string[] {
  return listDist(dir).filter((f) => f.endsWith('.html') && !f.startsWith('admin/'));
}

export function readDist(dir: string, path: string): string {
  const file = join(dir, path);
  if (!existsSync(file)) throw new Error(`${path} is not in the build (${dir})`);
  return readFileSync(file, 'utf8');
}

/** Every text file of a build (HTML, XML, JSON, …) concatenated: for "appears nowhere" checks. */
export function allText(dir: string): string {
  return listDist(dir)
    .filter((p) => /\.(html|xml|json|txt|xsl|js|css|webmanifest)$/.test(p))
    .map((p) => readFileSync(join(dir, p), 'utf8'))
    .join('\n');
}
