import type { FieldProblem } from '@stl/api/util-errors';

/**
 * Section keys name answers within a version, so each must be unique. Compared case-insensitively:
 * "Goals" and "goals" would confuse anyone reading exported answers.
 */
export function sectionKeyProblems(
  sections: readonly { key: string }[],
  prefix = 'sections',
): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  sections.forEach((s, i) => {
    const key = s.key.toLowerCase();
    if (seen.has(key)) {
      problems.push({
        field: `${prefix}.${i}.key`,
        code: 'DUPLICATE_KEY',
        message: `Section key "${s.key}" is used more than once; each section needs its own key.`,
      });
    }
    seen.add(key);
  });
  return problems;
}
