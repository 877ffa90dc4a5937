import { parseShopDomain } from '../../server/platforms/shopify';

describe('the shop, in any form a merchant pastes it', () => {
  it.each([
    ['acme', 'acme.myshopify.com'],
    ['  ACME  ', 'acme.myshopify.com'],
    ['acme.myshopify.com', 'acme.myshopify.com'],
    ['https://acme.myshopify.com', 'acme.myshopify.com'],
    ['https://acme.myshopify.com/admin/orders?x=1', 'acme.myshopify.com'],
    ['acme.myshopify.com/admin', 'acme.myshopify.com'],
    ['https://admin.shopify.com/store/acme-outdoor/settings/apps', 'acme-outdoor.myshopify.com'],
    ['admin.shopify.com/store/acme', 'acme.myshopify.com'],
  ])('%j is %s', (input, expected) => {
    expect(parseShopDomain(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /empty/],
    ['shop.acme.com', /not a custom domain/],
    ['https://admin.shopify.com/settings', /does not name a shop/],
    ['acme_shop', /only letters, digits and hyphens/],
    ['https://user:pw@acme.myshopify.com', /user, password or port/],
    ['ftp://acme.myshopify.com', /Shopify address/],
  ])('%j is refused with a reason', (input, reason) => {
    const parsed = parseShopDomain(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
