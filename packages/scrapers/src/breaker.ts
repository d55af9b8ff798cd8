// A circuit breaker per host: after `threshold` failed requests in a row the host is left alone for
// `coolDownMs`; then one trial request goes through (half-open), and its outcome closes the breaker
// again or opens it for another cool-down.

export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly coolDownMs: number;

  constructor(threshold: number, coolDownMs: number) {
    this.threshold = threshold;
    this.coolDownMs = coolDownMs;
  }

  get state(): BreakerState {
    if (this.failures < this.threshold) return 'closed';
    return Date.now() - this.openedAt >= this.coolDownMs ? 'half-open' : 'open';
  }

  /** When the breaker lets the next request through (epoch ms); now when closed. */
  get retryAt(): number {
    return this.failures < this.threshold ? Date.now() : this.openedAt + this.coolDownMs;
  }

  /** May a request go now? In half-open state only one trial at a time. */
  tryPass(): boolean {
    const s = this.state;
    if (s === 'closed') return true;
    if (s === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
  }

  failure(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.failures >= this.threshold) this.openedAt = Date.now();
  }
}
