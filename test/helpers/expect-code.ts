import { expect } from 'vitest';
import { ContractError } from '../../shared/contract/errors';

/** Expects a contract call to fail with `code` (and, when given, a message matching `message`). */
export async function expectCode(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractError);
  expect(error).toMatchObject({ code });
  if (message) expect((error as Error).message).toMatch(message);
}
