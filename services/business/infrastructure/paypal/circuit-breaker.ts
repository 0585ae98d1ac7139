import { PayPalUnavailableError } from './errors.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Stops calling PayPal after `failureThreshold` consecutive failed calls: for `openMs` every call
 * fails at once with PayPalUnavailableError (503) instead of waiting on timeouts. Then one trial
 * call goes through (half-open): success closes the circuit, failure opens it again.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(private readonly options: { failureThreshold: number; openMs: number; now?: () => number }) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.openMs ? 'half-open' : 'open';
  }

  /** Runs `call`; `isFailure` says which errors count against the provider (not a 4xx answer). */
  async run<T>(call: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      throw new PayPalUnavailableError(
        `paypal is unavailable: the circuit is open after ${this.consecutiveFailures} consecutive failures`,
      );
    }
    const trial = state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.consecutiveFailures = 0;
      this.openedAt = undefined;
      return result;
    } catch (error) {
      if (isFailure(error)) {
        this.consecutiveFailures += 1;
        if (trial || this.consecutiveFailures >= this.options.failureThreshold) this.openedAt = this.now();
      } else {
        this.consecutiveFailures = 0;
        this.openedAt = undefined;
      }
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
