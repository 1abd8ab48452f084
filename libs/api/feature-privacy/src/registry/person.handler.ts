import { PersonEntity } from '@stl/api/data-access-db';
import { ACCOUNT_MAIL_SCOPE, accountKey } from '@stl/api/feature-auth';
import type { ErasureContext, ExportContext } from './person-data';

/** The placeholder that stands in for an erased person: stable, short, and naming nobody. */
export function placeholderOf(personId: string): { fullName: string; email: string; shortId: string } {
  const shortId = personId.replace(/-/g, '').slice(0, 8);
  return {
    shortId,
    fullName: `Borttagen person ${shortId}`,
    // `.invalid` is reserved (RFC 2606): the address can never reach anyone.
    email: `borttagen-${personId}@erased.invalid`,
  };
}

export function isPlaceholder(person: Pick<PersonEntity, 'email'>): boolean {
  return person.email.endsWith('@erased.invalid');
}

/** The person row itself: the profile in the export; anonymised into the placeholder at erasure. */
export const personRow = {
  exported: 'Name, e-mail, organisation, school, language, active, account created.',
  erased:
    'Anonymised: the placeholder name and an address that reaches nobody; no password, inactive. Its id stays, so every kept row still points at it.',
  async export({ m, person }: ExportContext): Promise<Record<string, unknown>> {
    const row = await m.findOneOrFail(PersonEntity, {
      where: { id: person.id },
      relations: { organisation: true, school: true },
    });
    return {
      person: {
        id: row.id,
        fullName: row.fullName,
        email: row.email,
        organisation: row.organisation?.name ?? null,
        school: row.school?.name ?? null,
        language: row.locale,
        active: row.active,
        accountCreatedAt: row.createdAt,
      },
    };
  },
  async erase({ m, person, placeholder }: ErasureContext): Promise<Record<string, number>> {
    await m.update(
      PersonEntity,
      { id: person.id },
      { fullName: placeholder.fullName, email: placeholder.email, passwordHash: null, active: false },
    );
    // The sign-in attempt count is keyed by the digest of the address (ADR 0004): not a reference,
    // but it is theirs.
    await m.query(`DELETE FROM login_throttle WHERE key = ANY($1::text[])`, [
      [accountKey(person.email), accountKey(person.email, ACCOUNT_MAIL_SCOPE)],
    ]);
    return { person: 1 };
  },
};
