import { ESLint } from 'eslint';
import { resolve } from 'node:path';

/**
 * The lint rule that keeps CohortCommands the only way to change cohort data (ADR 0012), run on
 * code as it would be written in a feature library: it must go red on a transaction or a write of
 * its own, and stay quiet on a command's work and on the allow-listed outbox files.
 */
describe('the cohort command boundary lint rule', () => {
  const root = resolve(__dirname, '../../../..');
  const eslint = new ESLint({ cwd: root });
  const messages = async (path: string, code: string) =>
    (await eslint.lintText(code, { filePath: resolve(root, path) }))[0].messages
      .filter((m) => m.ruleId === 'no-restricted-syntax')
      .map((m) => m.line);

  const sneaky = [
    'export class S {',
    '  constructor(private readonly dataSource: any, private readonly feedback: any) {}',
    '  async a() { await this.dataSource.transaction(async (m: any) => m.delete("F", {})); }',
    '  async b() { await this.feedback.update({ id: 1 }, { x: 1 }); }',
    '  async c() { await this.dataSource.manager.save("F", {}); }',
    '  async d() { await this.dataSource.getRepository("F").delete({}); }',
    '  async e() { await this.dataSource.createQueryRunner(); }',
    '}',
    '',
  ].join('\n');

  it.each(['review', 'analysis', 'cohort', 'notification'])(
    'goes red on transactions and writes of their own in feature-%s',
    async (lib) => {
      expect(await messages(`libs/api/feature-${lib}/src/x/x.service.ts`, sneaky)).toEqual([3, 4, 5, 6, 7]);
    },
    30_000,
  );

  it('lets a command write through the manager it is given', async () => {
    const command = [
      'export class S {',
      '  constructor(private readonly commands: any) {}',
      '  run() {',
      '    return this.commands.run({}, "c", "FEEDBACK", { actor: "member" }, async (m: any) => m.save("F", {}));',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await messages('libs/api/feature-review/src/x/x.service.ts', command)).toEqual([]);
  }, 30_000);

  it('leaves the outbox internals and the boundary itself alone', async () => {
    expect(await messages('libs/api/feature-notification/src/outbox/x.ts', sneaky)).toEqual([]);
    expect(await messages('libs/api/feature-cohort-commands/src/x.ts', sneaky)).toEqual([]);
  }, 30_000);
});
