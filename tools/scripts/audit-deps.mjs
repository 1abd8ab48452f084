#!/usr/bin/env node
/**
 * `npm run audit:deps`: the known vulnerabilities of the installed dependencies, from the lock file.
 *
 * 1. Asks the registry's advisory service (`npm audit --json`) and prints each advisory by
 *    severity, production dependencies first. Exit code 1 when a production dependency has a high
 *    or critical advisory, else 0.
 * 2. Where the advisory service does not answer (some mirrors and proxies refuse it), says so and
 *    falls back to what the registry's package documents tell: every direct dependency whose
 *    installed version its authors have marked deprecated (often the sign of a known flaw). Exit
 *    code 2 then, so a pipeline can tell "not checked" from "clean".
 *
 * Policy for acting on it: docs/dependencies.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'];

function npmAudit(omitDev) {
  const args = ['audit', '--json', ...(omitDev ? ['--omit=dev'] : [])];
  const run = spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const report = JSON.parse(run.stdout);
    // npm passes the service's refusal through as JSON (e.g. 405 from a registry without the service).
    if (report.error || !report.metadata) {
      return { error: report.message || report.error?.summary || report.error?.code || 'no report' };
    }
    return { report };
  } catch {
    return { error: (run.stderr || run.stdout || 'no answer').trim().split('\n').slice(-3).join(' ') };
  }
}

function printAdvisories(title, report) {
  const vulnerabilities = Object.values(report.vulnerabilities ?? {});
  const counts = report.metadata?.vulnerabilities ?? {};
  console.log(`\n${title}: ${SEVERITIES.map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}`);
  vulnerabilities
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
    .forEach((v) => {
      const via = v.via
        .filter((x) => typeof x === 'object')
        .map((x) => `${x.title} (${x.url})`)
        .join('; ');
      const fix =
        v.fixAvailable === true
          ? 'fix: npm audit fix'
          : v.fixAvailable
            ? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}`
            : 'no fix yet';
      console.log(
        `  ${v.severity.padEnd(8)} ${v.name} ${v.range}${via ? ` – ${via}` : ` – through ${v.via.join(', ')}`} [${fix}]`,
      );
    });
  return (counts.high ?? 0) + (counts.critical ?? 0);
}

async function deprecatedDirectDependencies() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' })
    .trim()
    .replace(/\/$/, '');
  const found = [];
  let unreachable = 0;
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const version = lock.packages?.[`node_modules/${name}`]?.version;
        if (!version) continue;
        try {
          const res = await fetch(`${registry}/${name.replace('/', '%2f')}/${version}`);
          if (!res.ok) {
            unreachable++;
            continue;
          }
          const doc = await res.json();
          if (doc.deprecated) found.push({ name, version, message: doc.deprecated });
        } catch {
          unreachable++;
        }
      }
    }),
  );
  return { found, checked: names.length - unreachable, unreachable };
}

const production = npmAudit(true);
if (!production.error) {
  const blocking = printAdvisories('Production dependencies', production.report);
  const all = npmAudit(false);
  if (!all.error) printAdvisories('All dependencies (including build and test tools)', all.report);
  process.exitCode = blocking > 0 ? 1 : 0;
} else {
  console.log(`The registry's advisory service did not answer: ${production.error}`);
  console.log('Falling back to the deprecation marks of the installed versions of direct dependencies.');
  const { found, checked, unreachable } = await deprecatedDirectDependencies();
  console.log(
    `Checked ${checked} direct dependencies${unreachable ? ` (${unreachable} could not be read)` : ''}.`,
  );
  if (found.length === 0) console.log('None of the installed versions is marked deprecated.');
  for (const d of found) console.log(`  deprecated ${d.name}@${d.version}: ${d.message}`);
  console.log('Vulnerabilities were NOT checked: run again where the advisory service answers.');
  process.exitCode = 2;
}
