import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const OUT = join(ROOT, 'tests/.out');
/** "Now" for every fixture build: the fixture posts are dated around it. */
export const FIXTURE_NOW = '2026-11-27T12:00:00-05:00';
