import { GraphQLError } from 'graphql';

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
  CORS_ORIGIN_NOT_ALLOWED = 'CORS_ORIGIN_NOT_ALLOWED',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  // Preview of drafts: a wrong X-Preview-Token, or the header on a server without preview.
  PREVIEW_TOKEN_INVALID = 'PREVIEW_TOKEN_INVALID',
  PREVIEW_DISABLED = 'PREVIEW_DISABLED',
  // The API only reads: mutations and subscriptions are refused before execution.
  READ_ONLY_API = 'READ_ONLY_API',
  // Automatic Persisted Queries (Apollo's codes; the mismatch code as Apollo Router names it).
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
}

/** An invalid argument value; names the argument so the client knows what to fix. */
export class BadUserInputError extends GraphQLError {
  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument } });
  }
}

/** Database drivers (through knex) put the whole statement before the reason: `<sql> - <why>`. */
const STATEMENT_PREFIX =
  /^\s*(?:select|insert|update|delete|with|alter|create|drop|begin|pragma)\b[\s\S]* - (?=[^\n]*$)/i;

/**
 * One line for a person to read about an unexpected failure: the reason without the
 * statement that failed, the first line only, at most `max` characters.
 */
export function describeFailure(error: unknown, max = 300): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(STATEMENT_PREFIX, '').split('\n')[0].trim();
  return reason.length > max ? `${reason.slice(0, max)}…` : reason;
}
