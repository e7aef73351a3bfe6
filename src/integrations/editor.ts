/**
 * The browser editor (Keystatic), wired in for `astro dev` only. In a build or
 * preview this integration does nothing, so no editor route, API or script can
 * reach the published site.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import react from '@astrojs/react';
import type { Connect, PluginOption } from 'vite';

export const EDITOR_PATH = '/keystatic';

export function editor(): AstroIntegration {
  return {
    name: 'wellness-editor',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, injectRoute, logger }) => {
        if (command !== 'dev') return;
        // Vite keeps pre-bundled modules in node_modules/.vite, shared by every dev server of
        // this checkout; two servers with different settings then break each other's pages.
        // Keeping them under Astro's cache folder (ASTRO_CACHE_DIR) lets each server have its own.
        updateConfig({ vite: { cacheDir: fileURLToPath(new URL('vite/', config.cacheDir)) } });
        // Keystatic's client calls /keystatic and /api/keystatic at the root of the host.
        if (config.base !== '/' && config.base !== '') {
          logger.warn(`The editor needs the site at the root; it is off while the base path is ${config.base}`);
          return;
        }
        updateConfig({
          // Keystatic's UI is React; the site itself stays free of it.
          integrations: [react()],
          vite: {
            plugins: [editorTrailingSlash(), noOutsideFonts()],
            // Find the editor's many modules at start-up: otherwise Vite discovers them on
            // the first visit, re-bundles, and the page has to load twice.
            optimizeDeps: { entries: ['src/editor/editor-page.ts'], include: ['@keystatic/core/ui', '@keystatic/astro/ui'] },
            // Test, benchmark and build output changing under the dev server would reload the editor mid-edit.
            server: { watch: { ignored: ['**/tests/.out/**', '**/bench/out/**', '**/dist/**'] } },
          },
        });
        injectRoute({ pattern: `${EDITOR_PATH}/[...params]`, entrypoint: new URL('../editor/page.astro', import.meta.url), prerender: false });
        injectRoute({ pattern: `/api${EDITOR_PATH}/[...params]`, entrypoint: new URL('../editor/api.ts', import.meta.url), prerender: false });
        logger.info(`editor ready at ${EDITOR_PATH}/ (this dev server only)`);
      },
    },
  };
}

/**
 * The site uses `trailingSlash: 'always'`, but Keystatic's client asks for
 * /api/keystatic/tree and /keystatic/collection/posts without one. Add the
 * slash on the way in (dev server only) so those requests reach the routes.
 */
function editorTrailingSlash(): PluginOption {
  return {
    name: 'wellness-editor-trailing-slash',
    configureServer(server) {
      const addSlash: Connect.NextHandleFunction = (req, _res, next) => {
        const url = req.url ?? '';
        const [path = '', query] = url.split(/\?(.*)/s, 2);
        if (/^\/(api\/)?keystatic(\/|$)/.test(path) && !path.endsWith('/')) {
          req.url = `${path}/${query === undefined ? '' : `?${query}`}`;
        }
        next();
      };
      // Astro puts its trailing-slash check first in a post hook; ours must run before it.
      return () => {
        server.middlewares.stack.unshift({ route: '', handle: addSlash });
      };
    },
  };
}

const GOOGLE_FONTS = /https:\/\/fonts\.googleapis\.com\/css2\?[^"']*/g;

/**
 * Keystatic's UI links Inter from Google Fonts. The editor must work offline and
 * send nothing outside this machine, so the link gets an empty local stylesheet
 * and the UI falls back to the system's sans-serif.
 */
function noOutsideFonts(): PluginOption {
  return {
    name: 'wellness-editor-no-outside-fonts',
    enforce: 'post',
    transform(code) {
      if (!code.includes('fonts.googleapis.com')) return null;
      return { code: code.replace(GOOGLE_FONTS, 'data:text/css,'), map: null };
    },
  };
}
