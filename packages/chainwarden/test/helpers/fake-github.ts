/**
 * A fake of the GitHub REST issues endpoints chainwarden uses, on loopback, speaking the real protocol: Bearer
 * auth (401 Bad credentials), `X-GitHub-Api-Version`, issues and pull requests in one list with Link-header
 * pagination, create (201) / get / update, `state_reason`, 404/410/422 error bodies `{ message, documentation_url,
 * errors }`, `x-ratelimit-*` headers on every answer, and scripted primary (403, remaining 0, reset) and secondary
 * (429, retry-after) rate limits. People's actions (close, assign, label) are methods.
 */
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  assignees: string[];
  pull_request?: true;
  deleted?: boolean;
  /** Set when the issue was transferred: GitHub's redirect lands on the issue in this repository. */
  transferredTo?: string;
  created_at: string;
  updated_at: string;
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  readonly issues: FakeIssue[] = [];
  /** Logins that can be assigned (collaborators). */
  readonly collaborators = new Set<string>(['alice', 'bob', 'carol']);
  private readonly scripted: ScriptedAnswer[] = [];
  private server: Server | undefined;
  private clock = Date.parse('2026-01-01T00:00:00Z');
  url = '';

  constructor(
    readonly repo = 'acme/hotpass',
    readonly token = 'ghp_faketoken',
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }

  /** The next requests get these answers instead (a rate limit, a server error), in order. */
  script(...answers: ScriptedAnswer[]): void {
    this.scripted.push(...answers);
  }

  /** GitHub's primary rate limit: 403, remaining 0, reset in `seconds`. */
  static primaryLimit(seconds: number): ScriptedAnswer {
    return {
      status: 403,
      headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + seconds), 'x-ratelimit-resource': 'core' },
      body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
    };
  }

  /** GitHub's secondary rate limit: 429 with retry-after. */
  static secondaryLimit(seconds: number): ScriptedAnswer {
    return {
      status: 429,
      headers: { 'retry-after': String(seconds) },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
    };
  }

  /** Writes seen (POST and PATCH). */
  get writes(): FakeRequest[] {
    return this.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH');
  }

  addIssue(fields: Partial<FakeIssue> & { title: string }): FakeIssue {
    const now = this.tick();
    const issue: FakeIssue = { number: this.issues.length + 1, body: null, state: 'open', state_reason: null, labels: [], assignees: [], created_at: now, updated_at: now, ...fields };
    this.issues.push(issue);
    return issue;
  }

  issue(number: number): FakeIssue {
    const issue = this.issues.find((i) => i.number === number);
    if (issue === undefined) throw new Error(`fake GitHub: no issue #${number}`);
    return issue;
  }

  /** A person closes an issue on github.com. */
  closeByHand(number: number, reason: 'completed' | 'not_planned' = 'completed'): void {
    Object.assign(this.issue(number), { state: 'closed', state_reason: reason, updated_at: this.tick() });
  }

  reopenByHand(number: number): void {
    Object.assign(this.issue(number), { state: 'open', state_reason: 'reopened', updated_at: this.tick() });
  }

  assignByHand(number: number, ...logins: string[]): void {
    Object.assign(this.issue(number), { assignees: logins, updated_at: this.tick() });
  }

  labelByHand(number: number, labels: string[]): void {
    Object.assign(this.issue(number), { labels, updated_at: this.tick() });
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  }

  private json(issue: FakeIssue): Record<string, unknown> {
    const html = `https://github.com/${this.repo}/${issue.pull_request === true ? 'pull' : 'issues'}/${issue.number}`;
    return {
      id: 1_000_000 + issue.number,
      node_id: `I_${issue.number}`,
      url: `${this.url}/repos/${this.repo}/issues/${issue.number}`,
      repository_url: `${this.url}/repos/${issue.transferredTo ?? this.repo}`,
      html_url: html,
      number: issue.number,
      state: issue.state,
      state_reason: issue.state_reason,
      title: issue.title,
      body: issue.body,
      user: { login: 'chainwarden-bot', id: 1, type: 'Bot' },
      labels: issue.labels.map((name, i) => ({ id: 100 + i, name, color: 'ededed', default: false, description: null })),
      assignee: issue.assignees[0] !== undefined ? { login: issue.assignees[0], id: 2, type: 'User' } : null,
      assignees: issue.assignees.map((login, i) => ({ login, id: 2 + i, type: 'User' })),
      locked: false,
      comments: 0,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.state === 'closed' ? issue.updated_at : null,
      ...(issue.pull_request === true ? { pull_request: { url: `${this.url}/repos/${this.repo}/pulls/${issue.number}`, html_url: html } } : {}),
    };
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown;
    try {
      body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
    } catch {
      return this.send(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS });
    }
    this.requests.push({ method: req.method ?? '', path: url.pathname, query: url.search, headers: req.headers, body });
    const next = this.scripted.shift();
    if (next !== undefined) return this.send(res, next.status, next.body ?? null, next.headers);
    if (req.headers.authorization !== `Bearer ${this.token}`) return this.send(res, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    const version = req.headers['x-github-api-version'];
    if (version !== undefined && version !== '2022-11-28') return this.send(res, 400, { message: `Unsupported 'X-GitHub-Api-Version' header: ${String(version)}`, documentation_url: DOCS });
    const m = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+))?$/u.exec(url.pathname);
    if (m === null || `${decodeURIComponent(m[1] ?? '')}/${decodeURIComponent(m[2] ?? '')}` !== this.repo) return this.send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    const number = m[3] !== undefined ? Number(m[3]) : undefined;
    if (number === undefined && req.method === 'GET') return this.list(url, res);
    if (number === undefined && req.method === 'POST') return this.create(body, res);
    if (number !== undefined) {
      const issue = this.issues.find((i) => i.number === number);
      if (issue === undefined) return this.send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      if (issue.deleted === true) return this.send(res, 410, { message: 'This issue was deleted', documentation_url: DOCS, status: '410' });
      if (req.method === 'GET') return this.send(res, 200, this.json(issue));
      if (req.method === 'PATCH') return this.update(issue, body, res);
    }
    return this.send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  }

  private list(url: URL, res: ServerResponse): void {
    const state = url.searchParams.get('state') ?? 'open';
    const labels = (url.searchParams.get('labels') ?? '').split(',').filter((l) => l !== '');
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? '30'));
    const page = Number(url.searchParams.get('page') ?? '1');
    const asc = url.searchParams.get('direction') === 'asc';
    const all = this.issues
      .filter((i) => i.deleted !== true && (state === 'all' || i.state === state) && labels.every((l) => i.labels.some((x) => x.toLowerCase() === l.toLowerCase())))
      .sort((a, b) => (asc ? a.number - b.number : b.number - a.number));
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string): string => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(link(page - 1, 'prev'));
    if (page < last) rels.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) rels.push(link(1, 'first'));
    this.send(res, 200, all.slice((page - 1) * perPage, page * perPage).map((i) => this.json(i)), rels.length > 0 ? { link: rels.join(', ') } : {});
  }

  private invalid(res: ServerResponse, field: string, code: string, value?: unknown): void {
    this.send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'Issue', code, field, ...(value !== undefined ? { value } : {}) }], documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '422' });
  }

  private check(body: Record<string, unknown>, res: ServerResponse): boolean {
    const assignees = body['assignees'];
    if (Array.isArray(assignees)) {
      const bad: unknown = (assignees as unknown[]).find((a) => typeof a !== 'string' || !this.collaborators.has(a.toLowerCase()));
      if (bad !== undefined) {
        this.invalid(res, 'assignees', 'invalid', bad);
        return false;
      }
    }
    if (typeof body['body'] === 'string' && body['body'].length > 65_536) {
      this.invalid(res, 'body', 'custom');
      return false;
    }
    if (body['title'] !== undefined && (typeof body['title'] !== 'string' || body['title'].length > 256)) {
      this.invalid(res, 'title', 'custom');
      return false;
    }
    return true;
  }

  private create(body: unknown, res: ServerResponse): void {
    if (typeof body !== 'object' || body === null) return this.invalid(res, 'title', 'missing_field');
    const b = body as Record<string, unknown>;
    if (typeof b['title'] !== 'string' || b['title'] === '') return this.invalid(res, 'title', 'missing_field');
    if (!this.check(b, res)) return;
    const issue = this.addIssue({
      title: b['title'],
      body: typeof b['body'] === 'string' ? b['body'] : null,
      labels: Array.isArray(b['labels']) ? (b['labels'] as string[]) : [],
      assignees: Array.isArray(b['assignees']) ? (b['assignees'] as string[]) : [],
    });
    this.send(res, 201, this.json(issue), { location: `${this.url}/repos/${this.repo}/issues/${issue.number}` });
  }

  private update(issue: FakeIssue, body: unknown, res: ServerResponse): void {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (!this.check(b, res)) return;
    if (b['state'] !== undefined && b['state'] !== 'open' && b['state'] !== 'closed') return this.invalid(res, 'state', 'invalid');
    if (typeof b['title'] === 'string') issue.title = b['title'];
    if (typeof b['body'] === 'string') issue.body = b['body'];
    if (Array.isArray(b['labels'])) issue.labels = b['labels'] as string[];
    if (Array.isArray(b['assignees'])) issue.assignees = b['assignees'] as string[];
    if (b['state'] === 'open' || b['state'] === 'closed') {
      if (b['state'] !== issue.state) issue.state_reason = b['state'] === 'closed' ? ((b['state_reason'] ?? 'completed') as FakeIssue['state_reason']) : 'reopened';
      issue.state = b['state'];
    }
    issue.updated_at = this.tick();
    this.send(res, 200, this.json(issue));
  }

  private remaining = 5000;

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.remaining = Math.max(0, this.remaining - 1);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...headers,
    });
    res.end(body === null ? '' : JSON.stringify(body));
  }
}

export async function startFakeGitHub(repo?: string, token?: string): Promise<FakeGitHub> {
  return new FakeGitHub(repo, token).start();
}
