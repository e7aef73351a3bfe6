/** Lowercase words joined by single hyphens: the form of every post address, tag and author id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Turn any text into that form: accents dropped, punctuation removed, words hyphenated. */
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

/** "…must be lowercase words joined by hyphens; write deep-tissue": the message for a value that is not a slug. */
export function notASlug(value: unknown, example: string): string {
  const text = typeof value === 'string' ? value : String(value);
  const fixed = slugify(text);
  return fixed && fixed !== text
    ? `"${text}" must be lowercase words joined by hyphens; write ${fixed}`
    : `"${text}" must be lowercase words joined by hyphens, like ${example}`;
}
