import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Corpus } from './bench/corpus.ts';

/**
 * A JPEG's first bytes up to its size (a 16 × 16 frame header), which is all
 * of a picture the content check reads; the build benchmark draws real ones.
 */
const PICTURE_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108001000100301220002110103110100', 'hex');

/** Writes a generated archive into `dir` for the content check. */
export function writeCorpusForCheck(dir: string, corpus: Corpus): void {
  for (const file of [...corpus.files, ...corpus.images.map((image) => ({ path: image.path, text: PICTURE_HEAD }))]) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
}
