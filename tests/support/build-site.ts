/**
 * Builds a site from fixture content into tests/.out/<name>, the way CI and
 * people build it (the astro CLI), with content, base path and "now" as inputs.
 * A build is reused while nothing that feeds it has changed, so re-running
 * tests locally is quick; CI always starts from a clean clone.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OUT, ROOT } from './paths.ts';

export interface SiteBuild {
  name: string;
  contentDir: string;
  base?: string;
  now: string;
  env?: Record<string, string>;
}

export interface BuildResult {
  ok: boolean;
  outDir: string;
  output: string;
}

const INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tests/fixtures'];

function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) hashTree(hash, join(path, name));
  } else {
    hash.update(relative(ROOT, path));
    hash.update(readFileSync(path));
  }
}

function inputsKey(build: SiteBuild): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(build));
  for (const input of INPUTS) hashTree(hash, join(ROOT, input));
  return hash.digest('hex');
}

function withoutTestEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_ENV: _node, VITEST: _vitest, VITEST_MODE: _mode, TEST: _test, ...rest } = env;
  return rest;
}

export function outDirFor(name: string): string {
  return join(OUT, name, 'dist');
}

/** What the last build of a fixture site printed: kept beside it, since a reused build prints nothing. */
export function buildLogFor(name: string): string {
  return join(OUT, name, 'build.log');
}

export interface AstroBuild extends Omit<SiteBuild, 'name'> {
  outDir: string;
  /** Astro's cache folder: content sync, pictures and the incremental build's record of the last build. */
  cacheDir: string;
  /** Extra arguments for `astro build`, e.g. `--force`. */
  args?: string[];
}

/** One `astro build`, as people run it, with everything that varies passed as inputs. */
export function astroBuild(build: AstroBuild): { ok: boolean; output: string } {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build', ...(build.args ?? [])], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      // Built as people build it: vitest's NODE_ENV=test must not leak into the site build.
      ...withoutTestEnv(process.env),
      CONTENT_DIR: build.contentDir,
      OUT_DIR: build.outDir,
      ASTRO_CACHE_DIR: build.cacheDir,
      SITE_BASE: build.base ?? '/',
      BLOG_NOW: build.now,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...build.env,
    },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

export function buildSite(build: SiteBuild, { reuse = true } = {}): BuildResult {
  const outDir = outDirFor(build.name);
  const stamp = join(OUT, build.name, 'inputs.sha256');
  const key = inputsKey(build);
  if (reuse && existsSync(stamp) && readFileSync(stamp, 'utf8') === key && existsSync(outDir)) {
    return { ok: true, outDir, output: '(reused: inputs unchanged)' };
  }
  rmSync(join(OUT, build.name), { recursive: true, force: true });
  const { ok, output } = astroBuild({ ...build, outDir, cacheDir: join(OUT, build.name, 'cache') });
  mkdirSync(join(OUT, build.name), { recursive: true });
  writeFileSync(buildLogFor(build.name), output);
  if (ok) writeFileSync(stamp, key);
  return { ok, outDir, output };
}
