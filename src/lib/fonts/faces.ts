/**
 * The site's type, chosen for a calm studio journal and the same two families
 * as its Open Graph cards (src/lib/og/fonts.ts), so a shared link and the page
 * it opens look alike:
 *
 * - Lora for headings and the text of posts: a serif with calligraphic roots,
 *   soft brushed curves and moderate contrast that stays easy to read on
 *   screens; quiet, warm and unhurried, like the studio.
 * - Inter for everything around the text (navigation, dates, labels, cards):
 *   plain and very legible at small sizes, so it steps back and lets Lora lead.
 *
 * Four files, each cut down to the characters the site writes
 * (src/lib/fonts/charset.ts) and to kerning and ligatures, stay under the 60 KB
 * budget together. Inter has no bold here: UI text that needs weight uses Lora.
 * `npm run fonts` writes the files into src/assets/fonts/ and their CSS into
 * src/styles/fonts.css.
 */

export interface Face {
  family: 'Lora' | 'Inter';
  /** The file in node_modules that the subset is made from. */
  source: string;
  weight: 400 | 600;
  style: 'normal' | 'italic';
  /** The subset's file name under src/assets/fonts/. */
  file: string;
  /** Needed above the fold on every page: preloaded (two at most). */
  preload: boolean;
}

export const FACES: readonly Face[] = [
  {
    family: 'Lora',
    source: '@fontsource/lora/files/lora-latin-600-normal.woff2',
    weight: 600,
    style: 'normal',
    file: 'lora-600.woff2',
    preload: true,
  },
  {
    family: 'Inter',
    source: '@fontsource/inter/files/inter-latin-400-normal.woff2',
    weight: 400,
    style: 'normal',
    file: 'inter-400.woff2',
    preload: true,
  },
  {
    family: 'Lora',
    source: '@fontsource/lora/files/lora-latin-400-normal.woff2',
    weight: 400,
    style: 'normal',
    file: 'lora-400.woff2',
    preload: false,
  },
  {
    family: 'Lora',
    source: '@fontsource/lora/files/lora-latin-400-italic.woff2',
    weight: 400,
    style: 'italic',
    file: 'lora-400-italic.woff2',
    preload: false,
  },
];

/** OpenType features kept: kerning and the standard ligatures (fi, fl); the rest (small caps, old-style figures…) is unused weight. */
export const KEPT_FEATURES = ['kern', 'liga'] as const;

/** At most this many bytes of font files in all. */
export const FONT_BUDGET_BYTES = 60 * 1024;

export interface Fallback {
  /** The name the CSS gives the metric-matched stand-in, e.g. "Lora fallback". */
  name: string;
  /** Installed fonts to stand in, in order; the metrics are those of the first (the others share them). */
  local: string[];
  /** @capsizecss/metrics module names: the web font's and the first local font's. */
  metrics: { font: string; fallback: string };
  /** The generic family at the end of the stack. */
  generic: 'serif' | 'sans-serif';
}

/**
 * While a web font loads (or if it never does) text is set in a local font
 * scaled and spaced to take the same room, so nothing moves when it swaps.
 * Liberation and the Chrome OS fonts are metric-compatible with Times New
 * Roman and Arial, so one set of numbers fits them all.
 */
export const FALLBACKS: Record<Face['family'], Fallback> = {
  Lora: {
    name: 'Lora fallback',
    local: ['Times New Roman', 'Liberation Serif', 'Tinos'],
    metrics: { font: 'lora', fallback: 'timesNewRoman' },
    generic: 'serif',
  },
  Inter: {
    name: 'Inter fallback',
    local: ['Arial', 'Liberation Sans', 'Arimo', 'Helvetica'],
    metrics: { font: 'inter', fallback: 'arial' },
    generic: 'sans-serif',
  },
};
