import type { ErrorCode } from '@pingan/shared';

/**
 * An expected failure: a stable dotted code the client switches on, and a message for people.
 * Thrown inside a handler, it becomes `{ ok: false, code, message }`; anything else is a bug.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
