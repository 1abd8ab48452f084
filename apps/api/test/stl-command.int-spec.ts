import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createScratchDatabase, testServerUrl } from '@stl/api/data-access-db';
import { loadConfig } from '@stl/api/util-config';
import { createApp } from '../src/app/create-app';
import { GqlClient } from './support/gql-client';

const ROOT = join(__dirname, '../../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run stl -- …` as an operator would on a server: a process of its own on DATABASE_URL. */
function stl(databaseUrl: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/scripts/stl.ts', ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        DATABASE_URL: databaseUrl,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('npm run stl (the operators’ command line)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Client;

  beforeAll(async () => {
    // A fresh, empty database: the command migrates it itself.
    scratch = await createScratchDatabase(testServerUrl());
    db = new Client({ connectionString: scratch.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await scratch?.drop();
  });

  it('migrates an empty database and creates an organisation with its first administrator', async () => {
    const r = await stl(scratch.url, [
      'org:create',
      '--name',
      'Östra Göinge kommun',
      '--admin-name',
      'Greta Ek',
      '--admin-email',
      'Greta.Ek@Goinge.example',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Applied migrations: Initial\d+/);
    expect(r.stdout).toContain('Created organisation "Östra Göinge kommun" (short name ostra-goinge-kommun');
    expect(r.stdout).toContain('Administrator: Greta Ek <greta.ek@goinge.example> (invited;');
    // The invitation mail waits in the outbox for the API's workers.
    const mail = await db.query(
      `SELECT m.kind, m.to_address FROM outbox_message m WHERE m.kind = 'INVITATION'`,
    );
    expect(mail.rows).toEqual([{ kind: 'INVITATION', to_address: 'greta.ek@goinge.example' }]);
    const { rows } = await db.query(
      `SELECT o.slug, p.email, p.password_hash, g.role FROM organisation o
         JOIN person p ON p.organisation_id = o.id JOIN role_grant g ON g.person_id = p.id`,
    );
    expect(rows).toEqual([
      {
        slug: 'ostra-goinge-kommun',
        email: 'greta.ek@goinge.example',
        password_hash: null,
        role: 'ADMINISTRATOR',
      },
    ]);
  });

  it('lists organisations, without migrating again', async () => {
    const r = await stl(scratch.url, ['org:list']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Applied migrations');
    expect(r.stdout).toContain('ostra-goinge-kommun\tÖstra Göinge kommun\t0 schools, 1 people, 0 cohorts');
    expect(r.stdout).toContain('administrator Greta Ek <greta.ek@goinge.example> (invited)');
  });

  it('refuses a taken short name, a bad address and an unknown command with a non-zero status', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM person`)).rows[0].n;
    const taken = await stl(scratch.url, [
      'org:create',
      '--name',
      'Östra Göinge kommun',
      '--admin-name',
      'Nils',
      '--admin-email',
      'nils@goinge.example',
    ]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('Refused (CONFLICT)');
    expect(taken.stderr).toContain('slug: SLUG_TAKEN');
    const bad = await stl(scratch.url, [
      'org:create',
      '--name',
      'Norrby',
      '--admin-name',
      'N',
      '--admin-email',
      'nope',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('adminEmail: EMAIL_INVALID');
    const missing = await stl(scratch.url, ['org:create', '--name', 'Norrby']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--admin-name is required.');
    const unknown = await stl(scratch.url, ['org:delete']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "org:delete"');
    expect((await db.query(`SELECT count(*)::int AS n FROM person`)).rows[0].n).toBe(before);
  });

  it('makes a platform operator with a single-use link that lets them choose a password and sign in', async () => {
    const r = await stl(scratch.url, ['operator:add', '--name', 'Bo Drift', '--email', 'bo@drift.example']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Platform operator Bo Drift <bo@drift.example> added (invited).');
    const url = /^(http\S+\/invitation#\S+)$/m.exec(r.stdout)?.[1];
    expect(url).toBeDefined();
    const token = decodeURIComponent(new URL(url as string).hash.slice(1));
    // The API on the same database accepts the link, as the web app's accept page does.
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      WEB_DIST_DIR: 'tmp/no-web-app',
      WORKER_ENABLED: 'false',
      REMINDER_CRON: 'off',
    });
    const app = await createApp(config, scratch.url);
    await app.listen(0, '127.0.0.1');
    try {
      const browser = new GqlClient(`${await app.getUrl()}`.replace('[::1]', '127.0.0.1'));
      const { invitationPreview } = await browser.ok(
        `query($t: String!) { invitationPreview(token: $t) { firstName organisationName } }`,
        { t: token },
      );
      expect(invitationPreview).toEqual({
        firstName: 'Bo',
        organisationName: 'STL – Skriva sig till lärande',
      });
      await browser.ok(
        `mutation($input: SetPasswordWithLinkInput!) { acceptInvitation(input: $input) { email } }`,
        {
          input: { token, newPassword: 'a-lighthouse-in-the-fog' },
        },
      );
      // A forgotten password: no mail for operators; the command prints a new link, the old one is gone.
      const again = await stl(scratch.url, ['operator:link', '--email', 'BO@drift.example']);
      expect(again.code).toBe(0);
      const next = /^(http\S+\/invitation#\S+)$/m.exec(again.stdout)?.[1] as string;
      expect(next).not.toBe(url);
      const unknown = await stl(scratch.url, ['operator:link', '--email', 'greta.ek@goinge.example']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('Refused (NOT_FOUND)');
      const { me } = await browser.ok(`{ me { platformOperator organisation { id } } }`);
      expect(me).toEqual({ platformOperator: true, organisation: null });
      expect(
        (await browser.ok(`{ platformOrganisations { organisation { slug } } }`)).platformOrganisations,
      ).toEqual([{ organisation: { slug: 'ostra-goinge-kommun' } }]);
    } finally {
      await app.close();
    }
  });

  it('makes a platform operator, with a password from standard input that follows the rule', async () => {
    const weak = await stl(
      scratch.url,
      ['operator:add', '--name', 'Alex', '--email', 'alex@drift.example', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: PASSWORD_TOO_SHORT');
    const r = await stl(
      scratch.url,
      ['operator:add', '--name', 'Alex Holmberg', '--email', 'alex@drift.example', '--password-stdin'],
      'lingonberry-harbour-quietly\n',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Platform operator Alex Holmberg <alex@drift.example> added (active).');
    const { rows } = await db.query(
      `SELECT organisation_id, platform_operator, password_hash LIKE '$argon2id$%' AS hashed FROM person WHERE email = 'alex@drift.example'`,
    );
    expect(rows).toEqual([{ organisation_id: null, platform_operator: true, hashed: true }]);
    const list = await stl(scratch.url, ['operator:list']);
    expect(list.stdout).toBe(
      'Alex Holmberg <alex@drift.example> (active)\nBo Drift <bo@drift.example> (active)\n',
    );
    // An organisation's administrator cannot also become an operator.
    const clash = await stl(scratch.url, [
      'operator:add',
      '--name',
      'Greta',
      '--email',
      'greta.ek@goinge.example',
    ]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('email: EMAIL_TAKEN');
  });
});
