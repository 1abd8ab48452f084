import { registerEnumType } from '@nestjs/graphql';
import {
  ERROR_CODE_DESCRIPTIONS,
  ERROR_CODES,
  FIELD_PROBLEM_CODES,
  FIELD_PROBLEM_DESCRIPTIONS,
} from '@stl/shared/domain';
import type { ErrorCode, FieldProblemCode } from '@stl/shared/domain';

function asEnum<C extends string>(codes: readonly C[]): { [K in C]: K } {
  return Object.fromEntries(codes.map((c) => [c, c])) as { [K in C]: K };
}

function described<C extends string>(codes: readonly C[], descriptions: Record<C, string>) {
  return Object.fromEntries(codes.map((c) => [c, { description: descriptions[c] }])) as {
    [K in C]: { description: string };
  };
}

/**
 * The closed list of error codes (libs/shared/domain, ADR 0016) as the GraphQL enum `ErrorCode`.
 * No field returns it: errors carry the code in `extensions.code`. It is in the schema so that
 * integrators read every code with its meaning, and the web app gets its type by codegen.
 */
export const ErrorCodeEnum = asEnum<ErrorCode>(ERROR_CODES);
registerEnumType(ErrorCodeEnum, {
  name: 'ErrorCode',
  description:
    'Every value an error may carry in `extensions.code`. A code is never renamed or removed; new ones may be added.',
  valuesMap: described(ERROR_CODES, ERROR_CODE_DESCRIPTIONS),
});

/** The closed list of field-problem codes as the GraphQL enum `FieldProblemCode` (as above). */
export const FieldProblemCodeEnum = asEnum<FieldProblemCode>(FIELD_PROBLEM_CODES);
registerEnumType(FieldProblemCodeEnum, {
  name: 'FieldProblemCode',
  description:
    'Every value `extensions.problems[].code` may carry: why one input field was refused. Lower-case values are the names of input-validation constraints. A code is never renamed or removed; new ones may be added.',
  valuesMap: described(FIELD_PROBLEM_CODES, FIELD_PROBLEM_DESCRIPTIONS),
});

/** Enums no field references, so they are added to the schema by name (`buildSchemaOptions.orphanedTypes`). */
export const CODE_ENUMS: object[] = [ErrorCodeEnum, FieldProblemCodeEnum];
