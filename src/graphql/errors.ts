import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Every error code a client can see. Anything else is reported as INTERNAL_SERVER_ERROR. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  SEARCH_UNAVAILABLE = 'SEARCH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  // Request limits, all refused before execution (the timeout during it).
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  TOO_MANY_OPERATIONS = 'TOO_MANY_OPERATIONS',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED = 'RATE_LIMITED',
  EXECUTION_TIMEOUT = 'EXECUTION_TIMEOUT',
  // HTTP-level refusals: a request that is not GraphQL over HTTP, or a cross-site one.
  BAD_REQUEST = 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  CSRF_REJECTED = 'CSRF_REJECTED',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
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

/**
 * A request over one of the configured limits. Validation rules raise it too; Apollo then wraps
 * it as GRAPHQL_VALIDATION_FAILED, and formatError restores the specific code.
 */
export class LimitError extends GraphQLError {
  constructor(code: ErrorCode, message: string, limit: number, actual?: number) {
    super(message, {
      extensions: {
        code,
        limit,
        ...(actual === undefined ? {} : { actual }),
        http: { status: 400 },
      },
    });
  }
}

/** graphql-js reports a `maxTokens` overrun as a syntax error; clients get a specific code. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

function restoreLimitCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const inner = error instanceof GraphQLError ? error.originalError : undefined;
  if (inner instanceof LimitError) {
    const { http: _http, ...extensions } = inner.extensions;
    return { ...formatted, extensions: { ...formatted.extensions, ...extensions } };
  }
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
    const limit = Number(tokens[1]);
    const extensions = { ...formatted.extensions, code: ErrorCode.TOO_MANY_TOKENS, limit };
    const message = `Query has more than ${limit} tokens; at most ${limit} are allowed.`;
    return { ...formatted, message, extensions };
  }
  return formatted;
}

/** Whether a client may see an error with this code as it is. */
export function isClientErrorCode(code: unknown): code is string {
  return (
    typeof code === 'string' &&
    (FRAMEWORK_CODES.has(code) || (Object.values(ErrorCode) as string[]).includes(code)) &&
    code !== (ErrorCode.INTERNAL_SERVER_ERROR as string)
  );
}

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

/**
 * The one place that decides what a client sees of an error: known codes pass through,
 * everything else is logged with its cause and answered without internals.
 */
export function createFormatError(logger: ErrorLogger | undefined, exposeDetails: boolean) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = restoreLimitCode(raw, error);
    const original = unwrapResolverError(error);
    if (isClientErrorCode(formatted.extensions?.code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: exposeDetails ? formatted.extensions : extensions };
    }
    logger?.error(
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
