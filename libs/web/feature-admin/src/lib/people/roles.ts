import type { Role } from '@stl/web/data-access';

export const ROLES: readonly Role[] = ['ADMINISTRATOR', 'COURSE_LEADER', 'TEACHER', 'SCHOOL_LEADER'];

/** A role as words: "Rektor på Ekbackeskolan" for a school leader, else the role's name. */
export interface RoleLabel {
  key: string;
  params: { school?: string };
}

export function roleLabelsOf(
  grants: readonly { role: Role; schoolId: string | null }[],
  schoolNames: ReadonlyMap<string, string>,
): RoleLabel[] {
  return grants.map((g) =>
    g.schoolId
      ? { key: `roles.${g.role}_AT`, params: { school: schoolNames.get(g.schoolId) ?? '?' } }
      : { key: `roles.${g.role}`, params: {} },
  );
}
