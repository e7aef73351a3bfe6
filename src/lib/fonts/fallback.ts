/**
 * Metric-matched stand-ins for the web fonts: a local font scaled so its
 * average letter is as wide as the web font's, with the web font's ascent,
 * descent and line gap, so text set in one takes the room the other will.
 */

export interface FontMetrics {
  ascent: number;
  /** Negative, below the baseline. */
  descent: number;
  lineGap: number;
  unitsPerEm: number;
  /** Average width of lowercase letters weighted by how often English uses them (Capsize's measure). */
  xWidthAvg: number;
}

export interface FallbackOverrides {
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

export function fallbackOverrides(font: FontMetrics, fallback: FontMetrics): FallbackOverrides {
  const sizeAdjust = font.xWidthAvg / font.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = font.unitsPerEm * sizeAdjust;
  return {
    sizeAdjust,
    ascentOverride: font.ascent / em,
    descentOverride: Math.abs(font.descent) / em,
    lineGapOverride: font.lineGap / em,
  };
}

const percent = (n: number) => `${(n * 100).toFixed(2)}%`;

/** The @font-face rule of a stand-in, e.g. "Lora fallback" drawn from Times New Roman. */
export function fallbackFaceCss(name: string, local: readonly string[], o: FallbackOverrides): string {
  return [
    '@font-face {',
    `  font-family: '${name}';`,
    `  src: ${local.map((l) => `local('${l}')`).join(', ')};`,
    `  size-adjust: ${percent(o.sizeAdjust)};`,
    `  ascent-override: ${percent(o.ascentOverride)};`,
    `  descent-override: ${percent(o.descentOverride)};`,
    `  line-gap-override: ${percent(o.lineGapOverride)};`,
    '}',
  ].join('\n');
}

export interface WebFace {
  family: string;
  /** The file as the stylesheet reaches it. */
  url: string;
  weight: number;
  style: 'normal' | 'italic';
  unicodeRange: string;
}

export function webFaceCss(face: WebFace): string {
  return [
    '@font-face {',
    `  font-family: '${face.family}';`,
    `  src: url('${face.url}') format('woff2');`,
    `  font-weight: ${face.weight};`,
    `  font-style: ${face.style};`,
    // Text shows at once in the stand-in, then in the web font when it arrives.
    '  font-display: swap;',
    `  unicode-range: ${face.unicodeRange};`,
    '}',
  ].join('\n');
}
