import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { ERROR_CODES, FIELD_PROBLEM_CODES } from '@stl/shared/domain';
import { createScratchDatabase, runMigrations, testServerUrl } from '@stl/api/data-access-db';
import { printApiSchema, SCHEMA_FILE } from '../src/app/schema-sdl';

/**
 * The web app's typed operations are generated from apps/api/schema.graphql, so the committed file
 * must be the schema the API really serves.
 */
describe('committed GraphQL schema', () => {
  it('matches the schema the API builds (else run tools/scripts/web-codegen.ts)', async () => {
    const scratch = await createScratchDatabase(testServerUrl());
    try {
      await runMigrations(scratch.url);
      const printed = await printApiSchema(scratch.url);
      expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
    } finally {
      await scratch.drop();
    }
  });

  it('lists every error code and field-problem code as a described enum (ADR 0016)', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    for (const [name, codes] of [
      ['ErrorCode', ERROR_CODES],
      ['FieldProblemCode', FIELD_PROBLEM_CODES],
    ] as const) {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
      expect(
        type
          .getValues()
          .map((v) => v.name)
          .sort(),
      ).toEqual([...codes].sort());
      expect(type.getValues().filter((v) => !v.description)).toEqual([]);
    }
  });

  it('describes every type, field, argument, input field and enum value (a public contract)', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) undescribed.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});
