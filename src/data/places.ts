/**
 * The studios from src/site.config.ts with their photos resolved by Astro
 * (src/data/places-loader.ts): what /book/, the home page and the footer show.
 */
import { getCollection } from 'astro:content';
import { placeId } from '../lib/places.ts';
import type { SiteConfig } from '../schema/site.ts';
import { site } from '../site.config.ts';
import type { StoredPlace } from './places-loader.ts';

export type Location = SiteConfig['locations'][number];

export interface Place extends Omit<Location, 'photo'> {
  id: string;
  photo?: { src: ImageMetadata; alt: string } | undefined;
}

let cached: Promise<Place[]> | undefined;

async function load(): Promise<Place[]> {
  const photos = new Map((await getCollection('places')).map((e) => [e.id, (e.data as StoredPlace).photo as unknown as ImageMetadata | undefined]));
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
