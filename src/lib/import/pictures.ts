/**
 * Pictures of an imported post: which address is the original (site builders
 * serve resized copies), what kind of file the bytes are, and the file name it
 * gets next to the post (content/posts/images/<slug>/<name>.<ext>, the folder
 * the browser editor uses too).
 */
import { createHash } from 'node:crypto';
import { slugify } from '../../schema/slug.ts';

export const PICTURE_KINDS = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' } as const;
export type PictureExt = keyof typeof PICTURE_KINDS;

/**
 * The original of a resized copy: Wix serves
 * `…/media/<file>~mv2.jpg/v1/fill/w_740,h_493,…/<name>.jpg`; the original is
 * everything before `/v1/`.
 */
export function originalPictureUrl(url: string): string {
  const wix = /^(https?:\/\/static\.wixstatic\.com\/media\/[^/]+)\/v1\/.*$/i.exec(url);
  return wix ? wix[1]! : url;
}

/** The kind of picture from its first bytes; content types lie (a .jpg served as WebP). */
export function sniffPicture(bytes: Uint8Array): PictureExt | undefined {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  return undefined;
}

/** A file name (without extension) from the address: its last segment, as a slug; a short hash if that is empty. */
export function pictureBaseName(url: string): string {
  let last: string;
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
  } catch {
    last = '';
  }
  const base = slugify(last.replace(/\.[a-z0-9]{2,5}$/i, ''))
    .slice(0, 60)
    .replace(/-+$/, '');
  return base || `picture-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
}

/**
 * Base names for a post's pictures, in order of appearance, unique within the
 * post: a second `photo` becomes `photo-2`. The same list gives the same names
 * on every import.
 */
export function pictureBaseNames(urls: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const url of urls) {
    if (names.has(url)) continue;
    const base = pictureBaseName(url);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    names.set(url, name);
  }
  return names;
}
