/**
 * Which GitHub repository the editor at /admin/ reads and writes. The publish
 * workflow builds on GitHub, which names the repository in GITHUB_REPOSITORY, so
 * the published editor needs no setting; CMS_REPOSITORY overrides it (a build
 * elsewhere, or a fork), and a local build falls back to the `origin` remote.
 */
export interface Repository {
  /** `owner/name`. */
  name: string;
  branch: string;
  /** Where the name came from, for the build log. */
  source: 'CMS_REPOSITORY' | 'GITHUB_REPOSITORY' | 'git remote' | 'none';
}

const OWNER_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** `owner/name` from a GitHub remote URL (https or ssh), or undefined. */
export function repositoryFromRemote(url: string | undefined): string | undefined {
  const match = /github\.com[:/]([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url?.trim() ?? '');
  return match?.[1];
}

/**
 * Without a known repository the editor still works on a local copy (`npm run dev`, "Work with Local
 * Repository"), where it asks for the folder by this name; signing in to GitHub would find nothing.
 */
export function unknownRepository(folderName: string): string {
  return `local/${folderName.replace(/[^A-Za-z0-9_.-]/g, '-') || 'blog'}`;
}

export function repositoryFrom(env: Record<string, string | undefined>, remoteUrl?: string, folderName = 'blog'): Repository {
  const branch = env.CMS_BRANCH?.trim() || 'main';
  for (const source of ['CMS_REPOSITORY', 'GITHUB_REPOSITORY'] as const) {
    const value = env[source]?.trim();
    if (value && OWNER_NAME.test(value)) return { name: value, branch, source };
  }
  const remote = repositoryFromRemote(remoteUrl);
  if (remote) return { name: remote, branch, source: 'git remote' };
  return { name: unknownRepository(folderName), branch, source: 'none' };
}
