import { Field, InputType } from 'type-graphql';
import { ApiVersion } from '../../common/api-version';

@InputType()
export class ApiCredentialsInput {
  @Field(() => ApiVersion)
  apiVersion!: ApiVersion;

  @Field(() => String, {
    nullable: true,
    description:
      'Who storelink logs in as. BigCommerce Store API: "stores/abc123", the full API path URL, or the bare hash. Legacy: the username. ' +
      'Shopify client credentials: the client ID (none for an Admin API access token). WooCommerce: the consumer key.',
  })
  apiLogin?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The secret: access token (BigCommerce Store API, Shopify Admin API), API token (Legacy), client secret (Shopify client credentials) or consumer secret (WooCommerce). ' +
      'Omit to keep the saved one (same apiVersion only).',
  })
  apiPassword?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the store\'s API is. Legacy: e.g. https://store-abc123.mybigcommerce.com/api/v2/. Shopify: the shop, e.g. acme, acme.myshopify.com or an admin URL. WooCommerce: the site URL.',
  })
  apiUrl?: string | null;
}
