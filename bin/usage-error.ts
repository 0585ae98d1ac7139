/** Bad input from the user: reported as one line per problem with exit code 2, never as a stack trace. */
export class UsageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'UsageError';
  }
}

export const EXIT_USAGE = 2;
