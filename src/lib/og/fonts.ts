/**
 * The fonts of the Open Graph card, read from npm packages (@fontsource/*,
 * WOFF files, which satori reads; it does not need the network). Each family
 * comes as Latin, Latin Extended and Vietnamese files. Satori keeps one font per
 * name and weight, so each file gets its own name and the styles list them as
 * a fallback chain ("Inter", "Inter 2"); the measuring here follows the same
 * chain per character.
 *
 * Read once per process: satori reuses its parsed fonts when it is handed the
 * same array again, so `ogFonts().satori` must be passed as is on every call.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkitten';
import { graphemes, type Measure } from './layout.ts';
import { isEmoji } from './emoji.ts';

export type FaceName = 'serif' | 'sans' | 'sansBold';

interface FaceSpec {
  family: string;
  weight: 400 | 600 | 700;
  files: string[];
}

/** Fontsource's subset files, in fallback order. */
const SUBSETS = ['latin', 'latin-ext', 'vietnamese'];

function fontsource(pkg: string, weight: number): string[] {
  return SUBSETS.map((subset) => `@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`);
}

const FACES: Record<FaceName, FaceSpec> = {
  serif: { family: 'Lora', weight: 700, files: fontsource('lora', 700) },
  sans: { family: 'Inter', weight: 400, files: fontsource('inter', 400) },
  sansBold: { family: 'Inter', weight: 600, files: fontsource('inter', 600) },
};

/** Satori draws an emoji picture one em wide. */
export const EMOJI_WIDTH_EM = 1;

/** Width given to a character no font has: generous, so a line never comes out wider than measured. */
const MISSING_WIDTH_EM = 1;

/**
 * Satori shapes text with HarfBuzz (kerning, ligatures) and rounds boxes to
 * whole pixels; summed advances come out up to about 2.5% narrower on some
 * pairs (Inter's "WW"). Measuring 3% wide keeps every line inside its box.
 */
export const MEASURE_SLACK = 1.03;

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

export interface OgFonts {
  /** For satori's `fonts` option; the same array every time. */
  satori: SatoriFont[];
  /** CSS font-family value of each face: its files' names as a fallback list. */
  family: Record<FaceName, string>;
  weight: Record<FaceName, 400 | 600 | 700>;
  /** Text width in a face, from the glyph advances, a little generous (MEASURE_SLACK). */
  measure: Record<FaceName, Measure>;
  /** Characters of `text` that no file of the face can draw (emoji aside): they would show as boxes. */
  missing: Record<FaceName, (text: string) => string[]>;
  /** sha256 of every font file, in order: part of each image's cache key. */
  digest: string;
}

/** Advance widths in em of each code point, looked up through the fallback chain once. */
/** Anything that needs grapheme-level care: emoji parts, joiners, flags, combining marks (variation selectors and the keycap are marks too). */
const NEEDS_GRAPHEMES = /[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Regional_Indicator}\p{Emoji_Modifier}\u200D\p{M}]/u;

function measurer(fonts: Font[]): Measure {
  const ems = new Map<number, number>();
  const em = (cp: number): number => {
    let w = ems.get(cp);
    if (w === undefined) {
      const font = fonts.find((f) => f.hasGlyphForCodePoint(cp));
      w = font ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm : MISSING_WIDTH_EM;
      ems.set(cp, w);
    }
    return w;
  };
  const graphemeEms = (text: string): number => {
    let total = 0;
    for (const g of graphemes(text)) {
      if (isEmoji(g)) {
        total += EMOJI_WIDTH_EM;
        continue;
      }
      for (const ch of g) {
        // Combining marks sit on the letter before them and add no width.
        if (!/\p{M}/u.test(ch)) total += em(ch.codePointAt(0)!);
      }
    }
    return total;
  };
  // Layout measures the same words and lines many times over: remember them.
  const known = new Map<string, number>();
  return (text, fontSize) => {
    let total = known.get(text);
    if (total === undefined) {
      if (NEEDS_GRAPHEMES.test(text)) total = graphemeEms(text);
      else {
        total = 0;
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
          total += em(cp);
        }
      }
      if (known.size > 50_000) known.clear();
      known.set(text, total);
    }
    return total * fontSize * MEASURE_SLACK;
  };
}

function fileFamily(spec: FaceSpec, index: number): string {
  return index === 0 ? spec.family : `${spec.family} ${index + 1}`;
}

let loaded: OgFonts | undefined;

export function ogFonts(): OgFonts {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  const satori: SatoriFont[] = [];
  const measure = {} as Record<FaceName, Measure>;
  const missing = {} as OgFonts['missing'];
  for (const [name, spec] of Object.entries(FACES) as [FaceName, FaceSpec][]) {
    const parsed: Font[] = [];
    for (const [i, file] of spec.files.entries()) {
      const data = readFileSync(require.resolve(file));
      hash.update(file).update(data);
      satori.push({ name: fileFamily(spec, i), data, weight: spec.weight, style: 'normal' });
      const font = create(data);
      if (font.isCollection) throw new Error(`${file} is a font collection; the Open Graph card needs a single font`);
      parsed.push(font);
    }
    measure[name] = measurer(parsed);
    missing[name] = (text) =>
      [
        ...new Set(
          graphemes(text)
            .filter((g) => !isEmoji(g) && !/^\s$/u.test(g))
            .flatMap((g) => [...g]),
        ),
      ].filter((ch) => !/\p{M}/u.test(ch) && !parsed.some((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!)));
  }
  const pick = <T>(f: (s: FaceSpec) => T) => Object.fromEntries(Object.entries(FACES).map(([k, s]) => [k, f(s)])) as Record<FaceName, T>;
  const chain = (s: FaceSpec) => s.files.map((_, i) => `"${fileFamily(s, i)}"`).join(', ');
  loaded = { satori, family: pick(chain), weight: pick((s) => s.weight), measure, missing, digest: hash.digest('hex') };
  return loaded;
}
