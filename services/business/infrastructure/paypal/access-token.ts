/** A bearer token and when it stops being valid (epoch milliseconds). */
export interface IssuedToken {
  token: string;
  expiresAt: number;
}

/**
 * PayPal's OAuth 2.0 client-credentials token, cached until shortly before it expires. Concurrent
 * callers that find no valid token share one request for a new one.
 */
export class AccessTokenCache {
  private cached: IssuedToken | undefined;
  private inFlight: Promise<IssuedToken> | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly options: { refreshEarlyMs: number; now?: () => number },
  ) {}

  async token(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now < this.cached.expiresAt - this.options.refreshEarlyMs) return this.cached.token;
    this.inFlight ??= this.issue()
      .then((issued) => {
        this.cached = issued;
        return issued;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return (await this.inFlight).token;
  }

  /** PayPal refused `token` (401 invalid_token, e.g. revoked early): the next call fetches a new one. */
  discard(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }
}
