import { BadUserInputError } from '../../lib/errors';

/** The most entries a list argument (tags, types, enum filters) may hold. */
export const MAX_LIST_INPUT = 20;

/**
 * A list argument within its cap, or a BAD_USER_INPUT error naming the argument: a request
 * cannot make a filter or a search expression as large as it likes.
 */
export function capped<T>(
  argument: string,
  values: readonly T[] | null | undefined,
  max = MAX_LIST_INPUT,
): readonly T[] | null | undefined {
  if (values && values.length > max) {
    throw new BadUserInputError(
      argument,
      `at most ${max} entries are allowed; ${values.length} were given`,
    );
  }
  return values;
}
