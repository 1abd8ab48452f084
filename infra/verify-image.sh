#!/usr/bin/env bash
# Builds infra/Dockerfile and checks the image the way the Helm chart runs it: the migration job,
# then the server with a read-only root filesystem, a /tmp tmpfs, no capabilities and the chart's
# production settings. Prints one line per check; exits 1 if any fails. Not part of `npm test` or CI.
#
#   DATABASE_URL=postgres://user:pass@127.0.0.1:5432/stl_verify infra/verify-image.sh
#
# Needs Docker on Linux (the containers use the host's network, so DATABASE_URL is as the host sees
# it) and an empty database that the script may migrate (it drops nothing: drop it afterwards).
# IMAGE (default stl-platform:verify) names the image, PORT (default 3300) the port the server uses
# on the host, SKIP_BUILD=1 checks an image already built.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${IMAGE:-stl-platform:verify}"
port="${PORT:-3300}"
: "${DATABASE_URL:?set DATABASE_URL to an empty PostgreSQL database the image may migrate}"
name="stl-verify-$$"
failures=0

ok() { printf 'ok    %s\n' "$1"; }
fail() {
  printf 'FAIL  %s\n' "$1"
  failures=$((failures + 1))
}
check() { # check DESCRIPTION COMMAND…: ok when the command succeeds
  local what="$1"
  shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}
random() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
cleanup() { docker rm -f "$name" > /dev/null 2>&1 || true; }
trap cleanup EXIT

# The chart's settings (values.yaml `config`, NODE_ENV=production from its ConfigMap and the image)
# and secrets; SMTP points nowhere, as an empty database sends no mail.
metrics_token="$(random)"
settings=(
  -e "DATABASE_URL=$DATABASE_URL"
  -e "MAIL_LINK_SECRET=$(random)"
  -e "SSO_SECRET_KEY=$(random)"
  -e "METRICS_TOKEN=$metrics_token"
  -e "PORT=$port"
  -e PUBLIC_WEB_URL=https://stl.example.se
  -e TRUST_PROXY=1
  -e LOG_LEVEL=info
  -e MAIL_QUIET_HOURS=21:00-07:00
  -e 'REMINDER_CRON=*/15 * * * *'
  -e MAIL_SHUTDOWN_GRACE_SECONDS=20
  -e SMTP_HOST=127.0.0.1
  -e SMTP_PORT=2525
  -e 'MAIL_FROM=STL-plattformen <no-reply@stl.example.se>'
)
hardened=(--read-only --tmpfs /tmp --network host --cap-drop ALL --security-opt no-new-privileges)

if [ "${SKIP_BUILD:-}" != 1 ]; then
  start=$(date +%s)
  docker build -f "$root/infra/Dockerfile" -t "$image" "$root"
  ok "docker build -f infra/Dockerfile -t $image . ($(($(date +%s) - start)) s)"
fi
size=$(docker image inspect -f '{{.Size}}' "$image")
echo "      image $image: $((size / 1000000)) MB"

# The migration job: `node dist/main.js migrate` applies the migrations and exits 0; run again, it
# finds nothing to do.
migrate() { docker run --rm "${hardened[@]}" "${settings[@]}" "$image" node dist/main.js migrate 2>&1; }
if out="$(migrate)"; then
  ok 'migrate (read-only root, no capabilities): exits 0'
else
  fail 'migrate (read-only root, no capabilities): exits 0'
  printf '%s\n' "$out"
fi
out="$(migrate || true)"
pending_none() { [[ "$out" == *"No migration pending"* && "$out" != *$'\e['* ]]; }
check 'migrate again: "No migration pending", without ANSI colour codes' pending_none

docker run -d --name "$name" "${hardened[@]}" "${settings[@]}" "$image" > /dev/null
check 'runs as uid 1000 (docker exec id -u)' test "$(docker exec "$name" id -u)" = 1000
read_only() { ! docker exec "$name" touch /home/node/x 2> /dev/null && docker exec "$name" touch /tmp/x; }
check 'root filesystem read-only (not even /home/node is writable), /tmp writable' read_only

