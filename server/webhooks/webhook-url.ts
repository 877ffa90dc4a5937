import net from 'node:net';
import { InvalidInputError } from '../common/errors';
import { isForbiddenAddress } from '../platforms/outbound';

const MAX_URL_LENGTH = 2048;

/**
 * The outbound policy at input time: https only, no credentials in the URL, no private,
 * loopback or metadata address literal (unless OUTBOUND_ALLOW_PRIVATE). Names are checked again
 * at connect time, after DNS (safe-dispatcher.ts), so this is the early, friendly refusal.
 */
export function validWebhookUrl(input: string, options: { allowPrivateTargets: boolean }, field = 'url'): string {
  const text = input.trim();
  if (text === '') throw new InvalidInputError(field, 'Enter the URL the webhooks should be sent to, e.g. https://alerts.example.com/storelink.');
  if (text.length > MAX_URL_LENGTH) throw new InvalidInputError(field, `The URL is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(field, 'This is not a URL: enter it in full, e.g. https://alerts.example.com/storelink.');
  }
  const allowedProtocols = options.allowPrivateTargets ? ['https:', 'http:'] : ['https:'];
  if (!allowedProtocols.includes(url.protocol)) throw new InvalidInputError(field, 'The URL must start with https:// (webhooks carry store details).');
  if (url.username || url.password) throw new InvalidInputError(field, 'Leave user names and passwords out of the URL: receivers check the signature instead.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateTargets && (net.isIP(host) !== 0 ? isForbiddenAddress(host) : host === 'localhost' || host.endsWith('.localhost'))) {
    throw new InvalidInputError(field, 'The URL points at a private, local or reserved network address; storelink only sends webhooks to public addresses.');
  }
  url.hash = '';
  return url.href;
}
