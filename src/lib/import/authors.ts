/**
 * Who wrote an imported post: an author of this site with the same name, or a
 * new author file, valid as written, for the writer to complete.
 */
import { slugify } from '../../schema/slug.ts';

export interface KnownAuthor {
  id: string;
  name: string;
}

function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The id of the author called `name` (spelling, case and accents aside), or whose id is that name. */
export function matchAuthor(name: string, authors: readonly KnownAuthor[]): string | undefined {
  const wanted = key(name);
  if (!wanted) return undefined;
  return authors.find((a) => key(a.name) === wanted)?.id ?? authors.find((a) => a.id === slugify(name))?.id;
}

/** A usable author name from a feed: not an email address, not empty. */
export function authorName(raw: string | undefined): string | undefined {
  const name = raw?.replace(/\s+/g, ' ').trim();
  if (!name || name.includes('@') || !/\p{L}/u.test(name)) return undefined;
  return name.slice(0, 80);
}

/** An author file that passes the author schema; role and bio are for the writer to improve. */
export function newAuthorFile(name: string, siteTitle: string): { id: string; text: string } {
  const id = slugify(name) || 'imported-author';
  const quote = (s: string) => JSON.stringify(s);
  const text = [
    `name: ${quote(name)}`,
    `role: ${quote('Writer')}`,
    `bio: ${quote(`${name} wrote for the ${siteTitle} blog before it moved here.`)}`,
    '',
  ].join('\n');
  return { id, text };
}
