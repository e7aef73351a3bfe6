/** The site's addresses (src/lib/urls.ts) for its settings: what pages, components and outputs import. */
import { createUrls } from './lib/urls.ts';
import { site } from './site.config.ts';

export const urls = createUrls(site);
