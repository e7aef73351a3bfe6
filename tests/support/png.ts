/** Decoding PNGs to pixels in tests (Open Graph images). */
import sharp from 'sharp';

export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

export async function decodePng(png: Buffer | string): Promise<Pixels> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data };
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function pixelAt(img: Pixels, x: number, y: number): [number, number, number] {
  const i = (y * img.width + x) * img.channels;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
}

function near(a: readonly number[], b: readonly number[], tolerance: number): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}

/** Pixels within `margin` of any edge that are not the background colour, as "x,y" (first few only). */
export function marginIntruders(img: Pixels, margin: number, background: string, tolerance = 2): string[] {
  const bg = hexToRgb(background);
  const out: string[] = [];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const inside = x >= margin && x < img.width - margin && y >= margin && y < img.height - margin;
      if (!inside && !near(pixelAt(img, x, y), bg, tolerance) && out.push(`${x},${y}`) >= 10) return out;
    }
  }
  return out;
}

/** How many pixels are not (nearly) the given colour. */
export function countNot(img: Pixels, colour: string, tolerance = 8): number {
  const c = hexToRgb(colour);
  let n = 0;
  for (let i = 0; i < img.data.length; i += img.channels) if (!near([img.data[i]!, img.data[i + 1]!, img.data[i + 2]!], c, tolerance)) n++;
  return n;
}

/** How many pixels are (nearly) the given colour. */
export function countNear(img: Pixels, colour: string, tolerance = 8): number {
  return img.width * img.height - countNot(img, colour, tolerance);
}

/**
 * Pixels of strong colour that none of the palette colours explain: what an
 * emoji picture adds to a card drawn in the palette's ink, accent and background.
 */
export function offPaletteColourful(img: Pixels, palette: readonly string[]): number {
  const cs = palette.map(hexToRgb);
  let n = 0;
  for (let i = 0; i < img.data.length; i += img.channels) {
    const p = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    if (Math.max(...p) - Math.min(...p) > 70 && !cs.some((c) => near(p, c, 40))) n++;
  }
  return n;
}
