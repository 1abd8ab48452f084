import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { BadInputError, FieldProblemCode } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';

/** @nestjs/graphql's GqlParamtype.ARGS (not exported): a resolver's `@Args()`. */
const GRAPHQL_ARGS = 3;
const CHECKED = new Set<unknown>([GRAPHQL_ARGS, 'body', 'query', 'param']);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** NUL, or a UTF-16 surrogate without its other half. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string PostgreSQL can store and every validator can read: no NUL, no lone UTF-16 surrogate. */
export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/**
 * Global pipe, before validation: refuses every argument that holds a string PostgreSQL cannot
 * store (NUL) or that is not well-formed Unicode (a lone surrogate, which also breaks validators
 * such as isEmail), with BAD_USER_INPUT naming each field (INVALID_CHARACTERS), instead of an
 * internal error from the database or the validator. Other text is left to each field's rules.
 */
@Injectable()
export class StorableTextPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CHECKED.has(metadata.type)) return value;
    const problems: FieldProblem[] = [];
    // Fields of an input object are named as validation names them (`name`, `sections.0.title`);
    // a scalar or list argument by its own name (`body`, `personIds.3`).
    const stack: [string, unknown][] = [[isPlain(value) ? '' : (metadata.data ?? ''), value]];
    while (stack.length) {
      const [path, v] = stack.pop() as [string, unknown];
      const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
      if (typeof v === 'string') {
        if (!isStorableText(v)) {
          const field = path || 'input';
          problems.push({
            field,
            code: FieldProblemCode.InvalidCharacters,
            message: `${field} contains characters that cannot be stored (a NUL character or broken Unicode).`,
          });
        }
      } else if (Array.isArray(v)) {
        v.forEach((item, i) => stack.push([at(i), item]));
      } else if (isPlain(v)) {
        for (const [key, item] of Object.entries(v)) stack.push([at(key), item]);
      }
    }
    if (problems.length)
      throw new BadInputError(problems.map((p) => p.message).join(' '), problems.reverse());
    return value;
  }
}
