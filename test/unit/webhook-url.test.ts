import { validWebhookUrl } from '../../server/webhooks/webhook-url';

const strict = { allowPrivateTargets: false };

test('a public https URL is accepted as typed (without its fragment)', () => {
  expect(validWebhookUrl(' https://alerts.example.com/storelink?x=1#top ', strict)).toBe('https://alerts.example.com/storelink?x=1');
});

test.each([
  ['http://alerts.example.com/hook', /https/],
  ['ftp://alerts.example.com/hook', /https/],
  ['https://127.0.0.1/hook', /private, local or reserved/],
  ['https://[::1]/hook', /private, local or reserved/],
  ['https://169.254.169.254/latest/meta-data', /private, local or reserved/],
  ['https://10.1.2.3/hook', /private, local or reserved/],
  ['https://2130706433/hook', /private, local or reserved/],
  ['https://localhost/hook', /private, local or reserved/],
  ['https://user:pass@alerts.example.com/hook', /passwords/],
  ['not a url', /not a URL/],
  ['', /Enter the URL/],
])('%s is refused at the guard, naming the field', (url, message) => {
  expect(() => validWebhookUrl(url, strict)).toThrow(expect.objectContaining({ field: 'url', message: expect.stringMatching(message) }));
});

test('OUTBOUND_ALLOW_PRIVATE lets local receivers (tests, fakes) through, over http too', () => {
  expect(validWebhookUrl('http://127.0.0.1:4020/hook', { allowPrivateTargets: true })).toBe('http://127.0.0.1:4020/hook');
});
