/**
 * Where content lives: `content/` at the project root, or the folder named by
 * CONTENT_DIR (tests and the benchmark point it at fixtures and generated posts).
 */
import { isAbsolute, resolve } from 'node:path';

export function contentDirFrom(env: Record<string, string | undefined>, root = process.cwd()): string {
  const dir = env.CONTENT_DIR?.trim() || 'content';
  return isAbsolute(dir) ? dir : resolve(root, dir);
}
