import { generateWebhookSecret, signatureOf, signedHeaders } from '../../server/webhooks/webhook-signature';

test('signs exactly as the Standard Webhooks reference libraries do (their published test vector)', () => {
  // standard-webhooks/libraries/javascript/src/webhook.test.ts, "sign function works"
  expect(signatureOf('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
    'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  );
});

test('a secret is "whsec_" and base64 of 32 random bytes, a new one each time', () => {
  const secret = generateWebhookSecret();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
  expect(generateWebhookSecret()).not.toBe(secret);
});

test('during a rotation both secrets sign, space-separated, the current one first', () => {
  const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
  const headers = signedHeaders([current, previous], 'msg_1', 1700000000, '{}');
  expect(headers).toEqual({
    'webhook-id': 'msg_1',
    'webhook-timestamp': '1700000000',
    'webhook-signature': `${signatureOf(current, 'msg_1', 1700000000, '{}')} ${signatureOf(previous, 'msg_1', 1700000000, '{}')}`,
  });
});
