/**
 * Sveltia asks www.githubstatus.com whether GitHub is up, when it starts and
 * every five minutes, to show a banner during an incident. The admin page's
 * policy allows GitHub's API only (src/lib/editor/admin-page.ts), so the browser
 * would refuse that request with an error in the console each time. The
 * request is answered here instead, without leaving the browser, as a status
 * page that cannot be reached: Sveltia then reports the status as unknown and
 * shows no banner. If GitHub is down, the writer still sees its error on
 * signing in or saving.
 */
export const GITHUB_STATUS_HOST = 'www.githubstatus.com';

type Fetch = typeof globalThis.fetch;

function hostOf(input: Parameters<Fetch>[0]): string | undefined {
  const url = input instanceof Request ? input.url : String(input);
  return URL.canParse(url) ? new URL(url).hostname : undefined;
}

/** Make `scope.fetch` refuse GitHub's status page at once, and pass every other request on. */
export function skipGitHubStatusCheck(scope: { fetch: Fetch } = globalThis): void {
  const fetch = scope.fetch.bind(scope);
  scope.fetch = (input, init) =>
    hostOf(input) === GITHUB_STATUS_HOST
      ? Promise.reject(new TypeError(`${GITHUB_STATUS_HOST} is not asked: the editor's policy allows GitHub's API only`))
      : fetch(input, init);
}
