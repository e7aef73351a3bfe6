import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Corpus } from './bench/corpus.ts';

/**
 * Writes a generated archive into `dir` for the content check. The check only
 * needs picture files to exist, so pictures are written as placeholders; the
 * build benchmark draws real ones itself.
 */
export function writeCorpusForCheck(dir: string, corpus: Corpus): void {
  for (const file of [...corpus.files, ...corpus.images.map((image) => ({ path: image.path, text: 'picture' }))]) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
}
