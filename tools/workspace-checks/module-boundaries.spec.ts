import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Proves the architecture rules bite: the same ESLint config CI runs reports imports that the
 * projects' tags forbid. Lints text as if it were a file inside each project.
 */
const root = join(__dirname, '../..');

/** Runs the ESLint CLI (as CI does) on text standing in for a file of a project. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/eslint/bin/eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      join(root, file),
    ],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it('forbid the pure domain lib from importing an api lib', async () => {
    const errors = await boundaryErrors(
      'libs/shared/domain/src/probe.ts',
      // util-config, not util-errors: util-errors uses the domain's codes, and such a probe would be
      // reported as a circular dependency before the tags are checked.
      `import { loadConfig } from '@stl/api/util-config';\nexport const x = loadConfig;\n`,
    );
    expect(errors.join('\n')).toMatch(/scope:shared|type:domain/);
  });

  it('forbid the pure domain lib from importing a framework', async () => {
    const errors = await boundaryErrors(
      'libs/shared/domain/src/probe.ts',
      `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`,
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbid a util lib from importing a data-access lib', async () => {
    const errors = await boundaryErrors(
      'libs/api/util-config/src/probe.ts',
      `import { ENTITIES } from '@stl/api/data-access-db';\nexport const x = ENTITIES;\n`,
    );
    expect(errors.join('\n')).toMatch(/type:util/);
  });

  it('allow a feature lib to use data-access, util and domain libs', async () => {
    const errors = await boundaryErrors(
      'libs/api/feature-cohort/src/probe.ts',
      `import { ENTITIES } from '@stl/api/data-access-db';\nimport { BadInputError } from '@stl/api/util-errors';\nexport const x = [ENTITIES, BadInputError];\n`,
    );
    expect(errors).toEqual([]);
  });
});
