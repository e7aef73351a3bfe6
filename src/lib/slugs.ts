
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** `posts/2026-11-27-massage-after-exercise.md` → `massage-after-exercise`. */
export function slugFromFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.(md|mdx)$/i, '').replace(DATE_PREFIX, '');
}

/** Turn any title into a slug: accents dropped, punctuation removed, words hyphenated. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
}
