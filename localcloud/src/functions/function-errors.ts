/**
 * The ways an invocation fails, named with CloudBase's own error codes so they can be handed to the
 * SDK unchanged: wx-server-sdk maps FUNCTIONS_EXECUTE_FAIL to errCode -504002 ("functions execute fail");
 * codes it does not list (FUNCTION_NOT_FOUND, FUNCTIONS_TIME_LIMIT_EXCEEDED) reach the caller as -501001,
 * as they would from the real cloud.
 */
export type FunctionErrorCode = 'FUNCTION_NOT_FOUND' | 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED';

/** The errCode a mini-program's wx.cloud.callFunction reports for each, for the browser build's transport. */
const MINI_PROGRAM_ERR_CODE: Record<FunctionErrorCode, number> = {
  FUNCTION_NOT_FOUND: -501000,
  FUNCTIONS_EXECUTE_FAIL: -504002,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: -504003,
};

const HTTP_STATUS: Record<FunctionErrorCode, number> = {
  FUNCTION_NOT_FOUND: 404,
  FUNCTIONS_EXECUTE_FAIL: 500,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: 504,
};

export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }

  get errCode(): number {
    return MINI_PROGRAM_ERR_CODE[this.code];
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  /** The JSON body the browser build receives. */
  toJSON(): { code: FunctionErrorCode; errCode: number; message: string } {
    return { code: this.code, errCode: this.errCode, message: this.message };
  }
}

export function functionNotFound(name: string): FunctionError {
  return new FunctionError('FUNCTION_NOT_FOUND', `function not found: ${name}`);
}

/** The platform's wording, so logs and error screens read the same locally. */
export function timedOut(timeoutMs: number): FunctionError {
  return new FunctionError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `Invoking task timed out after ${timeoutMs / 1000} seconds`);
}

export function executeFailed(message: string): FunctionError {
  return new FunctionError('FUNCTIONS_EXECUTE_FAIL', message);
}
