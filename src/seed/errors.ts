/** One problem in the seed files: which file, which field, and why. */
export interface SeedIssue {
  readonly file: string;
  readonly field?: string;
  readonly message: string;
}

export function formatIssue(issue: SeedIssue): string {
  return issue.field
    ? `${issue.file}: ${issue.field}: ${issue.message}`
    : `${issue.file}: ${issue.message}`;
}

/** A seed run that found problems; nothing was written. */
export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';
  constructor(readonly issues: readonly SeedIssue[]) {
    super(
      `The seed has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was changed:\n` +
        issues.map((i) => `  ${formatIssue(i)}`).join('\n'),
    );
  }
}
