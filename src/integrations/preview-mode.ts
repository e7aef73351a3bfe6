/**
 * Decides, from the Astro command alone, whether drafts and scheduled posts are
 * shown: only `astro dev` shows them. Environment flags such as NODE_ENV are not
 * trusted for this, because a build run with NODE_ENV=test or development would
 * otherwise publish drafts (Vite derives import.meta.env.DEV from the mode).
 */
import type { AstroIntegration } from 'astro';

export function previewMode(): AstroIntegration {
  return {
    name: 'preview-mode',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { __SHOWS_UNPUBLISHED__: JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
