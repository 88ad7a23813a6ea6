import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../lib/errors';

export { ErrorCode } from '../lib/errors';

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

/**
 * A request refused before execution with a specific code (and HTTP 400). Validation rules
 * raise it too; Apollo then wraps it as GRAPHQL_VALIDATION_FAILED, and formatError restores the
 * specific code.
 */
export class RefusalError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details, http: { status: 400 } } });
  }
}

/** A request over one of the configured limits. */
export class LimitError extends RefusalError {
  constructor(code: ErrorCode, message: string, limit: number, actual?: number) {
    super(code, message, { limit, ...(actual === undefined ? {} : { actual }) });
  }
}

/**
 * Apollo refuses some persisted-query requests with a message but no code; these are the
 * codes clients know them by (Apollo Client stops sending hashes on NOT_SUPPORTED).
 */
const PERSISTED_QUERY_MESSAGES: Readonly<Record<string, [ErrorCode, string]>> = {
  'provided sha does not match query': [
    ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
    'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.',
  ],
  'Unsupported persisted query version': [
    ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
    'Only version 1 of persisted queries is supported: send extensions.persistedQuery as { "version": 1, "sha256Hash": "<hex>" }.',
  ],
};

/** graphql-js reports a `maxTokens` overrun as a syntax error; clients get a specific code. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

function restoreCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const inner = error instanceof GraphQLError ? error.originalError : undefined;
  if (inner instanceof RefusalError) {
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
  const persisted = error instanceof GraphQLError ? persistedQueryRefusal(error) : undefined;
  if (persisted) {
    return { ...formatted, message: persisted[1], extensions: { code: persisted[0] } };
  }
  return formatted;
}

/** Apollo's own persisted-query refusal (its message, no code of its own, no cause). */
function persistedQueryRefusal(error: GraphQLError): [ErrorCode, string] | undefined {
  const code = error.extensions?.code;
  const uncoded = code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR;
  return uncoded && !error.originalError && Object.hasOwn(PERSISTED_QUERY_MESSAGES, error.message)
    ? PERSISTED_QUERY_MESSAGES[error.message]
    : undefined;
}

/** Whether Apollo reported an error that formatError answers with a client code. */
export function isClientError(error: GraphQLError): boolean {
  return (
    isClientErrorCode(error.extensions?.code) ||
    error.originalError instanceof RefusalError ||
    persistedQueryRefusal(error) !== undefined
  );
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
    const formatted = restoreCode(raw, error);
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
