/**
 * Error codes that cross the contract. Errors travel as `{ code, message }`; the message
 * is written for the user (it names the file, row or territory concerned) and stack
 * traces never leave the backend.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'UNSUPPORTED',
  'CANCELLED',
  'NO_WORKSPACE',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'NOT_A_WORKSPACE',
  'CORRUPT_WORKSPACE',
  'NEWER_SCHEMA',
  'WORKSPACE_IN_USE',
  'NOT_FOUND',
  'INVALID_INPUT',
  'TERRITORY_LOCKED',
  'SCENARIO_LOCKED',
  'NOTHING_TO_UNDO',
  'NOTHING_TO_REDO',
  'WRITE_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialised form of an error. */
export interface ContractErrorData {
  code: ErrorCode;
  message: string;
}

/** An error with a contract code; thrown by the backend and re-thrown by clients. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }

  toData(): ContractErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
