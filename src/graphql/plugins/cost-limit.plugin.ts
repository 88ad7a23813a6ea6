import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { ErrorCode, LimitError } from '../errors';
import { operationCost } from './cost';

/**
 * Refuses an operation whose static cost is over `maxCost`, after validation and before
 * execution. It runs per request rather than as a validation rule because `first` may be a
 * variable.
 */
export function costLimitPlugin<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  // Apollo keeps parsed documents, so a repeated query arrives as the same DocumentNode; its
  // cost depends only on the operation and the variables.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return Promise.resolve();
          const known = costs.get(document) ?? new Map<string, number>();
          costs.set(document, known);
          const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = known.get(key);
          if (cost === undefined) {
            cost = operationCost(schema, document, operation, request.variables);
            if (known.size < 100) known.set(key, cost);
          }
          if (cost > maxCost) {
            throw new LimitError(
              ErrorCode.QUERY_TOO_COSTLY,
              `Query costs ${cost} (objects fetched, lists weighted by their size); at most ${maxCost} is allowed. Ask for fewer items or fewer relations.`,
              maxCost,
              cost,
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
