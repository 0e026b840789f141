/**
 * The ways an invocation fails, named with CloudBase's own error codes so they can be handed to the
 * SDK unchanged: wx-server-sdk maps FUNCTIONS_EXECUTE_FAIL to errCode -504002 ("functions execute fail");
 * codes it does not list (FUNCTION_NOT_FOUND, FUNCTIONS_TIME_LIMIT_EXCEEDED) reach the caller as -501001,
 * as they would from the real cloud. EXCEED_MAX_PAYLOAD_SIZE and EXCEED_MAX_RESPONSE_SIZE are the codes
 * CloudBase documents for an over-size request and an over-size (1 MB) response.
 */
export type FunctionErrorCode =
  | 'FUNCTION_NOT_FOUND'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
  | 'EXCEED_MAX_PAYLOAD_SIZE'
  | 'INVALID_PARAM'
  | 'EXCEED_MAX_RESPONSE_SIZE';

/**
 * The errCode a mini-program's wx.cloud.callFunction reports for each, for the browser build's transport.
 * -604001 is wx-server-sdk's "cloudfunction result size exceed limit (1MB)"; a refused event gets
 * -501007 "invalid parameters", the nearest code in the SDK's table.
 */
const MINI_PROGRAM_ERR_CODE: Record<FunctionErrorCode, number> = {
  FUNCTION_NOT_FOUND: -501000,
  FUNCTIONS_EXECUTE_FAIL: -504002,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: -504003,
  EXCEED_MAX_PAYLOAD_SIZE: -501007,
  INVALID_PARAM: -501007,
  EXCEED_MAX_RESPONSE_SIZE: -604001,
};

const HTTP_STATUS: Record<FunctionErrorCode, number> = {
  FUNCTION_NOT_FOUND: 404,
  FUNCTIONS_EXECUTE_FAIL: 500,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: 504,
  EXCEED_MAX_PAYLOAD_SIZE: 413,
  INVALID_PARAM: 400,
  EXCEED_MAX_RESPONSE_SIZE: 500,
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

export function eventTooLarge(limitBytes: number, bytes?: number): FunctionError {
  const size = bytes === undefined ? 'over' : `${bytes} bytes, over`;
  return new FunctionError('EXCEED_MAX_PAYLOAD_SIZE', `the event is ${size} the ${limitBytes}-byte limit of a function call`);
}

export function eventTooDeep(maxDepth: number): FunctionError {
  return new FunctionError('INVALID_PARAM', `the event is nested deeper than ${maxDepth} levels`);
}

export function eventNotJson(reason: string): FunctionError {
  return new FunctionError('INVALID_PARAM', `the event must be JSON: ${reason}`);
}

export function resultTooLarge(bytes: number, limitBytes: number): FunctionError {
  return new FunctionError(
    'EXCEED_MAX_RESPONSE_SIZE',
    `cloudfunction result size exceed limit: ${bytes} bytes, over the ${limitBytes}-byte limit`,
  );
}
