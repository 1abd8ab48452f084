/** How many analysis rounds are written in each template version (a version in use never changes). */
export function roundsPerVersion(
  cohorts: readonly { rounds: readonly { templateVersionId: string }[] }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cohorts)
    for (const r of c.rounds) counts.set(r.templateVersionId, (counts.get(r.templateVersionId) ?? 0) + 1);
  return counts;
}
