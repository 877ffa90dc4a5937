import type { ErrorRequestHandler, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from '../common/logger';

/**
 * Headers for every response. The Content-Security-Policy lets the admin UI load only its
 * own scripts (no inline script, no eval, nothing from elsewhere), talk only to its own
 * origin, and never be framed; the rest are helmet's defaults (nosniff, no referrer,
 * same-origin opener and resource policies, HSTS for when it is served over HTTPS).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // react-admin's styling library (MUI/emotion) injects <style> elements at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
}

/** GraphQL answers can hold a token shown once (login, createApiKey): no cache may keep them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * The last handler: an error outside GraphQL (malformed JSON, a body over the limit, a
 * failed authentication look-up) is answered with its status and a plain message, never
 * Express's default page, which shows the stack trace outside production.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: unknown; expose?: unknown; message?: string }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) logger.error({ err: error }, 'Unexpected error while handling an HTTP request');
    const message = status < 500 && error.expose === true ? 'The request could not be read: check that it is valid JSON within 100 kB.' : 'Something went wrong.';
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  };
}
