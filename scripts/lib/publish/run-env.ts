/** What a publish script learns from the variables GitHub Actions sets for every step. */
import type { RepoLinks } from './held-back.ts';

type Env = Record<string, string | undefined>;

/** The workflow's file name (publish.yml), from GITHUB_WORKFLOW_REF (owner/name/.github/workflows/publish.yml@refs/heads/main). */
export function workflowFile(env: Env): string {
  const ref = env.GITHUB_WORKFLOW_REF ?? '';
  return /\/\.github\/workflows\/([^/@]+)@/.exec(ref)?.[1] ?? 'publish.yml';
}

export function repoLinks(env: Env): RepoLinks {
  if (!env.GITHUB_REPOSITORY) return {};
  const repoUrl = `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`;
  return {
    repoUrl,
    branch: env.GITHUB_REF_NAME || undefined,
    runUrl: env.GITHUB_RUN_ID ? `${repoUrl}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    workflowUrl: `${repoUrl}/actions/workflows/${workflowFile(env)}`,
  };
}

/** A whole number of minutes from the environment, or the default; a clear error for anything else. */
export function minutesFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}="${raw}" is not a number of minutes; write a number such as ${fallback}`);
  return n;
}
