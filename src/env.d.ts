/** True only under `astro dev` (set by src/integrations/preview-mode.ts). */
declare const __SHOWS_UNPUBLISHED__: boolean;
