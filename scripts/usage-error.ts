/** Whether `error` is node:util parseArgs refusing the command line (unknown or missing option). */
export function isUsageError(error: unknown): error is TypeError {
  return (
    error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}
