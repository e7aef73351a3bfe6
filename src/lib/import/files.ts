/**
 * Writing without ever leaving half a file: each file is written under a
 * temporary name in its own folder, then renamed over the real one (a rename
 * within a folder is atomic), so an interrupted import leaves the old file or
 * the new one, never a mix.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = temporaryName(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Copy `from` to `to` the same way: nothing at `to` until the copy is whole. */
export function copyFileAtomic(from: string, to: string): void {
  writeFileAtomic(to, readFileSync(from));
}
