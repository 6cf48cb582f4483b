import type { WriteErrorReason } from './types';

/**
 * A write the portal could not make: `reason` for code, `message` for people (what happened, and what to do
 * when the portal knows), `cluster` where it happened. Messages never hold a token.
 *
 * @public
 */
export class WriteError extends Error {
  /** Why, for code to match on. */
  readonly reason: WriteErrorReason;
  /** The cluster the write went to. */
  readonly cluster: string;

  constructor(reason: WriteErrorReason, cluster: string, message: string) {
    super(message);
    this.name = 'WriteError';
    this.reason = reason;
    this.cluster = cluster;
  }
}

/**
 * True for a {@link WriteError}, also one from another copy of this package.
 *
 * @public
 */
export function isWriteError(error: unknown): error is WriteError {
  return (
    error instanceof WriteError ||
    (error instanceof Error &&
      error.name === 'WriteError' &&
      typeof (error as WriteError).reason === 'string')
  );
}
