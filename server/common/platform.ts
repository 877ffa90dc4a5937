/** The e-commerce platforms storelink can connect to. */
export enum Platform {
  BIGCOMMERCE = 'BIGCOMMERCE',
  SHOPIFY = 'SHOPIFY',
  WOOCOMMERCE = 'WOOCOMMERCE',
}
