import { DEMO_PASSWORD } from '@stl/api/data-access-db';

export interface GqlError {
  message: string;
  extensions?: { code?: string; problems?: { field: string; code: string; message: string }[] };
}
export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

/** A browser-like GraphQL client over real HTTP that keeps the session cookie. */
export class GqlClient {
  private cookie: string | null = null;
  /** Sent with every request (e.g. a User-Agent). */
  readonly headers: Record<string, string> = {};

  constructor(private readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const first = setCookie.split(';')[0];
      this.cookie = first.endsWith('=') ? null : first;
    }
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, ...body };
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** The error code of a request that must fail. */
  async code(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const r = await this.request(query, variables);
    if (!r.errors?.length) throw new Error(`Expected an error, got data: ${JSON.stringify(r.data)}`);
    return r.errors[0].extensions?.code;
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.ok(`mutation($input: SignInInput!) { signIn(input: $input) { person { id } } }`, {
      input: { email, password },
    });
  }

  get hasSession(): boolean {
    return this.cookie !== null;
  }

  /** The cookie this client sends (`name=value`), or null; and a way to plant one (session fixation tests). */
  get sessionCookie(): string | null {
    return this.cookie;
  }

  set sessionCookie(cookie: string | null) {
    this.cookie = cookie;
  }
}
