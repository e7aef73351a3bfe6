/**
 * Whether a picture file is one the build can make a page picture from.
 * Astro reads each picture's kind and size from its first bytes (its vendored
 * image-size probe) and stops the whole build when it cannot (a text file, an
 * empty file, a JPEG cut off before its size, a HEIC photo renamed .jpg); its
 * sharp step then takes JPEG, PNG, WebP, AVIF, GIF, TIFF and SVG, and shows a
 * JPEG cut off later as far as it goes (`failOn: "none"`). The same test here,
 * from the header alone, so the check holds back that post instead.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { sniffPicture } from '../import/pictures.ts';

const FIX = 'save or export it again as JPEG, PNG, WebP or AVIF';
const NOT_SHOWN = 'so not a picture the site can show';

/** The first `length` bytes of the file (fewer if it is shorter). */
function head(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Whether a JPEG's frame header (SOFn, where its size is) lies within `bytes`. */
function jpegHasSize(bytes: Uint8Array): boolean {
  let i = 2;
  while (i + 9 <= bytes.length) {
    if (bytes[i] !== 0xff) return false;
    const marker = bytes[i + 1]!;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return true;
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return false;
}

/** HEIF family photos (an iPhone's HEIC), by their `ftyp` brand. */
function isHeif(bytes: Uint8Array): boolean {
  return ascii(bytes, 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(ascii(bytes, 8, 12));
}

function isSvg(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text);
}

function isTiff(bytes: Uint8Array): boolean {
  const sig = ascii(bytes, 0, 4);
  return sig === 'II*\u0000' || sig === 'MM\u0000*';
}

/** Mostly printable text: a note, a web page or an error message saved under a picture's name. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  return sample.length > 0 && printable / sample.length > 0.95;
}

const cache = new Map<string, string | null>();

/**
 * What is wrong with the picture file at `path`, as the rest of a sentence
 * about it ("is an empty file, …; save …"), or undefined when the build can
 * use it. The file must exist. Read once per version of the file.
 */
export function pictureFileProblem(path: string): string | undefined {
  const stat = statSync(path);
  if (!stat.isFile()) return `is a folder, ${NOT_SHOWN}; point to the picture file inside it`;
  const key = `${path}\u0000${stat.size}\u0000${stat.mtimeMs}`;
  const known = cache.get(key);
  if (known !== undefined) return known ?? undefined;
  const problem = findProblem(path, stat.size);
  cache.set(key, problem ?? null);
  return problem;
}

function findProblem(path: string, size: number): string | undefined {
  if (size === 0) return `is an empty file (0 bytes), ${NOT_SHOWN}; ${FIX}`;
  let bytes = head(path, Math.min(size, 4096));
  const kind = sniffPicture(bytes);
  if (kind === 'jpg') {
    // Camera JPEGs keep their size after the EXIF block, which can run to 64 KB.
    for (const length of [65_536, size]) {
      if (jpegHasSize(bytes) || bytes.length >= size) break;
      bytes = head(path, Math.min(size, length));
    }
    return jpegHasSize(bytes) ? undefined : `is cut short or damaged (its size cannot be read), usually from a copy or download that stopped early, ${NOT_SHOWN}; ${FIX}`;
  }
  if (kind === 'png') return bytes.length >= 24 && ascii(bytes, 12, 16) === 'IHDR' ? undefined : `is a PNG cut short or damaged, ${NOT_SHOWN}; ${FIX}`;
  if (kind === 'gif') return bytes.length >= 10 ? undefined : `is a GIF cut short, ${NOT_SHOWN}; ${FIX}`;
  if (kind === 'webp') return bytes.length >= 30 && /^VP8[ LX]$/.test(ascii(bytes, 12, 16)) ? undefined : `is a WebP cut short or damaged, ${NOT_SHOWN}; ${FIX}`;
  if (kind === 'avif' || isTiff(bytes) || isSvg(bytes)) return undefined;
  if (isHeif(bytes)) return `is a HEIC photo (the format iPhones save in) under a picture's name, ${NOT_SHOWN}; save it as JPEG (on the iPhone: Settings → Camera → Formats → Most Compatible), PNG, WebP or AVIF`;
  if (looksLikeText(bytes)) return `is a text file, ${NOT_SHOWN}; ${FIX}`;
  return `is not a picture the site can show; ${FIX}`;
}
