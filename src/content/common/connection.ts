import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { BadUserInputError } from '../../lib/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede the first edge (true whenever `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type `<Name>Connection` with its `<Name>Edge`. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `An edge in a ${name} connection.`,
  })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} items.`,
  })
  class ConnectionType {
    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;

    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Validates `first` against the cap; names the argument in the error. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new BadUserInputError('first', `must be between 0 and ${max}, got ${first}`);
  }
  return first;
}

/** Keyset position: the sort value and id of the last item seen, tied to one ordering. */
export interface KeysetCursor {
  readonly order: string;
  readonly value: string | number;
  readonly id: number;
}

export function encodeKeyset(cursor: KeysetCursor): string {
  return encodeCursor([cursor.order, cursor.value, cursor.id]);
}

export function decodeKeyset(
  after: string | null | undefined,
  order: string,
): KeysetCursor | undefined {
  if (after === null || after === undefined) return undefined;
  const decoded = decodeCursor(after);
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    typeof decoded[0] !== 'string' ||
    !['string', 'number'].includes(typeof decoded[1]) ||
    !Number.isSafeInteger(decoded[2])
  ) {
    throw new BadUserInputError('after', 'is not a cursor returned by this API');
  }
  if (decoded[0] !== order) {
    throw new BadUserInputError(
      'after',
      'belongs to a list with another order or type; start again without `after`',
    );
  }
  return { order, value: decoded[1] as string | number, id: decoded[2] as number };
}
