import type { FieldProblemCode } from '@stl/shared/domain';
import type { FieldProblem } from '@stl/api/util-errors';

/** Keeps the fields a client reads (field, code, message) from the domain's richer problem objects. */
export function toFieldProblems(
  problems: readonly { field: string; code: FieldProblemCode; message: string }[],
  prefix = '',
): FieldProblem[] {
  return problems.map((p) => ({
    field: prefix ? `${prefix}.${p.field}` : p.field,
    code: p.code,
    message: p.message,
  }));
}

/**
 * The fields of a partial update that were given. Input classes may carry declared-but-absent
 * fields as own properties set to undefined; those must not overwrite stored values.
 */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
