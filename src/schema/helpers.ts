import type { z } from 'zod';

/**
 * Astro hands content schemas an `image()` helper that resolves and checks image
 * files. Our own checker (scripts, tests) runs without Astro and passes a plain
 * string schema instead, then checks the file exists itself. Schemas are written
 * against this shape so both can build them.
 */
export type ImageHelper = () => z.ZodType;
