import { ExitCode } from '../../../core/errors.js';
import { isRecord } from '../../../core/parse.js';
import { TrackerError } from '../errors.js';
import type { IssueFields, IssueTracker } from '../issue-tracker.js';
import type { RemoteIssue } from '../tracked-item.js';
import { isPullRequest, toRemoteIssue } from './issue-json.js';
import { nextLink } from './link-header.js';
import { rateLimitWait } from './rate-limit.js';
import type { RepoRef } from './repo.js';

export interface GitHubIssueTrackerOptions {
  /** REST API base, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  readonly apiUrl: string;
  readonly repo: RepoRef;
  readonly token: string;
  /** Total time the client may spend waiting out rate limits before it gives up (default 120 s). */
  readonly maxWaitMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly userAgent?: string;
}

interface Response {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

const TRANSIENT = new Set([500, 502, 503, 504]);
const MAX_ATTEMPTS = 6;

/**
 * GitHub's issues REST API on node's fetch: list (Link-header pagination, pull requests skipped), get, create,
 * update. Waits out primary and secondary rate limits within a bounded budget; every failure is a TrackerError
 * naming the repository (and issue) and what GitHub said.
 */
export class GitHubIssueTracker implements IssueTracker {
  readonly repo: string;
  private readonly base: URL;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private waitedMs = 0;

  constructor(private readonly options: GitHubIssueTrackerOptions) {
    this.repo = `${options.repo.owner}/${options.repo.name}`;
    this.base = new URL(`${options.apiUrl.replace(/\/+$/u, '')}/`);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds spent waiting for rate limits so far. */
  get rateLimitWaitedMs(): number {
    return this.waitedMs;
  }

  async listIssues(label: string): Promise<RemoteIssue[]> {
    const issues: RemoteIssue[] = [];
    const what = `listing issues of ${this.repo}`;
    let url: string | undefined = this.url(`issues?state=all&labels=${encodeURIComponent(label)}&per_page=100&sort=created&direction=asc`).toString();
    for (let page = 1; url !== undefined; page++) {
      if (page > 1000) throw new TrackerError(`GitHub: ${what}: more than 1000 pages; stopping`, ExitCode.internal);
      const res = await this.request('GET', url, undefined, what);
      if (!Array.isArray(res.json)) throw new TrackerError(`GitHub: ${what}: expected a JSON array of issues (page ${page})`, ExitCode.internal);
      for (const raw of res.json) {
        if (isPullRequest(raw)) continue;
        const issue = toRemoteIssue(raw);
        if (issue === undefined) throw new TrackerError(`GitHub: ${what}: an item on page ${page} is not an issue`, ExitCode.internal);
        issues.push(issue);
      }
      url = this.sameOrigin(nextLink(res.headers.get('link')), what);
    }
    return issues;
  }

  async getIssue(number: number): Promise<RemoteIssue | undefined> {
    const what = `reading issue #${number} of ${this.repo}`;
    const res = await this.request('GET', this.url(`issues/${number}`).toString(), undefined, what, [404, 410]);
    if (res.status === 404 || res.status === 410 || isPullRequest(res.json)) return undefined;
    // A transferred issue redirects to its new repository: it is no longer this repository's issue.
    const repositoryUrl = isRecord(res.json) ? res.json['repository_url'] : undefined;
    if (typeof repositoryUrl === 'string' && !repositoryUrl.toLowerCase().endsWith(`/repos/${this.repo.toLowerCase()}`)) return undefined;
    return this.issue(res.json, what);
  }

  async createIssue(fields: IssueFields & { readonly title: string }): Promise<RemoteIssue> {
    const what = `creating an issue in ${this.repo}`;
    const { stateReason: _reason, state: _state, ...create } = fields;
    const res = await this.request('POST', this.url('issues').toString(), create, what);
    return this.issue(res.json, what);
  }

  async updateIssue(number: number, fields: IssueFields): Promise<RemoteIssue> {
    const what = `updating issue #${number} of ${this.repo}`;
    const { stateReason, ...rest } = fields;
    const res = await this.request('PATCH', this.url(`issues/${number}`).toString(), { ...rest, ...(stateReason !== undefined ? { state_reason: stateReason } : {}) }, what);
    return this.issue(res.json, what);
  }

  private url(path: string): URL {
    const { owner, name } = this.options.repo;
    return new URL(`repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/${path}`, this.base);
  }

  /** A pagination link must stay on the API's origin: the token is never sent anywhere else. */
  private sameOrigin(next: string | undefined, what: string): string | undefined {
    if (next === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(next, this.base);
    } catch (error) {
      throw new TrackerError(`GitHub: ${what}: malformed Link header URL "${next}"`, ExitCode.internal, undefined, { cause: error });
    }
    if (url.origin !== this.base.origin) throw new TrackerError(`GitHub: ${what}: the next page is on another host (${url.origin}); refusing to send the token there`, ExitCode.internal);
    return url.toString();
  }

  private issue(json: unknown, what: string): RemoteIssue {
    const issue = toRemoteIssue(json);
    if (issue === undefined) throw new TrackerError(`GitHub: ${what}: the answer is not an issue`, ExitCode.internal);
    return issue;
  }

  private async request(method: string, url: string, body: unknown, what: string, allow: readonly number[] = []): Promise<Response> {
    const budget = this.options.maxWaitMs ?? 120_000;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await this.send(method, url, body);
      } catch (error) {
        if (attempt < 3 && this.waitedMs + attempt * 1000 <= budget) {
          await this.wait(attempt * 1000);
          continue;
        }
        throw new TrackerError(`GitHub: ${what}: cannot reach ${this.base.origin} (${error instanceof Error ? error.message : String(error)})`, ExitCode.internal, undefined, { cause: error });
      }
      if ((res.status >= 200 && res.status < 300) || allow.includes(res.status)) return res;
      const message = errorMessage(res.json);
      const limit = rateLimitWait(res.status, res.headers, message, this.now());
      if (limit !== undefined) {
        if (attempt < MAX_ATTEMPTS && this.waitedMs + limit.waitMs <= budget) {
          await this.wait(limit.waitMs);
          continue;
        }
        const when = limit.resetAt !== undefined ? `resets at ${limit.resetAt}, ` : '';
        throw new TrackerError(
          `GitHub: ${what}: ${limit.kind} rate limit exceeded (${res.status}${message !== '' ? `: ${message}` : ''}); ${when}retry in ${Math.ceil(limit.waitMs / 1000)} s is beyond the wait budget of ${Math.round(budget / 1000)} s (already waited ${Math.round(this.waitedMs / 1000)} s). Re-run later or raise --max-wait`,
          ExitCode.internal,
          res.status,
        );
      }
      if (TRANSIENT.has(res.status) && attempt < 3 && this.waitedMs + attempt * 1000 <= budget) {
        await this.wait(attempt * 1000);
        continue;
      }
      throw this.failure(res, message, what);
    }
  }

