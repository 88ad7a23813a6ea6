import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Every error code a client can see. Anything else is reported as INTERNAL_SERVER_ERROR. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  SEARCH_UNAVAILABLE = 'SEARCH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes that graphql-js and Apollo assign themselves and that are safe to pass on. */
const FRAMEWORK_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** An invalid argument value; names the argument so the client knows what to fix. */
export class BadUserInputError extends GraphQLError {
  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument } });
  }
}

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

/**
 * The one place that decides what a client sees of an error: known codes pass through,
 * everything else is logged with its cause and answered without internals.
 */
export function createFormatError(logger: ErrorLogger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = unwrapResolverError(error);
    const known =
      typeof code === 'string' &&
      (FRAMEWORK_CODES.has(code) || (Object.values(ErrorCode) as string[]).includes(code)) &&
      code !== (ErrorCode.INTERNAL_SERVER_ERROR as string);
    if (known) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: exposeDetails ? formatted.extensions : extensions };
    }
    logger.error(
      { err: original, path: formatted.path },
      'unexpected error while executing a GraphQL operation',
    );
    return {
      message:
        exposeDetails && original instanceof Error ? original.message : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
