/**
 * The few GitHub REST calls the publish workflow makes, with its own
 * GITHUB_TOKEN and nothing but fetch. GITHUB_API_URL (set by Actions) names the
 * API, so tests point it at a fake on 127.0.0.1.
 *
 * Only node: built-ins and files in scripts/ are imported: the issue job runs
 * this without installing the project (tests/unit/publish-issue.test.ts checks).
 */
import { networkReason } from './net-error.ts';

export class GitHubError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export interface RepoApi {
  /** owner/name */
  readonly repo: string;
  /** A call on the repository: `path` is relative to /repos/{owner}/{name}. */
  call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
}

export interface RepoApiOptions {
  apiUrl: string;
  repo: string;
  token: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export function repoApi(opts: RepoApiOptions): RepoApi {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const base = opts.apiUrl.replace(/\/+$/, '');
  return {
    repo: opts.repo,
    async call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const where = `${method} /repos/${opts.repo}${path}`;
      let response: Response;
      try {
        response = await doFetch(`${base}/repos/${opts.repo}${path}`, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${opts.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'wellness-rituals-publish',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? null : JSON.stringify(body),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
        });
      } catch (error) {
        throw new GitHubError(`GitHub could not be reached for ${where} (${networkReason(error)})`);
      }
      const text = await response.text();
      if (!response.ok) {
        let said = text.slice(0, 200);
        try {
          said = (JSON.parse(text) as { message?: string }).message ?? said;
        } catch {
          // Not JSON: keep the start of the text.
        }
        throw new GitHubError(`GitHub answered ${response.status} to ${where}: ${said}`, response.status);
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** The repository API from the variables Actions sets, or why it cannot be had. */
export function repoApiFromEnv(env: Record<string, string | undefined>, fetch?: typeof globalThis.fetch): RepoApi | string {
  const missing = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY'].filter((name) => !env[name]);
  if (missing.length) return `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set`;
  return repoApi({
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    repo: env.GITHUB_REPOSITORY!,
    token: env.GITHUB_TOKEN!,
    ...(fetch ? { fetch } : {}),
  });
}

export interface Issue {
  number: number;
  title: string;
  body: string | null;
  html_url: string;
  pull_request?: unknown;
}

/** The oldest open issue with `label` (pull requests share the list and are skipped). */
export async function findOpenIssue(api: RepoApi, label: string): Promise<Issue | undefined> {
  const issues = await api.call<Issue[]>(
    'GET',
    `/issues?state=open&labels=${encodeURIComponent(label)}&sort=created&direction=asc&per_page=100`,
  );
  return issues.filter((i) => !i.pull_request).sort((a, b) => a.number - b.number)[0];
}
