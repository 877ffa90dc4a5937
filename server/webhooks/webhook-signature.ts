import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks 1.0, symmetric scheme: secret "whsec_" + base64 of random bytes (the spec
 * asks for 24 to 64; 32 here), signature "v1," + base64 HMAC-SHA256 over "{id}.{timestamp}.{body}"
 * keyed with the decoded bytes. Several signatures are space-separated, so a receiver part-way
 * through a secret rotation accepts either.
 */

export const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

export function signatureOf(secret: string, webhookId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${webhookId}.${timestamp}.${body}`).digest('base64');
}

/** The three headers of one attempt; `secrets` = the current one first, then a previous one still honoured. */
export function signedHeaders(secrets: string[], webhookId: string, timestamp: number, body: string): Record<string, string> {
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signatureOf(secret, webhookId, timestamp, body)).join(' '),
  };
}
