import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../context';
import { isClientError } from '../errors';
import { errorsTotal } from '../metrics';

/**
 * Reports each request to the HTTP layer (operation name), logs unexpected errors with the
 * request's logger (so with its request id), and counts the error codes clients receive.
 */
export function reportPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ contextValue, operationName }) {
          if (contextValue.report) contextValue.report.operationName = operationName;
          return Promise.resolve();
        },
        didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            if (isClientError(error)) continue;
            contextValue.report?.log.error(
              { err: unwrapResolverError(error), path: error.path, operationName },
              'unexpected error while executing a GraphQL operation',
            );
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            errorsTotal.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
