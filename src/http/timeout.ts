import { ErrorCode } from '../graphql/errors';
import { HttpError } from './http-error';

/** Races `work` against the execution timeout; the loser's result is ignored. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HttpError(503, ErrorCode.EXECUTION_TIMEOUT, `Execution took longer than ${ms} ms.`, {
            'retry-after': '1',
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
