/**
 * The browser editor exists only under `astro dev`: a production build has no
 * editor page, no editor API and none of its JavaScript (Keystatic, React).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITOR_PATH, editor } from '../../src/integrations/editor.ts';
import { listDist, siteDir } from '../support/dist.ts';

/** Words that only the editor's code carries; the site itself ships no React. */
const EDITOR_MARKERS = /keystatic|keystar|react-dom|__reactContainer|react\.production/i;

function setupCalls(command: 'dev' | 'build' | 'preview' | 'sync') {
  const routes: string[] = [];
  const updates: unknown[] = [];
  const hook = editor().hooks['astro:config:setup']!;
  // Only the parts of the hook's parameters the editor integration uses.
  void hook({
    command,
    config: { base: '/', cacheDir: new URL('file:///tmp/cache/') },
    updateConfig: (c: unknown) => updates.push(c),
    injectRoute: (r: { pattern: string }) => routes.push(r.pattern),
    logger: { info() {}, warn() {} },
  } as unknown as Parameters<typeof hook>[0]);
  return { routes, updates };
}

describe('the editor is left out of production builds', () => {
  it('is only wired in for astro dev', () => {
    expect(setupCalls('dev').routes).toEqual([`${EDITOR_PATH}/[...params]`, `/api${EDITOR_PATH}/[...params]`]);
    for (const command of ['build', 'preview', 'sync'] as const) {
      expect(setupCalls(command)).toEqual({ routes: [], updates: [] });
    }
  });

  for (const name of ['site', 'base']) {
    it(`the built "${name}" site has no editor route, API or script`, () => {
      const dir = siteDir(name);
      const files = listDist(dir);
      expect(files.length).toBeGreaterThan(10);
      expect(files.filter((f) => /keystatic/i.test(f))).toEqual([]);
      expect(files.filter((f) => /^api\/keystatic|\/api\/keystatic/.test(f))).toEqual([]);
      const carrying = files
        .filter((f) => /\.(html|js|mjs|css|json|xml|txt|webmanifest)$|^_headers$|^_redirects$/.test(f))
        .filter((f) => EDITOR_MARKERS.test(readFileSync(join(dir, f), 'utf8')));
      expect(carrying).toEqual([]);
    });
  }
});
