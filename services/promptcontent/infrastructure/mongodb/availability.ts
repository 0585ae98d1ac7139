import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { DependencyUnavailableError } from '../../../kit/index.js';

export const MONGODB_DEPENDENCY = 'mongodb';

/** True when the driver could not reach a server (as opposed to a rejected operation). */
export function isMongoUnavailable(error: unknown): boolean {
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  );
}

/** Runs a driver call, turning "MongoDB is unreachable" into the kit's 503 problem. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isMongoUnavailable(error)) {
      throw new DependencyUnavailableError(MONGODB_DEPENDENCY, 'MongoDB is unavailable', error);
    }
    throw error;
  }
}
