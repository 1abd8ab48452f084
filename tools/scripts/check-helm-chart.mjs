#!/usr/bin/env node
/**
 * Checks the Helm chart (infra/helm/stl) the way a cluster would first see it:
 *
 *   node tools/scripts/check-helm-chart.mjs
 *
 * 1. `helm lint --strict` with the values an installation must give.
 * 2. `helm template` of two installations — a managed PostgreSQL, and CloudNativePG with continuous
 *    backup and the PgBouncer pooler — each rendered object validated against the Kubernetes JSON
 *    schema of its kind (the `kubernetes-models` package: required fields and types; the
 *    CloudNativePG kinds, which it has no schema for, are checked for the fields the operator needs),
 *    and the chart's promises checked: replicas and disruption budgets, non-root and read-only
 *    containers, probes on /health/live and /health/ready, resources, the migration hook, the
 *    workers' settings, TLS on the ingress, and, behind the pooler, MIGRATE_ON_START=false and
 *    WORKER_LISTEN=false in the pods while the migration job connects directly.
 * 3. `helm template` refuses an installation without MAIL_LINK_SECRET or without a database.
 *
 * Helm itself comes from tools/scripts/helm.mjs. Prints one line per check; exits 1 on the first
 * failure. Run by `npm test` (tools/workspace-checks/helm-chart.spec.ts).
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as coreV1 from 'kubernetes-models/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import { helm } from './helm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const chart = join(root, 'infra/helm/stl');
const SECRET = 'a-mail-link-secret-of-forty-characters-x';

/** Kubernetes kinds with a JSON schema in kubernetes-models, by apiVersion and kind. */
const MODELS = {
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  v1: coreV1,
  'networking.k8s.io/v1': networkingV1,
  'policy/v1': policyV1,
};

const INSTALLS = {
  'managed PostgreSQL': [
    '--set',
    'database.existingSecret=stl-db',
    '--set-string',
    `secrets.values.MAIL_LINK_SECRET=${SECRET}`,
  ],
  'CloudNativePG with backup and PgBouncer': [
    '--set',
    'cloudnativepg.enabled=true',
    '--set',
    'cloudnativepg.backup.enabled=true',
    '--set',
    'cloudnativepg.pooler.enabled=true',
    '--set-string',
    `secrets.values.MAIL_LINK_SECRET=${SECRET}`,
  ],
};

const ok = (line) => console.log(`ok - ${line}`);

function render(args) {
  const out = helm(['template', 'larkby', chart, '--namespace', 'stl', ...args]);
  const docs = parseAllDocuments(out).map((d) => {
    if (d.errors.length > 0) throw new Error(`rendered YAML does not parse: ${d.errors[0].message}`);
    return d.toJS();
  });
  return docs.filter((d) => d !== null);
}

function validate(doc) {
  const where = `${doc.kind} ${doc.metadata?.name}`;
  assert.ok(doc.apiVersion && doc.kind && doc.metadata?.name, `${where}: apiVersion, kind and name`);
  const Model = MODELS[doc.apiVersion]?.[doc.kind];
  if (Model) {
    new Model(doc).validate();
    return 'schema';
  }
  assert.equal(doc.apiVersion, 'postgresql.cnpg.io/v1', `${where}: no schema for ${doc.apiVersion}`);
  assert.ok(doc.spec && typeof doc.spec === 'object', `${where}: a spec`);
  if (doc.kind === 'Cluster')
    assert.ok(doc.spec.instances >= 1 && doc.spec.storage?.size, `${where}: instances, storage`);
  if (doc.kind === 'Pooler') {
    assert.equal(doc.spec.type, 'rw', `${where}: pools the primary`);
    assert.equal(doc.spec.pgbouncer?.poolMode, 'transaction', `${where}: transaction mode`);
    assert.ok(doc.spec.cluster?.name, `${where}: names its cluster`);
  }
  if (doc.kind === 'ScheduledBackup')
    assert.ok(doc.spec.schedule && doc.spec.cluster?.name, `${where}: schedule`);
  return 'shape';
}

const byKind = (docs, kind) => docs.filter((d) => d.kind === kind);
const envOf = (container) =>
  Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));

const component = (d) => d.metadata.labels?.['app.kubernetes.io/component'];

