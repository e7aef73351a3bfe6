import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'tests/fixtures');
/** Where fixture builds go; TEST_OUT_DIR gives one checkout's concurrent test runs separate folders. */
export const OUT = process.env.TEST_OUT_DIR ? resolve(process.env.TEST_OUT_DIR) : join(ROOT, 'tests/.out');
/** "Now" for every fixture build: the fixture posts are dated around it. */
export const FIXTURE_NOW = '2026-11-27T12:00:00-05:00';
