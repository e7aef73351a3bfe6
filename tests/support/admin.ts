/**
 * Driving the editor at /admin/ in Chromium without GitHub: every request to
 * GitHub is answered here (nothing leaves the machine), any other host is
 * refused and recorded, and for the tests that write, /admin/config.yml is
 * switched to Sveltia's test backend, which keeps the repository in the
 * browser's private file system (OPFS) where the test can read and write it.
 */
import type { Page, Route } from 'playwright-core';

/** The one host the editor's policy lets it reach. */
export const GITHUB_HOSTS = ['api.github.com'] as const;
/** Where the test backend keeps its files inside the origin's private file system. */
const TEST_REPO_ROOT = 'sveltia-cms-test';

export interface AdminTraffic {
  /** Requests to GitHub, answered by the test. */
  github: string[];
  /** Requests to any other host but the site itself, refused. */
  elsewhere: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

function answerGitHub(route: Route): Promise<void> {
  // Blocked: GitHub's own answer to a request without valid credentials.
  return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ message: 'Requires authentication' }) });
}

/** Route every request of `page`: the site passes, GitHub is answered, anything else is refused. */
export async function watchAdmin(page: Page, origin: string, { testBackend }: { testBackend: boolean }): Promise<AdminTraffic> {
  const traffic: AdminTraffic = { github: [], elsewhere: [], errors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') traffic.errors.push(m.text());
  });
  page.on('pageerror', (e) => traffic.errors.push(`uncaught: ${e.message}`));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) {
      if (testBackend && url.pathname.endsWith('/admin/config.yml')) {
        const response = await route.fetch();
        const body = (await response.text()).replace(/^backend:\n(?: {2}.*\n)+/m, 'backend:\n  name: test-repo\n');
        if (!body.includes('name: test-repo')) throw new Error('config.yml has no backend block to replace');
        return route.fulfill({ response, body });
      }
      return route.continue();
    }
    if ((GITHUB_HOSTS as readonly string[]).includes(url.hostname)) {
      traffic.github.push(url.href);
      return answerGitHub(route);
    }
    traffic.elsewhere.push(url.href);
    return route.abort('blockedbyclient');
  });
  return traffic;
}

/** Put files (path → text) into the test backend's repository. The page must be on the site's origin. */
export async function seedTestRepo(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ({ root, files }) => {
      const opfs = await navigator.storage.getDirectory();
      await opfs.removeEntry(root, { recursive: true }).catch(() => undefined);
      const base = await opfs.getDirectoryHandle(root, { create: true });
      for (const [path, text] of Object.entries(files)) {
        const parts = path.split('/');
        const name = parts.pop()!;
        let dir = base;
        for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { root: TEST_REPO_ROOT, files },
  );
}

/** Every file of the test backend's repository under `folder`, path → text. */
export async function readTestRepo(page: Page, folder: string): Promise<Record<string, string>> {
  return page.evaluate(
    async ({ root, folder }) => {
      const out: Record<string, string> = {};
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(root);
      for (const part of folder.split('/')) dir = await dir.getDirectoryHandle(part);
      const walk = async (d: FileSystemDirectoryHandle, prefix: string) => {
        for await (const [name, handle] of (d as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
          if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
          else out[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
        }
      };
      await walk(dir, `${folder}/`);
      return out;
    },
    { root: TEST_REPO_ROOT, folder },
  );
}

/**
 * The test backend's repository under `folder` once `ready` says so: a save is
 * written after the editor reports it, and a file being replaced cannot be read
 * for a moment. Polls every 100 ms for up to 10 s, then returns what it last read.
 */
export async function waitForTestRepo(
  page: Page,
  folder: string,
  ready: (files: Record<string, string>) => boolean,
): Promise<Record<string, string>> {
  let files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) {
    try {
      files = await readTestRepo(page, folder);
      if (ready(files)) return files;
    } catch {
      // Mid-write: read again.
    }
    await page.waitForTimeout(100);
  }
  return files;
}

/** When a file of the test backend's repository was last written (ms), or undefined while it cannot be read. */
export async function testRepoStamp(page: Page, path: string): Promise<number | undefined> {
  return page
    .evaluate(
      async ({ root, path }) => {
        let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(root);
        const parts = path.split('/');
        const name = parts.pop()!;
        for (const part of parts) dir = await dir.getDirectoryHandle(part);
        return (await (await dir.getFileHandle(name)).getFile()).lastModified;
      },
      { root: TEST_REPO_ROOT, path },
    )
    .catch(() => undefined);
}
