import {
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode, LimitError } from '../errors';

/**
 * Static limits checked during validation, so a validated document is cached with its verdict.
 * Introspection fields (`__schema`, `__type`) are left to graphql-js's own
 * MaxIntrospectionDepthRule, so GraphiQL's introspection query passes.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    // Memoised per fragment: a fragment spread many times is measured once (no blow-up), and a
    // fragment cycle (reported by another rule) counts as depth 0 instead of recursing forever.
    const fragmentDepth = new Map<string, number>();
    const depthOf = (set: SelectionSetNode | undefined): number => {
      let deepest = 0;
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          if (selection.selectionSet) {
            deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          const name = selection.name.value;
          if (!fragmentDepth.has(name)) {
            fragmentDepth.set(name, 0);
            fragmentDepth.set(name, depthOf(context.getFragment(name)?.selectionSet));
          }
          deepest = Math.max(deepest, fragmentDepth.get(name) ?? 0);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new LimitError(
              ErrorCode.QUERY_TOO_DEEP,
              `Query is nested ${depth} levels deep; at most ${maxDepth} are allowed.`,
              maxDepth,
              depth,
            ),
          );
        }
      },
    };
  };
}

export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              new LimitError(
                ErrorCode.TOO_MANY_ALIASES,
                `Query uses ${aliases} aliases; at most ${maxAliases} are allowed.`,
                maxAliases,
                aliases,
              ),
            );
          }
        },
      },
    };
  };
}

export function directiveLimitRule(maxPerField: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let worst = 0;
    const count = (node: { directives?: readonly unknown[] }) => {
      worst = Math.max(worst, node.directives?.length ?? 0);
    };
    return {
      Field: count,
      FragmentSpread: count,
      InlineFragment: count,
      OperationDefinition: count,
      FragmentDefinition: count,
      Document: {
        leave() {
          if (worst > maxPerField) {
            context.reportError(
              new LimitError(
                ErrorCode.TOO_MANY_DIRECTIVES,
                `A selection carries ${worst} directives; at most ${maxPerField} are allowed.`,
                maxPerField,
                worst,
              ),
            );
          }
        },
      },
    };
  };
}
