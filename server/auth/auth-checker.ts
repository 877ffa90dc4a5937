import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { RequestContext } from '../common/request-context';

/**
 * A pseudo-role for @Authorized: the caller must be a signed-in user (session token), of
 * any role unless roles are listed too. For operations about "me" that an API key has no
 * meaning for (its own password, signing out).
 */
export const SIGNED_IN_USER = 'SIGNED_IN_USER';

/**
 * Backs @Authorized: no caller is UNAUTHENTICATED; a caller without one of the listed
 * roles is FORBIDDEN. The check runs before the resolver, so a refused operation does
 * nothing and reveals nothing (not even whether the id it names exists).
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }, roles) => {
  const caller = context.caller;
  if (!caller) throw new UnauthenticatedError();
  if (roles.includes(SIGNED_IN_USER) && caller.kind !== 'session') {
    throw new ForbiddenError('This operation is for a signed-in user; an API key cannot use it.');
  }
  const required = roles.filter((role) => role !== SIGNED_IN_USER);
  if (required.length > 0 && !required.includes(caller.role)) throw new ForbiddenError();
  return true;
};
