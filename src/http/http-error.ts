import type { ErrorCode } from '../graphql/errors';

/** An HTTP-level refusal, answered by the error handler as a GraphQL error with a code. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
