import { Field, InputType } from 'type-graphql';
import { ApiVersion } from '../../common/api-version';

@InputType()
export class ApiCredentialsInput {
  @Field(() => ApiVersion)
  apiVersion!: ApiVersion;

  @Field({ description: 'OAuth: "stores/abc123", the full API path URL, or the bare hash. Legacy: the username.' })
  apiLogin!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Access token (OAuth) or API token (Legacy). Omit to keep the saved one (same apiVersion only).',
  })
  apiPassword?: string | null;

  @Field(() => String, { nullable: true, description: 'Legacy only: e.g. https://store-abc123.mybigcommerce.com/api/v2/' })
  apiUrl?: string | null;
}
