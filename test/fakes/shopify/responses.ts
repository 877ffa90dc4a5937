/** GET /admin/api/{version}/shop.json, with the fields shopify-api.md lists. */
export function shopJson(shop: { shop: string; name: string; domain: string }): unknown {
  return {
    shop: {
      id: 548380009,
      name: shop.name,
      email: `owner@${shop.domain}`,
      domain: shop.domain,
      myshopify_domain: `${shop.shop}.myshopify.com`,
      plan_name: 'basic',
      plan_display_name: 'Basic',
      currency: 'USD',
      iana_timezone: 'America/New_York',
      country_code: 'US',
      shop_owner: 'Fake Merchant',
      password_enabled: false,
    },
  };
}
