import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../content/common/connection';

/** Assumed length of a list without a `first` argument (tags, sources, relations). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Static cost of an operation: every object a field fetches costs 1, multiplied by the size of
 * the lists around it. A connection's size is its `first` argument (capped like the resolvers
 * cap it; too large a value is their BAD_USER_INPUT), other lists count ASSUMED_LIST_SIZE.
 * Leaves are free, and so is introspection (bounded by graphql-js's own rule).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();

  const costOf = (
    set: SelectionSetNode | undefined,
    parent: GraphQLCompositeType | undefined,
    pageSize?: number,
  ): number => {
    let total = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        total += costOf(selection.selectionSet, isCompositeType(type) ? type : undefined, pageSize);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${selection.name.value}:${pageSize ?? ''}`;
        if (!memo.has(key)) {
          memo.set(key, 0);
          const fragment = fragments.get(selection.name.value);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          memo.set(
            key,
            costOf(fragment?.selectionSet, isCompositeType(type) ? type : undefined, pageSize),
          );
        }
        total += memo.get(key) ?? 0;
      } else {
        if (selection.name.value.startsWith('__')) continue;
        const field =
          isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[selection.name.value]
            : undefined;
        const named = field && getNamedType(field.type);
        if (!field || !isCompositeType(named)) continue;
        if (field.args.some((arg) => arg.name === 'first')) {
          let first: unknown;
          try {
            first = getArgumentValues(field, selection, variables).first;
          } catch {
            first = undefined;
          }
          const size =
            typeof first === 'number'
              ? Math.max(0, Math.min(first, MAX_PAGE_SIZE))
              : DEFAULT_PAGE_SIZE;
          total += 1 + costOf(selection.selectionSet, named, size);
        } else if (isListType(getNullableType(field.type))) {
          const size =
            selection.name.value === 'edges' && pageSize !== undefined
              ? pageSize
              : ASSUMED_LIST_SIZE;
          total += size * (1 + costOf(selection.selectionSet, named));
        } else {
          total += 1 + costOf(selection.selectionSet, named);
        }
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  return costOf(operation.selectionSet, root ?? undefined);
}
