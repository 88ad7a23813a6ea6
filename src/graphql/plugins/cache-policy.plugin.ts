import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
  inheritMaxAge?: boolean;
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  const hint: Hint = {};
  for (const arg of directive?.arguments ?? []) {
    if (arg.name.value === 'maxAge' && arg.value.kind === Kind.INT)
      hint.maxAge = Number(arg.value.value);
    if (arg.name.value === 'scope' && arg.value.kind === Kind.ENUM)
      hint.scope = arg.value.value === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC';
    if (arg.name.value === 'inheritMaxAge' && arg.value.kind === Kind.BOOLEAN)
      hint.inheritMaxAge = arg.value.value;
  }
  return hint;
}

/**
 * The Cache-Control of an operation from the schema's `@cacheControl` hints, by the rules of
 * Apollo's cache-control plugin: a field's own hint, else its type's; object fields and root
 * fields without one get the default; the response gets the lowest maxAge, and PRIVATE if
 * any field is. Worked out from the document, so it is the same for every request of it.
 */
export function operationCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  defaultMaxAge: number,
): string {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let maxAge: number | undefined;
  let scope: 'PUBLIC' | 'PRIVATE' = 'PUBLIC';
  const seen = new Set<string>();

  const walk = (
    set: SelectionSetNode | undefined,
    parent: GraphQLCompositeType | undefined,
    root: boolean,
  ) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const name = selection.typeCondition?.name.value;
        const type = name ? schema.getType(name) : parent;
        walk(selection.selectionSet, isCompositeType(type) ? type : undefined, root);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        const type = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, isCompositeType(type) ? type : undefined, root);
        continue;
      }
      if (selection.name.value.startsWith('__')) continue;
      const field =
        isObjectType(parent) || isInterfaceType(parent)
          ? parent.getFields()[selection.name.value]
          : undefined;
      if (!field) continue;
      const target = getNamedType(field.type);
      const composite = isCompositeType(target);
      const own = hintOf(field.astNode?.directives);
      const hint: Hint = { ...(composite ? hintOf(target.astNode?.directives) : {}) };
      if (own.inheritMaxAge && hint.maxAge === undefined) hint.inheritMaxAge = true;
      else Object.assign(hint, own);
      if (own.scope) hint.scope = own.scope;
      const age =
        hint.maxAge ?? ((composite && !hint.inheritMaxAge) || root ? defaultMaxAge : undefined);
      if (age !== undefined) maxAge = maxAge === undefined ? age : Math.min(maxAge, age);
      if (hint.scope === 'PRIVATE') scope = 'PRIVATE';
      if (composite) walk(selection.selectionSet, target, false);
    }
  };
  walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, true);
  return maxAge ? `max-age=${maxAge}, ${scope.toLowerCase()}` : 'no-store';
}

/**
 * Sets Cache-Control on every response: from the operation's policy (worked out once per
 * document, which Apollo keeps parsed) or `no-store` when the response carries errors.
 */
export function cachePolicyPlugin<T extends object>(defaultMaxAge: number): ApolloServerPlugin<T> {
  const policies = new WeakMap<DocumentNode, Map<OperationDefinitionNode, string>>();
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ schema, document, operation, response }) {
          let header = 'no-store';
          if (
            response.body.kind === 'single' &&
            !response.body.singleResult.errors &&
            document &&
            operation
          ) {
            const known = policies.get(document) ?? new Map<OperationDefinitionNode, string>();
            policies.set(document, known);
            header =
              known.get(operation) ??
              operationCachePolicy(schema, document, operation, defaultMaxAge);
            known.set(operation, header);
          }
          response.http.headers.set('cache-control', header);
          return Promise.resolve();
        },
      });
    },
  };
}
