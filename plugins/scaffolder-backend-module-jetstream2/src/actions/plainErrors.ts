import { isError } from '@backstage/errors';

/**
 * The scaffolder writes a failed step's `error.stack` into the task log, which is what the person who
 * ran the template reads. Our errors already say what to do in their message; their stack only adds
 * file paths of the portal's backend. These helpers keep the message and drop the stack.
 */

/** Errors of @backstage/errors that carry a message meant for the person (InputError first). */
const PERSON_FACING = new Set([
  'InputError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'AuthenticationError',
]);

/** The error with its stack cut down to "Name: message", so no file path reaches the task log. */
export function withoutStack<T extends Error>(error: T): T {
  Object.defineProperty(error, 'stack', {
    value: `${error.name}: ${error.message}`,
    configurable: true,
    writable: true,
  });
  return error;
}

/**
 * Wraps an action handler: errors meant for a person leave with their message only; anything else is a
 * fault of the portal, reported in words (with its original message, never its stack) and kept as the
 * error's cause.
 */
export function withPlainErrors<TContext>(
  actionId: string,
  handler: (ctx: TContext) => Promise<void>,
): (ctx: TContext) => Promise<void> {
  return async ctx => {
    try {
      await handler(ctx);
    } catch (e) {
      if (isError(e) && PERSON_FACING.has(e.name)) throw withoutStack(e);
      const detail = isError(e) ? e.message : String(e);
      const error = new Error(
        `${actionId} stopped on an error of the portal, not of your request: ${detail}. Run the template again; if it fails the same way, tell the platform team.`,
        { cause: e },
      );
      throw withoutStack(error);
    }
  };
}
