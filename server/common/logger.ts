import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Any field with one of these names is replaced before a line is written, wherever it
 * sits in the logged object, so a secret passed to the logger by mistake never lands.
 */
const SECRET_KEYS = [
  'apiPassword',
  'accessToken',
  'apiToken',
  'password',
  'token',
  'secret',
  'secretKey',
  'authorization',
  'cookie',
  'x-auth-token',
  'variables',
  'parameters',
];

const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]).map((p) =>
  p.includes('-') ? p.replace(/([^.*]+-[^.]+)$/, '["$1"]') : p,
);

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'storelink' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: {
        // Driver errors carry the SQL parameters (ciphertexts, hashes): keep only what diagnoses.
        err: (err: Error & { code?: unknown }) => ({ type: err.name, message: err.message, code: err.code, stack: err.stack }),
      },
    },
    destination,
  );
}

export type { Logger };
