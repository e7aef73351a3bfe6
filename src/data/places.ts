/**
 * The studios from src/site.config.ts with their photos resolved by Astro
 * (src/data/places-loader.ts): what /book/, the home page and the footer show.
 */
import { getImage, imageConfig } from 'astro:assets';
import { getCollection } from 'astro:content';
import { placeId } from '../lib/places.ts';
import type { SiteConfig } from '../schema/site.ts';
import { site } from '../site.config.ts';
import { urls } from '../site-urls.ts';
import type { StoredPlace } from './places-loader.ts';

export type Location = SiteConfig['locations'][number];

export interface Place extends Omit<Location, 'photo'> {
  id: string;
  photo?: { src: ImageMetadata; alt: string } | undefined;
}

let cached: Promise<Place[]> | undefined;

async function load(): Promise<Place[]> {
  const photos = new Map(
    (await getCollection('places')).map((e) => [e.id, (e.data as StoredPlace).photo as unknown as ImageMetadata | undefined]),
  );
  return site.locations.map((location) => {
    const id = placeId(location.name);
    const src = photos.get(id);
    return { ...location, id, photo: src && location.photo ? { src, alt: location.photo.alt } : undefined };
  });
}

/** Every studio, in the order the settings list them. */
export function getPlaces(): Promise<Place[]> {
  cached ??= load();
  return cached;
}

/** Candidate widths of a studio's photo: it fills half the page at most. */
export const PLACE_PHOTO_WIDTHS = [400, 800] as const;

/**
 * Each studio's photo as one absolute JPEG address, by studio name, for the
 * structured data: the widest JPEG the page's <picture> already offers (the same
 * transform, so no extra file).
 */
export async function placePhotoUrls(places: readonly Place[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const place of places) {
    if (!place.photo) continue;
    const image = await getImage({
      src: place.photo.src,
      widths: [...PLACE_PHOTO_WIDTHS],
      format: 'jpg',
      fit: imageConfig.objectFit ?? 'cover',
      position: imageConfig.objectPosition ?? 'center',
    });
    found.set(place.name, urls.fromRoot(image.srcSet.values.at(-1)?.url ?? image.src));
  }
  return found;
}
