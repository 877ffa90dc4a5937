import type { NextFunction, Request, Response } from 'express';
import { runInAuditScope } from '../audit/audit-scope';
import type { AuthService } from './auth.service';
import { auditActorOf, type Caller, type Identified } from './caller';

const BEARER = /^Bearer\s+(\S+)$/i;

/** What authenticateRequests leaves for the GraphQL context. */
export interface AuthenticatedLocals {
  caller: Caller | null;
  /** What the look-up of the caller also read (AuthOptions.readWithCaller). */
  readWithCaller?: unknown;
}

/**
 * Resolves "Authorization: Bearer <session token or API key>" once per request, and runs
 * the rest of the request inside an audit scope naming the caller and client address, so
 * every audit event the request causes says who and from where.
 */
export function authenticateRequests(auth: AuthService) {
  return async (req: Request, res: Response<unknown, AuthenticatedLocals>, next: NextFunction) => {
    let identified: Identified;
    try {
      const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
      identified = token ? await auth.identify(token) : { caller: null };
    } catch (error) {
      next(error);
      return;
    }
    res.locals.caller = identified.caller;
    res.locals.readWithCaller = identified.readWithCaller;
    runInAuditScope({ actor: auditActorOf(identified.caller), ip: clientIpOf(req) }, () => next());
  };
}

/** The client's address: Express's req.ip honours TRUST_PROXY, so behind a proxy it is the forwarded one. */
export function clientIpOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
