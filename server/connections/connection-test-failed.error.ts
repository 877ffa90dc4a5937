import { DomainError } from '../common/errors';
import type { ConnectionOutcome } from '../common/connection-outcome';

/** Raised when credentials saved with verify fail their test: nothing was saved. */
export class ConnectionTestFailedError extends DomainError {
  readonly code = 'CONNECTION_TEST_FAILED';
  constructor(readonly result: ConnectionOutcome) {
    super(`The new credentials were not saved, and the saved ones are unchanged: ${result.message}`);
    this.extensions.result = { ...result, testedAt: result.testedAt.toISOString() };
  }
}
