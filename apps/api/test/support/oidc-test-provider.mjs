// A real OpenID Connect provider (the `oidc-provider` package) for the single sign-on tests, run as
// its own process so that its clock can be set apart from the API's (CLOCK_OFFSET_SECONDS: tokens
// it issues then carry that time). Started by oidc-provider-fixture.ts; prints
// {"issuer": "..."} on its first line of output when it listens.
//
// Its login page is a small JSON interface a test drives like a person would:
//   GET  /interaction/:uid   → { uid, prompt, clientId, scope }
//   POST /interaction/:uid   {"account": "<id>"} → signs that account in, grants the scopes asked,
//                            and redirects the browser back into the authorization flow.
//   PUT  /test/accounts/:id  {claims} → the account and the claims its ID token carries.
import http from 'node:http';
import Provider from 'oidc-provider';

const offsetSeconds = Number(process.env.CLOCK_OFFSET_SECONDS ?? '0');
if (offsetSeconds) {
  const realNow = Date.now;
  Date.now = () => realNow() + offsetSeconds * 1000;
}

const accounts = new Map();
const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: JSON.parse(process.env.OIDC_CLIENTS ?? '[]'),
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: (_ctx, id) =>
    accounts.has(id) ? { accountId: id, claims: () => ({ sub: id, ...accounts.get(id) }) } : undefined,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  ...(process.env.CLIENT_AUTH_METHODS
    ? { clientAuthMethods: process.env.CLIENT_AUTH_METHODS.split(',') }
    : {}),
});
const handle = provider.callback();

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    const account = url.pathname.match(/^\/test\/accounts\/([^/]+)$/);
    if (account && req.method === 'PUT') {
      accounts.set(decodeURIComponent(account[1]), await body(req));
      res.writeHead(204).end();
      return;
    }
    if (/^\/interaction\/[^/]+$/.test(url.pathname)) {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            uid: details.uid,
            prompt: details.prompt.name,
            clientId: details.params.client_id,
            scope: details.params.scope,
          }),
        );
        return;
      }
      const { account: accountId } = await body(req);
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    handle(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e?.stack ?? e));
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
