// What can go wrong while acquiring data, each with a message a user can act on. `retryable` says
// whether trying again later can help (the client retries those itself; the job queue retries a task
// whose last error was retryable).

export class ScrapeError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable = false) {
    super(message);
    this.name = 'ScrapeError';
    this.retryable = retryable;
  }
}

/** A URL we will not fetch: wrong scheme, port or host, or a private/loopback/metadata address. */
export class RefusedUrlError extends ScrapeError {
  constructor(url: string, why: string) {
    super(`refused ${url}: ${why}`);
    this.name = 'RefusedUrlError';
  }
}

/** robots.txt of the host disallows the path for our user agent. */
export class RobotsDisallowedError extends ScrapeError {
  constructor(url: string) {
    super(`robots.txt disallows ${url} for our user agent`);
    this.name = 'RobotsDisallowedError';
  }
}

/** The source answered with an error status (after retries, when the status is a retryable one). */
export class HttpStatusError extends ScrapeError {
  readonly status: number;
  constructor(url: string, status: number, retryable: boolean, detail = '') {
    super(`${url} answered HTTP ${status}${detail ? ` (${detail})` : ''}`, retryable);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

/** No answer in time, or the connection failed. */
export class NetworkError extends ScrapeError {
  constructor(url: string, why: string) {
    super(`${url}: ${why}`, true);
    this.name = 'NetworkError';
  }
}

export class TooLargeError extends ScrapeError {
  constructor(url: string, limit: number) {
    super(`${url} is larger than the limit of ${limit} bytes; refused`);
    this.name = 'TooLargeError';
  }
}

/** The host failed too often lately; requests wait until the breaker lets a trial through. */
export class CircuitOpenError extends ScrapeError {
  readonly retryAt: Date;
  constructor(host: string, retryAt: Date) {
    super(`${host} failed repeatedly; its circuit breaker is open until ${retryAt.toISOString()}`, true);
    this.name = 'CircuitOpenError';
    this.retryAt = retryAt;
  }
}

/** The source's daily request quota is spent; the task resumes after `resetAt`. */
export class QuotaExhaustedError extends ScrapeError {
  readonly source: string;
  readonly resetAt: Date;
  constructor(source: string, limit: number, resetAt: Date) {
    super(`${source}: daily quota of ${limit} requests is spent; resumes after ${resetAt.toISOString()}`);
    this.name = 'QuotaExhaustedError';
    this.source = source;
    this.resetAt = resetAt;
  }
}

/** A page or response no longer has the shape the parser knows: names the source and what was missing. */
export class ParseError extends ScrapeError {
  constructor(source: string, url: string, what: string) {
    super(`${source}: cannot read ${url}: ${what} (has the site's layout changed?)`);
    this.name = 'ParseError';
  }
}

/** A source that needs credentials (setlist.fm key, Reddit client) has none configured. */
export class NotConfiguredError extends ScrapeError {
  constructor(source: string, what: string) {
    super(`${source} is not configured: ${what}`);
    this.name = 'NotConfiguredError';
  }
}
