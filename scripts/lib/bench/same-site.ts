/**
 * Whether two built sites are the same, byte for byte: the benchmark's check
 * that an incremental build in a kept dist/ equals a build from scratch.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Files missing on one side or different, at most `limit` of them; empty when the sites are the same. */
export function differingFiles(kept: string, scratch: string, limit = 10): string[] {
  const left = filesUnder(kept);
  const right = filesUnder(scratch);
  const inLeft = new Set(left);
  const inRight = new Set(right);
  const out: string[] = [];
  for (const f of left) {
    if (out.length >= limit) break;
    if (!inRight.has(f)) out.push(`only in the incremental build: ${f}`);
    else if (!readFileSync(join(kept, f)).equals(readFileSync(join(scratch, f)))) out.push(`differs: ${f}`);
  }
  for (const f of right) {
    if (out.length >= limit) break;
    if (!inLeft.has(f)) out.push(`only in the build from scratch: ${f}`);
  }
  return out;
}
