/**
 * Makes the site's font files and their stylesheet from the @fontsource
 * packages: each face cut down to the site's characters and to kerning and
 * ligatures (harfbuzz, through subset-font), and @font-face rules for the web
 * fonts and their metric-matched stand-ins. Run by `npm run fonts`; the output
 * is committed, so a build needs neither the subsetter nor the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { charsetCodePoints, charsetText, unicodeRange } from './charset.ts';
import { FACES, FALLBACKS, KEPT_FEATURES, type Face } from './faces.ts';
import { fallbackFaceCss, fallbackOverrides, webFaceCss, type FontMetrics } from './fallback.ts';

const require = createRequire(import.meta.url);

export interface BuiltFonts {
  /** File name under src/assets/fonts/ → its bytes. */
  files: Map<string, Uint8Array>;
  css: string;
}

async function metrics(name: string): Promise<FontMetrics> {
  const module = (await import(`@capsizecss/metrics/${name}`)) as {
    default: FontMetrics & { subsets?: { latin?: { xWidthAvg: number } } };
  };
  const m = module.default;
  return { ...m, xWidthAvg: m.subsets?.latin?.xWidthAvg ?? m.xWidthAvg };
}

export async function subsetFace(face: Face): Promise<Uint8Array> {
  const original = readFileSync(require.resolve(face.source));
  return subsetFont(original, charsetText(), { targetFormat: 'woff2', keepFeatures: [...KEPT_FEATURES], noHinting: true });
}

/** `urlOf` says how the stylesheet refers to a file (relative to src/styles/). */
export async function buildFonts(urlOf: (file: string) => string = (f) => `../assets/fonts/${f}`): Promise<BuiltFonts> {
  const files = new Map<string, Uint8Array>();
  const range = unicodeRange(charsetCodePoints());
  const rules: string[] = [];
  for (const face of FACES) {
    files.set(face.file, await subsetFace(face));
    rules.push(webFaceCss({ family: face.family, url: urlOf(face.file), weight: face.weight, style: face.style, unicodeRange: range }));
  }
  for (const fallback of Object.values(FALLBACKS)) {
    const overrides = fallbackOverrides(await metrics(fallback.metrics.font), await metrics(fallback.metrics.fallback));
    rules.push(fallbackFaceCss(fallback.name, fallback.local, overrides));
  }
  const css = [
    '/* Written by `npm run fonts` (src/lib/fonts/): edit the faces or characters there and run it again. */',
    ...rules,
    '',
  ].join('\n');
  return { files, css };
}
