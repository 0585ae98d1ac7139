import { randomUUID } from 'node:crypto';

/** The clock and id source use cases depend on, injectable so tests can pin them. */
export interface UseCaseContext {
  now(): Date;
  newId(): string;
}

export const systemContext: UseCaseContext = {
  now: () => new Date(),
  newId: () => randomUUID(),
};
