const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** `posts/2026-11-27-massage-after-exercise.md` → `massage-after-exercise`. */
export function slugFromFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.(md|mdx)$/i, '').replace(DATE_PREFIX, '');
}