live=0
for _ in $(seq 1 90); do
  if docker exec "$name" node -e "fetch('http://127.0.0.1:$port/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2> /dev/null; then
    live=1
    break
  fi
  if [ "$(docker inspect -f '{{.State.Running}}' "$name")" != true ]; then break; fi
  sleep 1
done
if [ "$live" != 1 ]; then
  fail "server up within 90 s (logs follow)"
  docker logs --tail 40 "$name" 2>&1
  exit 1
fi
ok 'server up: /health/live answers'

# HTTP checks from inside the container (its own network view, no curl needed on the host).
if ! docker exec -i -e METRICS_TOKEN="$metrics_token" "$name" node - << 'EOF'; then
const base = `http://127.0.0.1:${process.env.PORT}`;
let failed = 0;
const check = (what, pass, detail = '') => {
  console.log(`${pass ? 'ok  ' : 'FAIL'}  ${what}${pass || !detail ? '' : `: ${detail}`}`);
  if (!pass) failed++;
};
const get = (path, headers = {}) => fetch(base + path, { headers, redirect: 'manual' });
const gql = (query) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
(async () => {
  let r = await get('/health/live');
  check('GET /health/live: 200', r.status === 200, r.status);
  r = await get('/health/ready');
  const ready = await r.json();
  check('GET /health/ready: 200, database and queue up', r.status === 200 && ready.database === 'up' && ready.queue === 'up', JSON.stringify(ready));
  r = await get('/');
  const html = await r.text();
  check("GET /: 200, the web app's index.html", r.status === 200 && r.headers.get('content-type').startsWith('text/html') && html.includes('<stl-root'), r.status);
  const main = html.match(/src="(\/main-[^"]+\.js)"/)?.[1];
  r = main ? await get(main, { 'accept-encoding': 'br' }) : undefined;
  check(`GET ${main}: brotli file, cached immutable`, r?.status === 200 && r.headers.get('content-encoding') === 'br' && /immutable/.test(r.headers.get('cache-control')), r && `${r.status} ${r.headers.get('content-encoding')} ${r.headers.get('cache-control')}`);
  r = await get('/a/deep/link');
  check('GET /a/deep/link: index.html (client-side route)', r.status === 200 && (await r.text()) === html, r.status);
  r = await gql('{ __typename }');
  const typename = await r.json();
  check('POST /graphql { __typename }: Query', r.status === 200 && typename.data?.__typename === 'Query', JSON.stringify(typename));
  r = await gql('{ accessibilityReportOrganisations { name } }');
  const orgs = await r.json();
  check('POST /graphql a query that reads the database: answered', r.status === 200 && Array.isArray(orgs.data?.accessibilityReportOrganisations), JSON.stringify(orgs));
  r = await gql('{ __schema { queryType { name } } }');
  check('POST /graphql introspection: refused (production)', r.status === 400, r.status);
  r = await get('/metrics');
  check('GET /metrics without the token: 401', r.status === 401, r.status);
  r = await get('/metrics', { authorization: `Bearer ${process.env.METRICS_TOKEN}` });
  const metrics = await r.text();
  check('GET /metrics with METRICS_TOKEN: 200, stl_ metrics', r.status === 200 && metrics.includes('stl_http_request_duration_seconds'), r.status);
  process.exit(failed ? 1 : 0);
})().catch((err) => {
  console.log(`FAIL  HTTP checks: ${err}`);
  process.exit(1);
});
EOF
  failures=$((failures + 1))
fi

# The image's HEALTHCHECK (first run 15 s after the start).
health=starting
for _ in $(seq 1 60); do
  health="$(docker inspect -f '{{.State.Health.Status}}' "$name")"
  [ "$health" = starting ] || break
  sleep 2
done
check "HEALTHCHECK: healthy (was: $health)" test "$health" = healthy

# SIGTERM: drains and exits 0, well inside the chart's 40 s grace period.
start=$(date +%s)
docker stop -t 40 "$name" > /dev/null
took=$(($(date +%s) - start))
code="$(docker inspect -f '{{.State.ExitCode}}' "$name")"
check "docker stop (SIGTERM): exit code $code after $took s" test "$code" = 0 -a "$took" -le 15

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo 'all checks passed'
