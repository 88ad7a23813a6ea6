import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, LimitError } from '../errors';
import { operationCost } from './cost';

/**
 * Refuses an operation whose static cost is over `maxCost`, after validation and before
 * execution. It runs per request rather than as a validation rule because `first` may be a
 * variable.
 */
export function costLimitPlugin<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return Promise.resolve();
          const cost = operationCost(schema, document, operation, request.variables);
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
