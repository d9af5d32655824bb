/** Reasons a pure domain operation refuses its input. */
export type DomainErrorCode =
  | 'INVALID_INPUT'
  | 'TERRITORY_LOCKED'
  | 'TERRITORY_NOT_FOUND'
  | 'ACCOUNT_NOT_FOUND'
  | 'REGION_NOT_FOUND'
  | 'CELL_OUT_OF_RANGE'
  | 'NOTHING_TO_UNDO'
  | 'NOTHING_TO_REDO';

/** Thrown by `shared/domain` functions; the backend maps `code` onto the contract's error codes. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
