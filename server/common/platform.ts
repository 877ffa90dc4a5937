import { stringEnum, type EnumValue } from './string-enum';

/** The e-commerce platforms storelink can connect to. */
export const Platform = stringEnum('BIGCOMMERCE', 'SHOPIFY', 'WOOCOMMERCE');
export type Platform = EnumValue<typeof Platform>;
