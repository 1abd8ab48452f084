import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadInputError } from '@stl/api/util-errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Forward pagination: `first` items after the opaque `after` cursor. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1–${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ObjectType({ description: 'Where a page ends and whether another follows.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Opaque cursor of the last item; pass it as `after` to get the next page. Null on an empty page.',
  })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Makes the GraphQL type `<Name>Page { nodes, pageInfo, totalCount }` for a node type. */
export function Paginated<T>(classRef: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(`${name}Page`, {
    description: `One page of ${name} items, in the list's stable order; visible to whoever may run the query that returns it.`,
  })
  class PageType implements Page<T> {
    @Field(() => [classRef], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether another follows.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, over all pages.' })
    totalCount!: number;
  }
  return PageType;
}

/**
 * Cursors are offsets wrapped in base64url: simple and stable for lists ordered by a unique key.
 * (Keyset cursors can replace them behind the same opaque string when lists grow large.)
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const raw = Buffer.from(cursor, 'base64url').toString();
  const m = /^o:(\d{1,9})$/.exec(raw);
  if (!m)
    throw new BadInputError('That page cursor is not valid.', [
      { field: 'after', code: 'INVALID_CURSOR', message: 'That page cursor is not valid.' },
    ]);
  return Number(m[1]);
}

/** Runs a page query: `fetch(skip, take)` returns rows and the total count. */
export async function paginate<T>(
  args: PageArgs,
  fetch: (skip: number, take: number) => Promise<[T[], number]>,
): Promise<Page<T>> {
  const skip = decodeCursor(args.after);
  const [nodes, totalCount] = await fetch(skip, args.first);
  const end = skip + nodes.length;
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: end < totalCount,
      endCursor: nodes.length ? encodeCursor(end) : (args.after ?? null),
    },
  };
}
