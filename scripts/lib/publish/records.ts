/**
 * The files one publish run passes from step to step: the build's report
 * (src/lib/publish-report.ts, written by the pipeline under BLOG_PUBLISH_REPORT),
 * the link check's report, and the live check's record of what it saw on the
 * public site.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PUBLISH_REPORT_VERSION, type HeldBackPost, type PublishReport } from '../../../src/lib/publish-report.ts';
import type { LinkReport } from '../links/report.ts';

/** A held-back post; `draft` when the report says so (older reports do not). */
export type HeldBack = HeldBackPost & { draft?: boolean | undefined };
export type Report = Omit<PublishReport, 'heldBack'> & { heldBack: HeldBack[] };

/** One look at the public site for a post: its page, or the feed listing it. */
export interface Sighting {
  ok: boolean;
  /** When it was first seen, ISO 8601 UTC. */
  at?: string | undefined;
  tries: number;
  /** Why it was not seen, in plain words. */
  problem?: string | undefined;
}

export interface LivePost {
  slug: string;
  title: string;
  url: string;
  /** When it was due, ISO 8601 UTC. */
  date: string;
  file: string;
  /** It was listed in the held-back issue before this run: it went live once fixed. */
  wasHeldBack: boolean;
  page: Sighting;
  /** Absent when the feed is too short to list a post this old. */
  feed?: Sighting | undefined;
  /** Milliseconds from its date to the moment its page was seen. */
  lateMs?: number | undefined;
}

export interface LiveRecord {
  /** Posts due after this moment were checked, ISO 8601 UTC. */
  since: string;
  /** How `since` was found, in plain words ("the last successful run, Mon, Nov 30, 06:45"). */
  sinceFrom: string;
  feedUrl: string;
  posts: LivePost[];
}

function readJson(path: string): unknown | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not JSON (${(error as Error).message}); it should be written whole by the step before`, { cause: error });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The build's report, or undefined when the build stopped before writing one. */
export function readReport(path: string): Report | undefined {
  const data = readJson(path);
  if (data === undefined) return undefined;
  if (
    !isObject(data) ||
    data.version !== PUBLISH_REPORT_VERSION ||
    !Array.isArray(data.published) ||
    !Array.isArray(data.heldBack) ||
    typeof data.now !== 'string'
  ) {
    throw new Error(`${path} is not a publish report of version ${PUBLISH_REPORT_VERSION}; was it written by this version of the build?`);
  }
  // Reports written before the build listed problems that are not about one post have none.
  return { siteProblems: [], ...data } as unknown as Report;
}

/** The live check's record, or undefined when it did not run. */
export function readLiveRecord(path: string): LiveRecord | undefined {
  const data = readJson(path);
  if (data === undefined) return undefined;
  if (!isObject(data) || !Array.isArray(data.posts) || typeof data.since !== 'string') {
    throw new Error(`${path} is not a live check record`);
  }
  return data as unknown as LiveRecord;
}

/** The link check's report (`npm run check:links -- --json FILE`), or undefined when it wrote none. */
export function readLinkReport(path: string): LinkReport | undefined {
  const data = readJson(path);
  if (data === undefined) return undefined;
  if (!isObject(data) || !Array.isArray(data.broken) || !isObject(data.external) || !Array.isArray(data.external.broken)) {
    throw new Error(`${path} is not a link check report`);
  }
  return data as unknown as LinkReport;
}

/** Written whole or not at all, so a later step never reads half a record. */
export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
