import { Field, ID, InputType } from 'type-graphql';
import { ApiVersion } from '../../common/api-version';
import { ConnectionHealth } from '../../common/connection-health';
import { Platform } from '../../common/platform';

@InputType()
export class EcommerceStoreFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive search in the store name.' })
  q?: string | null;

  @Field(() => Platform, { nullable: true })
  platform?: Platform | null;

  @Field(() => ApiVersion, { nullable: true })
  apiVersion?: ApiVersion | null;

  @Field(() => Boolean, { nullable: true })
  needsMigration?: boolean | null;

  @Field(() => ConnectionHealth, { nullable: true, description: "How the store's last connection test went." })
  connectionHealth?: ConnectionHealth | null;
}