  private async wait(ms: number): Promise<void> {
    this.waitedMs += ms;
    await this.sleep(ms);
  }

  private async send(method: string, url: string, body: unknown): Promise<Response> {
    const res = await this.fetch(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        authorization: `Bearer ${this.options.token}`,
        'user-agent': this.options.userAgent ?? 'chainwarden',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: unknown = undefined;
    if (text !== '') {
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        json = { message: text.slice(0, 200) };
      }
    }
    return { status: res.status, headers: res.headers, json };
  }

  private failure(res: Response, message: string, what: string): TrackerError {
    const said = `${res.status}${message !== '' ? ` ${message}` : ''}${details(res.json)}${docs(res.json)}`;
    switch (res.status) {
      case 401:
        return new TrackerError(`GitHub: ${what}: the token was rejected (${said}); set GITHUB_TOKEN to a token with read and write access to issues`, ExitCode.badInput, 401);
      case 403:
        return new TrackerError(`GitHub: ${what}: forbidden (${said}); the token needs issues: write on ${this.repo}`, ExitCode.badInput, 403);
      case 404:
        return new TrackerError(`GitHub: ${what}: not found (${said}); check that ${this.repo} exists and the token can see it`, ExitCode.badInput, 404);
      case 410:
        return new TrackerError(`GitHub: ${what}: gone (${said}); issues may be disabled on ${this.repo}, or the issue was deleted`, ExitCode.badInput, 410);
      case 422:
        return new TrackerError(`GitHub: ${what}: rejected (${said})`, ExitCode.badInput, 422);
      default:
        return new TrackerError(`GitHub: ${what}: unexpected answer (${said})`, ExitCode.internal, res.status);
    }
  }
}

function errorMessage(json: unknown): string {
  return isRecord(json) && typeof json['message'] === 'string' ? json['message'] : '';
}

function details(json: unknown): string {
  if (!isRecord(json) || !Array.isArray(json['errors'])) return '';
  const parts = json['errors'].map((e) => (isRecord(e) ? [e['resource'], e['field'], e['code'], e['message']].filter((x) => typeof x === 'string').join(' ') : String(e)));
  return parts.length > 0 ? `: ${parts.join('; ')}` : '';
}

function docs(json: unknown): string {
  return isRecord(json) && typeof json['documentation_url'] === 'string' ? ` — see ${json['documentation_url']}` : '';
}
