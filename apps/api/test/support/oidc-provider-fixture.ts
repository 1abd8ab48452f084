import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface OidcTestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface TestProvider {
  issuer: string;
  /** Creates or replaces an account and the claims of its ID tokens (sub is the id). */
  account(id: string, claims: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the real OpenID Connect provider of oidc-test-provider.mjs in its own Node process, with
 * these clients registered; `clockOffsetSeconds` sets its clock apart from ours (expired tokens).
 */
export async function startTestProvider(options: {
  clients: OidcTestClient[];
  clockOffsetSeconds?: number;
  /** How clients may send their secret to the token endpoint; default: in the body. */
  clientAuthMethod?: 'client_secret_post' | 'client_secret_basic';
}): Promise<TestProvider> {
  const method = options.clientAuthMethod ?? 'client_secret_post';
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-test-provider.mjs')], {
    env: {
      PATH: process.env['PATH'],
      OIDC_CLIENTS: JSON.stringify(
        options.clients.map((c) => ({ ...c, token_endpoint_auth_method: method })),
      ),
      // A provider that takes only HTTP Basic says so in its discovery document.
      ...(options.clientAuthMethod ? { CLIENT_AUTH_METHODS: method } : {}),
      CLOCK_OFFSET_SECONDS: String(options.clockOffsetSeconds ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no output from the OIDC test provider'));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
    child.once('exit', (code) => reject(new Error(`OIDC test provider exited (${code}): ${stderr}`)));
  });
  return {
    issuer,
    account: async (id, claims) => {
      const res = await fetch(`${issuer}/test/accounts/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(claims),
      });
      if (res.status !== 204) throw new Error(`account: ${res.status}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A browser for redirect flows: follows nothing by itself, keeps cookies like a browser (by host, all
 * ports alike, with their paths; a cookie set to expire in 1970 is removed). Other expiry dates are
 * ignored, since a provider with a shifted clock sets dates in the past for cookies it means to keep.
 */
export class RedirectBrowser {
  private readonly jar = new Map<string, { value: string; path: string; host: string }>();

  cookie(name: string): string | undefined {
    return [...this.jar.entries()].find(([k]) => k.endsWith(`|${name}`))?.[1].value;
  }

  async request(
    url: string,
    init: { method?: string; json?: unknown } = {},
  ): Promise<{ status: number; location: string | null; body: string; url: string }> {
    const target = new URL(url);
    const cookie = [...this.jar.entries()]
      .filter(([, c]) => c.host === target.hostname && target.pathname.startsWith(c.path))
      .map(([k, c]) => `${k.split('|').pop()}=${c.value}`)
      .join('; ');
    const res = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
    for (const line of res.headers.getSetCookie()) this.store(target, line);
    const location = res.headers.get('location');
    return {
      status: res.status,
      location: location ? new URL(location, target).href : null,
      body: await res.text(),
      url: target.href,
    };
  }

  private store(from: URL, line: string): void {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (n: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1) ?? null;
    const path = attr('path') ?? '/';
    const key = `${from.hostname}|${path}|${name}`;
    const expires = attr('expires');
    if (!value || (expires && new Date(expires).getUTCFullYear() < 2000)) this.jar.delete(key);
    else this.jar.set(key, { value, path, host: from.hostname });
  }
}
