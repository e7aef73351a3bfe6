/**
 * content/citations.lock.json: the answers Crossref and PubMed gave for every
 * DOI and PubMed ID the posts cite. Committed with the content, so the
 * ordinary check and every build compare citations with the same answers,
 * offline; `npm run check -- --online` asks again and rewrites it.
 *
 * Written with sorted keys and two-space indents, so a refresh that learns
 * nothing new leaves the file byte for byte the same, and a diff shows only
 * what changed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LockEntry } from './record.ts';

export const LOCK_FILE = 'citations.lock.json';
const VERSION = 1;

export interface CitationLock {
  /** By identifier: "doi:10.1126/scitranslmed.3002882", "pmid:22301554". */
  entries: Record<string, LockEntry>;
}

export type Identifier = { kind: 'doi'; id: string } | { kind: 'pmid'; id: string };

export function lockKey(id: Identifier): string {
  return `${id.kind}:${id.id}`;
}

export function lockPath(contentDir: string): string {
  return join(contentDir, LOCK_FILE);
}

export type LockRead = { ok: true; lock: CitationLock } | { ok: false; line: number; message: string };

function lineAt(text: string, error: unknown): number {
  const message = String((error as Error)?.message);
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

/** The lock in `text`, or what is wrong with it. */
export function parseLock(text: string): LockRead {
  if (/^(<{7}|={7}|>{7})( |$)/m.test(text)) {
    const line = text.split('\n').findIndex((l) => /^(<{7}|={7}|>{7})( |$)/.test(l)) + 1;
    return { ok: false, line, message: 'has merge conflict markers; run `npm run check -- --online` to write it afresh from the posts' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      line: lineAt(text, error),
      message: 'is not valid JSON; run `npm run check -- --online` to write it afresh, or restore it from git',
    };
  }
  const entries = (data as { entries?: unknown } | null)?.entries;
  if (
    (data as { version?: unknown } | null)?.version !== VERSION ||
    typeof entries !== 'object' ||
    entries === null ||
    Array.isArray(entries)
  ) {
    return {
      ok: false,
      line: 1,
      message: `is not a citation lock file (version ${VERSION} with "entries"); run \`npm run check -- --online\` to write it afresh`,
    };
  }
  return { ok: true, lock: { entries: entries as Record<string, LockEntry> } };
}

/** The lock file of a content folder; a missing file is an empty lock. */
export function readLock(contentDir: string): LockRead {
  let text: string;
  try {
    text = readFileSync(lockPath(contentDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, lock: { entries: {} } };
    throw error;
  }
  return parseLock(text);
}

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The file's text: stable, sorted, ending in a newline. Arrays keep their order (authors are ordered). */
export function serialiseLock(lock: CitationLock): string {
  const doc = {
    about:
      'Answers from Crossref and PubMed for the DOIs and PubMed IDs the posts cite. Written by `npm run check -- --online`; do not edit by hand.',
    version: VERSION,
    entries: sortedDeep(lock.entries),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes the lock through a temporary file and a rename, so a reader never sees half a file. Returns whether it changed. */
export function writeLock(contentDir: string, lock: CitationLock): boolean {
  const path = lockPath(contentDir);
  const text = serialiseLock(lock);
  let before: string | undefined;
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    before = undefined;
  }
  if (before === text) return false;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
  return true;
}
