/**
 * The editor's local API: Keystatic's own handler, rooted at the content folder,
 * with two steps around each save. Before writing, files are tidied against what
 * they replace (src/lib/editor/tidy-save.ts). After writing, the content check
 * that guards the build runs; if it finds an error in a saved file, the save is
 * undone and the writer sees the check's message (file, field, fix) in the editor.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import type { Config } from '@keystatic/core';
import { readContent } from '../lib/content/read-content.ts';
import { formatReport } from '../lib/content/problems.ts';
import { tidyMarkdownSave, tidyYamlSave } from '../lib/editor/tidy-save.ts';
import { AUTHOR_FIELD_ORDER, POST_FIELD_ORDER } from './schemas.ts';

interface Update {
  additions: { path: string; contents: string }[];
  deletions: { path: string }[];
}

const POST_PATH = /^posts\/[^/]+\.md$/;
const AUTHOR_PATH = /^authors\/[^/]+\.ya?ml$/;
/** Pictures the editor uploaded itself: `posts/images/<file name>/…`. */
const EDITOR_PICTURE = /^(posts|authors)\/images\/[^/]+\/[^/]+$/;

/** Relative, forward-slashed, no `..`: the same rule Keystatic applies before writing. */
function safePath(path: string): boolean {
  return !path.includes('\\') && !path.startsWith('/') && path.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}

function readIfExists(file: string): Buffer | undefined {
  return existsSync(file) ? readFileSync(file) : undefined;
}

/** The file a saved entry replaces: itself, or the file it was renamed from. */
function originalOf(contentDir: string, path: string, deletions: Update['deletions'], pattern: RegExp): string | undefined {
  const same = readIfExists(join(contentDir, path));
  if (same) return same.toString('utf8');
  const renamed = deletions.filter((d) => pattern.test(d.path));
  return renamed.length === 1 ? readIfExists(join(contentDir, renamed[0]!.path))?.toString('utf8') : undefined;
}

export function tidyUpdate(contentDir: string, update: Update): Update {
  const additions = update.additions.map((a) => {
    const isPost = POST_PATH.test(a.path);
    const isAuthor = AUTHOR_PATH.test(a.path);
    if (!isPost && !isAuthor) return a;
    const incoming = Buffer.from(a.contents, 'base64url').toString('utf8');
    const original = originalOf(contentDir, a.path, update.deletions, isPost ? POST_PATH : AUTHOR_PATH);
    const tidied = isPost
      ? tidyMarkdownSave(incoming, original, { order: POST_FIELD_ORDER, flowKeys: ['tags', 'previousSlugs'] })
      : tidyYamlSave(incoming, original, { order: AUTHOR_FIELD_ORDER });
    return { path: a.path, contents: Buffer.from(tidied, 'utf8').toString('base64url') };
  });
  return { additions, deletions: update.deletions };
}

export function editorApi(opts: { config: Config<any, any>; contentDir: string; timeZone: string }) {
  const keystatic = makeGenericAPIRouteHandler({ config: opts.config, localBaseDirectory: opts.contentDir });
  const respond = async (request: Request) => {
    const { body, headers, status } = await keystatic(request);
    return new Response(body as BodyInit | null, { status: status ?? 200, headers: headers as HeadersInit });
  };

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'POST' || !/\/api\/keystatic\/update\/?$/.test(url.pathname)) return respond(request);

    let update: Update;
    try {
      update = (await request.json()) as Update;
      if (!Array.isArray(update.additions) || !Array.isArray(update.deletions)) throw new Error('bad shape');
    } catch {
      return new Response('Bad data', { status: 400 });
    }
    if (!update.additions.every((a) => typeof a.path === 'string' && safePath(a.path))) return new Response('Bad Request', { status: 400 });
    // Keystatic asks to delete body pictures it could not load (it looks for them in a folder
    // of its own). Only entries and the editor's own uploads may be deleted; hand-placed
    // pictures stay.
    update.deletions = update.deletions.filter(
      (d) => typeof d.path === 'string' && safePath(d.path) && (POST_PATH.test(d.path) || AUTHOR_PATH.test(d.path) || EDITOR_PICTURE.test(d.path)),
    );
    const touched = [...update.additions.map((a) => a.path), ...update.deletions.map((d) => d.path)];

    const tidied = tidyUpdate(opts.contentDir, update);
    const before = new Map(touched.map((p) => [p, readIfExists(join(opts.contentDir, p))]));
    const response = await respond(
      new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(tidied) }),
    );
    if (!response.ok) return response;

    const saved = new Set(tidied.additions.map((a) => a.path));
    const report = readContent({ contentDir: opts.contentDir, timeZone: opts.timeZone, root: opts.contentDir, now: new Date() });
    const errors = report.problems.filter((p) => p.severity === 'error' && saved.has(p.file));
    if (!errors.length) return response;

    for (const [path, contents] of before) {
      const file = join(opts.contentDir, path);
      if (contents) writeFileSync(file, contents);
      else rmSync(file, { force: true });
    }
    return new Response(`Not saved. The content check found ${errors.length === 1 ? 'a problem' : 'problems'}; fix and save again.\n\n${formatReport(errors)}`, {
      status: 422,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  };
}