function checkWorkloads(docs, pooled) {
  const deployments = byKind(docs, 'Deployment');
  assert.deepEqual(deployments.map(component).sort(), ['api', 'worker'], 'an API and a worker deployment');
  for (const d of deployments) {
    const which = component(d);
    const pod = d.spec.template.spec;
    const [c] = pod.containers;
    const env = envOf(c);
    assert.equal(pod.securityContext?.runAsNonRoot, true, `${which}: runs as non-root`);
    assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${which}: read-only root filesystem`);
    assert.deepEqual(c.securityContext?.capabilities?.drop, ['ALL'], `${which}: no capabilities`);
    assert.equal(c.readinessProbe?.httpGet?.path, '/health/ready', `${which}: readiness`);
    assert.equal(c.livenessProbe?.httpGet?.path, '/health/live', `${which}: liveness`);
    assert.ok(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${which}: resource requests`);
    assert.equal(env.WORKER_ENABLED, which === 'worker' ? 'true' : 'false', `${which}: WORKER_ENABLED`);
    assert.equal(env.MIGRATE_ON_START, pooled ? 'false' : undefined, `${which}: MIGRATE_ON_START`);
    assert.equal(env.WORKER_LISTEN, pooled ? 'false' : undefined, `${which}: WORKER_LISTEN`);
    assert.ok(
      pod.volumes?.some((v) => v.emptyDir),
      `${which}: a writable /tmp`,
    );
    if (pooled) assert.match(String(env.DATABASE_URL), /-pooler-rw:5432\//, `${which}: through the pooler`);
  }
  const api = deployments.find((d) => component(d) === 'api');
  assert.ok(api.spec.replicas >= 2, 'the API runs several replicas');
  const budgets = byKind(docs, 'PodDisruptionBudget').map(
    (b) => b.spec.selector.matchLabels['app.kubernetes.io/component'],
  );
  assert.deepEqual(
    budgets.sort(),
    ['api', 'worker'],
    'a disruption budget for the API and one for the workers',
  );
  const [job] = byKind(docs, 'Job');
  assert.match(job.metadata.annotations['helm.sh/hook'], /pre-upgrade/, 'migrations run before an upgrade');
  assert.deepEqual(
    job.spec.template.spec.containers[0].args,
    ['node', 'dist/main.js', 'migrate'],
    'the job migrates',
  );
  const [ingress] = byKind(docs, 'Ingress');
  assert.ok(ingress.spec.tls?.[0]?.secretName, 'the ingress has TLS');
  return { api, job };
}

function main() {
  helm(['lint', chart, '--strict', ...INSTALLS['managed PostgreSQL']]);
  ok('helm lint --strict');

  for (const [name, args] of Object.entries(INSTALLS)) {
    const docs = render(args);
    const counts = { schema: 0, shape: 0 };
    for (const doc of docs) counts[validate(doc)] += 1;
    ok(
      `${name}: ${docs.length} objects rendered, ${counts.schema} valid against the Kubernetes schema, ${counts.shape} CloudNativePG objects checked`,
    );
    const pooled = name.includes('PgBouncer');
    const { job } = checkWorkloads(docs, pooled);
    if (pooled) {
      assert.deepEqual(byKind(docs, 'Cluster').length, 1, 'a CloudNativePG cluster');
      assert.deepEqual(byKind(docs, 'Pooler').length, 1, 'a PgBouncer pooler');
      assert.deepEqual(byKind(docs, 'ScheduledBackup').length, 1, 'a nightly backup');
      const [cluster] = byKind(docs, 'Cluster');
      assert.ok(
        cluster.spec.backup?.barmanObjectStore?.destinationPath,
        'continuous backup to object storage',
      );
      const dbUrl = envOf(job.spec.template.spec.containers[0]).DATABASE_URL;
      assert.equal(
        dbUrl?.secretKeyRef?.name,
        `${cluster.metadata.name}-app`,
        'the migration job connects to the cluster directly',
      );
    }
    ok(
      `${name}: replicas, disruption budgets, security contexts, probes, resources, migration hook, TLS${pooled ? ', pooler settings' : ''}`,
    );
  }

  assert.throws(() => render(['--set', 'database.existingSecret=stl-db']), /MAIL_LINK_SECRET/);
  assert.throws(
    () => render(['--set-string', `secrets.values.MAIL_LINK_SECRET=${SECRET}`]),
    /database\.existingSecret/,
  );
  ok('refuses an installation without MAIL_LINK_SECRET or without a database');
}

main();
