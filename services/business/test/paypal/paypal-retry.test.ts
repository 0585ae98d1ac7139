import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../infrastructure/paypal/circuit-breaker.js';
import { PayPalUnavailableError } from '../../infrastructure/paypal/errors.js';
import { parseRetryAfter, retryDelayMs } from '../../infrastructure/paypal/retry.js';

const policy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

describe('retry delays', () => {
  it('follow Retry-After, capped at the longest wait', () => {
    expect(retryDelayMs(1, policy, 1_000)).toBe(1_000);
    expect(retryDelayMs(1, policy, 60_000)).toBe(5_000);
  });

  it('otherwise draw from 0 to base × 2^(retry-1), capped (full jitter)', () => {
    // retry 1: up to 200 ms; retry 3: up to 800 ms; retry 10: 200 × 512 = 102 400 → capped at 5 000.
    expect(retryDelayMs(1, policy, undefined, () => 0.999)).toBe(200);
    expect(retryDelayMs(3, policy, undefined, () => 0.5)).toBe(400);
    expect(retryDelayMs(10, policy, undefined, () => 0.999)).toBe(4_995);
    expect(retryDelayMs(2, policy, undefined, () => 0)).toBe(0);
  });

  it('read Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-29T08:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 08:00:03 GMT', now)).toBe(3_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 07:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('the circuit', () => {
  const failing = () => Promise.reject(new PayPalUnavailableError('down'));
  const isFailure = (error: unknown) => error instanceof PayPalUnavailableError;

  it('opens again when its half-open trial call fails', async () => {
    let now = 0;
    const circuit = new CircuitBreaker({ failureThreshold: 2, openMs: 1_000, now: () => now });
    for (let call = 0; call < 2; call += 1)
      await expect(circuit.run(failing, isFailure)).rejects.toThrow('down');
    expect(circuit.state).toBe('open');
    now = 1_000;
    expect(circuit.state).toBe('half-open');
    await expect(circuit.run(failing, isFailure)).rejects.toThrow('down');
    expect(circuit.state).toBe('open');
    let called = false;
    await expect(
      circuit.run(async () => {
        called = true;
      }, isFailure),
    ).rejects.toThrow(/circuit is open/);
    expect(called).toBe(false);
  });

  it('lets only one trial call through while half-open', async () => {
    let now = 0;
    const circuit = new CircuitBreaker({ failureThreshold: 1, openMs: 1_000, now: () => now });
    await expect(circuit.run(failing, isFailure)).rejects.toThrow('down');
    now = 1_000;
    let release: () => void = () => {};
    const trial = circuit.run(
      () => new Promise<string>((resolve) => (release = () => resolve('ok'))),
      isFailure,
    );
    await expect(circuit.run(async () => 'second', isFailure)).rejects.toThrow(/circuit is open/);
    release();
    expect(await trial).toBe('ok');
    expect(circuit.state).toBe('closed');
  });
});
