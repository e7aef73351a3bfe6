/**
 * An Astro content loader for the studios' photos: src/site.config.ts names
 * each photo by its path from the project folder, and this hands the paths to
 * Astro's picture pipeline (as a content entry's image), so a studio photo is
 * resized and converted like a post's hero. A photo that is not there stops
 * the build with the setting to fix.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { site } from '../site.config.ts';
import { placeId } from '../lib/places.ts';

/** Astro resolves a string with this prefix in entry data to the picture's ImageMetadata, relative to the entry's file. */
const IMAGE = '__ASTRO_IMAGE_';
/** The entries are stored as if read from this file, so photo paths are resolved from the project folder. */
const SETTINGS_FILE = 'src/site.config.ts';

export interface StoredPlace {
  photo?: string | undefined;
}

export function placesLoader(): Loader {
  return {
    name: 'studio-places',
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      ctx.store.clear();
      for (const [i, location] of site.locations.entries()) {
        const src = location.photo?.src;
        if (src && !existsSync(join(root, src))) {
          throw new Error(
            `src/site.config.ts  locations[${i}].photo.src  ${src} is not there; put the photo at that path (from the project folder) or remove \`photo\``,
          );
        }
        const data: StoredPlace = { photo: src ? `${IMAGE}${posix.relative(posix.dirname(SETTINGS_FILE), src)}` : undefined };
        ctx.store.set({
          id: placeId(location.name),
          data: { ...data },
          filePath: SETTINGS_FILE,
          digest: ctx.generateDigest(JSON.stringify(data)),
        });
      }
    },
  };
}
