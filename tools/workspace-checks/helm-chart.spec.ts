import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The Helm chart as a cluster would first see it (issue 13): `helm lint --strict`, and `helm
 * template` of a managed-PostgreSQL and a CloudNativePG installation with every rendered object
 * validated against the Kubernetes schema of its kind and the chart's promises checked
 * (tools/scripts/check-helm-chart.mjs, with the real Helm binary from tools/scripts/helm.mjs).
 */
const root = join(__dirname, '../..');

describe('the Helm chart', () => {
  it('lints, renders two installations that validate, and refuses incomplete ones', () => {
    const run = spawnSync(process.execPath, [join(root, 'tools/scripts/check-helm-chart.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    });
    const report = `${run.stdout}\n${run.stderr}`;
    expect({ status: run.status, report }).toEqual({ status: 0, report: expect.any(String) });
    expect(run.stdout.split('\n').filter((l) => l.startsWith('ok - '))).toHaveLength(6);
    expect(run.stdout).toContain(
      '12 objects rendered, 9 valid against the Kubernetes schema, 3 CloudNativePG objects',
    );
  }, 300_000);
});
