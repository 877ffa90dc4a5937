import { InvalidInputError } from '../../common/errors';

/**
 * WooCommerce makes both halves of a key the same way: a prefix and 40 hexadecimal digits
 * ("ck_" or "cs_" + a SHA-1 sized random hash). Anything else was mis-pasted, or is the other
 * half: say so before a single request is sent. A message never repeats what was entered.
 */
const CONSUMER_KEY = /^ck_[0-9a-f]{40}$/i;
const CONSUMER_SECRET = /^cs_[0-9a-f]{40}$/i;
/** For a test of saved credentials: the same shapes, without throwing. */
export const looksLikeConsumerKey = (key: string): boolean => CONSUMER_KEY.test(key);
export const looksLikeConsumerSecret = (secret: string): boolean => CONSUMER_SECRET.test(secret);

const WHERE = 'WooCommerce > Settings > Advanced > REST API';

/** The consumer key, trimmed (it is not secret: WooCommerce shows its last 7 characters in the key list). */
export function checkConsumerKey(input: string | null | undefined, field = 'apiLogin'): string {
  const key = (input ?? '').trim();
  if (key === '') throw new InvalidInputError(field, `Enter the consumer key (it starts with "ck_"), as ${WHERE} showed it when the key was made.`);
  if (/^cs_/i.test(key)) throw new InvalidInputError(field, 'This is a consumer secret (it starts with "cs_"): enter it as the consumer secret, and the consumer key ("ck_…") here.');
  if (!CONSUMER_KEY.test(key)) {
    throw new InvalidInputError(field, `The consumer key must be "ck_" followed by 40 letters a-f and digits: copy it again from ${WHERE} (only shown when the key is made; otherwise make a new key).`);
  }
  return key;
}

export function checkConsumerSecret(secret: string, field = 'apiPassword'): void {
  if (secret === '') throw new InvalidInputError(field, 'Enter the consumer secret (it starts with "cs_").');
  if (/^ck_/i.test(secret)) throw new InvalidInputError(field, 'This is a consumer key (it starts with "ck_"): enter the consumer secret ("cs_…") here.');
  if (!CONSUMER_SECRET.test(secret)) {
    throw new InvalidInputError(
      field,
      `The consumer secret must be "cs_" followed by 40 letters a-f and digits, with no spaces: WooCommerce shows it only once, so if it was lost, make a new key in ${WHERE}.`,
    );
  }
}
