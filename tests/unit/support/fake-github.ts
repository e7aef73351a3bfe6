/**
 * A stand-in for the parts of GitHub's REST API the publish workflow uses, on
 * 127.0.0.1 at a free port: issues with labels and comments, labels, and the
 * Actions runs and jobs. It keeps its state in memory, records every request,
 * insists on the token, and can be told to fail.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { repoApi, type RepoApi } from '../../../scripts/lib/publish/github.ts';

export const FAKE_REPO = 'studio/blog';
export const FAKE_TOKEN = 'test-token';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string;
  labels: string[];
  comments: string[];
  pull_request?: object;
}

export interface FakeRun {
  id: number;
  run_started_at: string;
  jobs?: { name: string; steps: { name: string; started_at: string | null }[] }[];
  /** Answer the jobs request with this status instead. */
  jobsStatus?: number;
}

export interface FakeGitHub {
  apiUrl: string;
  issues: FakeIssue[];
  labels: Set<string>;
  /** Successful runs of the workflow, newest first. */
  runs: FakeRun[];
  /** Requests as `METHOD /path?query`. */
  requests: string[];
  /** Answer every request with this status (0: behave). */
  failWith: number;
  /** Drop labels on new issues without a word, as GitHub does for a token that may not set them. */
  dropLabels: boolean;
  /** Back to an empty repository that behaves. */
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  let origin = '';
  const fake: FakeGitHub = {
    apiUrl: '',
    issues: [],
    labels: new Set(),
    runs: [],
    requests: [],
    failWith: 0,
    dropLabels: false,
    reset() {
      Object.assign(fake, { issues: [], labels: new Set(), runs: [], requests: [], failWith: 0, dropLabels: false });
    },
    close: async () => {},
  };
  const view = (i: FakeIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    html_url: `https://github.com/${FAKE_REPO}/issues/${i.number}`,
    labels: i.labels.map((name) => ({ name })),
    ...(i.pull_request ? { pull_request: i.pull_request } : {}),
  });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    fake.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, data?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(data === undefined ? '' : JSON.stringify(data));
    };
    if (fake.failWith) return send(fake.failWith, { message: 'Server Error' });
    if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`) return send(401, { message: 'Bad credentials' });
    const prefix = `/repos/${FAKE_REPO}`;
    if (!url.pathname.startsWith(prefix)) return send(404, { message: 'Not Found' });
    const path = url.pathname.slice(prefix.length);
    const body = req.method === 'GET' ? {} : await readBody(req);
    let m: RegExpExecArray | null;

    if (req.method === 'GET' && path === '/issues') {
      const state = url.searchParams.get('state') ?? 'open';
      const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      return send(200, fake.issues.filter((i) => i.state === state && wanted.every((l) => i.labels.includes(l))).map(view));
    }
    if (req.method === 'POST' && path === '/issues') {
      const issue: FakeIssue = {
        number: fake.issues.length + 1,
        title: String(body.title),
        body: String(body.body ?? ''),
        state: 'open',
        labels: fake.dropLabels ? [] : ((body.labels as string[]) ?? []),
        comments: [],
      };
      fake.issues.push(issue);
      return send(201, view(issue));
    }
    const issue = (n: string) => fake.issues.find((i) => i.number === Number(n));
    if ((m = /^\/issues\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
      const found = issue(m[1]!);
      if (!found) return send(404, { message: 'Not Found' });
      Object.assign(found, body);
      return send(200, view(found));
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(path)) && req.method === 'POST') {
      const found = issue(m[1]!);
      if (!found) return send(404, { message: 'Not Found' });
      found.comments.push(String(body.body));
      return send(201, { id: found.comments.length });
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(path)) && req.method === 'POST') {
      const found = issue(m[1]!);
      if (!found) return send(404, { message: 'Not Found' });
      found.labels.push(...((body.labels as string[]) ?? []));
      return send(
        200,
        found.labels.map((name) => ({ name })),
      );
    }
    if ((m = /^\/labels\/([^/]+)$/.exec(path)) && req.method === 'GET') {
      const name = decodeURIComponent(m[1]!);
      return fake.labels.has(name) ? send(200, { name }) : send(404, { message: 'Not Found' });
    }
    if (path === '/labels' && req.method === 'POST') {
      const name = String(body.name);
      if (fake.labels.has(name)) return send(422, { message: 'Validation Failed' });
      fake.labels.add(name);
      return send(201, { name });
    }
    if (/^\/actions\/workflows\/[^/]+\/runs$/.test(path) && req.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const runs = url.searchParams.get('status') === 'success' ? fake.runs : [];
      return send(200, {
        total_count: runs.length,
        workflow_runs: runs.slice(0, perPage).map((r) => ({
          id: r.id,
          html_url: `https://github.com/${FAKE_REPO}/actions/runs/${r.id}`,
          run_started_at: r.run_started_at,
          created_at: r.run_started_at,
        })),
      });
    }
    if ((m = /^\/actions\/runs\/(\d+)\/jobs$/.exec(path)) && req.method === 'GET') {
      const run = fake.runs.find((r) => r.id === Number(m![1]));
      if (!run) return send(404, { message: 'Not Found' });
      if (run.jobsStatus) return send(run.jobsStatus, { message: 'Resource not accessible by integration' });
      return send(200, { total_count: run.jobs?.length ?? 0, jobs: run.jobs ?? [] });
    }
    return send(404, { message: 'Not Found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.apiUrl = origin;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/**
 * A fake GitHub for the tests of one describe block: started before them,
 * emptied before each, closed after; with a client that has the right token.
 */
export function useFakeGitHub(): { readonly github: FakeGitHub; api(): RepoApi } {
  let github: FakeGitHub | undefined;
  beforeAll(async () => {
    github = await startFakeGitHub();
  });
  beforeEach(() => github!.reset());
  afterAll(async () => {
    await github?.close();
  });
  return {
    get github() {
      return github!;
    },
    api: () => repoApi({ apiUrl: github!.apiUrl, repo: FAKE_REPO, token: FAKE_TOKEN }),
  };
}
