/** Errors the domain and its use cases raise; the API layer maps each kind to one HTTP status. */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

/** The request is well formed but conflicts with the current state (duplicate, forbidden transition, stale write). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The request refers to something that does not exist or breaks a rule the schema cannot express. */
export class UnprocessableError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnprocessableError';
  }
}
