/**
 * Emoji in titles, drawn from the Twemoji set in the @iconify-json/twemoji
 * package (SVG, CC BY 4.0), so no emoji font and no network are needed.
 * The set is read once, on the first title that has an emoji.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { graphemes } from './layout.ts';

/**
 * Whether a grapheme is drawn as an emoji picture rather than with the text
 * font: anything with emoji presentation, a variation selector 16, a skin tone,
 * a zero-width-joiner sequence, a keycap or a flag. Plain symbols such as ©, ™
 * or → stay text, as a browser shows them.
 */
export function isEmoji(grapheme: string): boolean {
  return (
    /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Emoji_Modifier}|\p{Regional_Indicator}/u.test(grapheme) ||
    (grapheme.includes('\u200D') && /\p{Extended_Pictographic}/u.test(grapheme))
  );
}

/** The emoji graphemes of a text, each once, in order of appearance. */
export function emojiIn(text: string): string[] {
  return [...new Set(graphemes(text).filter(isEmoji))];
}

const hex = (cp: number) => cp.toString(16).padStart(4, '0');

/**
 * The key of the Iconify `chars` table: code points in lowercase hex (at least
 * four digits) joined by "-", without the U+FE0F presentation selector.
 */
export function emojiKey(grapheme: string): string {
  return Array.from(grapheme)
    .map((c) => c.codePointAt(0)!)
    .filter((cp) => cp !== 0xfe0f)
    .map(hex)
    .join('-');
}

interface IconifySet {
  icons: Record<string, { body: string; width?: number; height?: number }>;
  aliases?: Record<string, { parent: string }>;
  width?: number;
  height?: number;
}

interface EmojiData {
  chars: Record<string, string>;
  set: IconifySet;
  version: string;
}

let data: EmojiData | undefined;

function load(): EmojiData {
  if (!data) {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('@iconify-json/twemoji/icons.json').replace(/icons\.json$/, '');
    const read = (file: string) => JSON.parse(readFileSync(dir + file, 'utf8'));
    data = { chars: read('chars.json'), set: read('icons.json'), version: read('package.json').version as string };
  }
  return data;
}

/** A standalone SVG document for one emoji, or undefined when the set has none. */
export function emojiSvg(grapheme: string): string | undefined {
  const { chars, set } = load();
  const key = emojiKey(grapheme);
  // In case a sequence is listed with its selector kept, try that spelling too.
  let name = chars[key] ?? chars[Array.from(grapheme, (c) => hex(c.codePointAt(0)!)).join('-')];
  if (!name) return undefined;
  for (let hops = 0; !set.icons[name] && set.aliases?.[name] && hops < 5; hops++) name = set.aliases[name]!.parent;
  const icon = set.icons[name];
  if (!icon) return undefined;
  const w = icon.width ?? set.width ?? 36;
  const h = icon.height ?? set.height ?? 36;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">${icon.body}</svg>`;
}

/** The emoji set's package version, for cache keys and the benchmark's report. */
export function emojiSetVersion(): string {
  return load().version;
}

/** Data URIs for satori's `graphemeImages`: each emoji of the text the set knows. */
export function emojiImages(text: string): Record<string, string> {
  const images: Record<string, string> = {};
  for (const e of emojiIn(text)) {
    const svg = emojiSvg(e);
    if (svg) images[e] = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  }
  return images;
}
