/** Input the engine cannot read (missing directory, unreadable JSON, bad suppression file): exit code 2. */
export class PolicyInputError extends Error {
  readonly problems: string[];

  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.name = 'PolicyInputError';
    this.problems = list;
  }
}
