import { Field, ID, ObjectType } from 'type-graphql';
import { ApiVersion } from '../common/api-version';
import { ConnectionHealth } from '../common/connection-health';
import { Platform } from '../common/platform';

/** The filter a job was started with, so a client can say in words which stores it covers. */
@ObjectType({ description: 'The store filter a job was started with (as EcommerceStoreFilter); a null field was not given.' })
export class ConnectionTestJobFilter {
  @Field(() => [ID], { nullable: true })
  ids!: string[] | null;

  @Field(() => String, { nullable: true })
  q!: string | null;

  @Field(() => Platform, { nullable: true })
  platform!: Platform | null;

  @Field(() => ApiVersion, { nullable: true })
  apiVersion!: ApiVersion | null;

  @Field(() => Boolean, { nullable: true })
  needsMigration!: boolean | null;

  @Field(() => ConnectionHealth, { nullable: true, description: 'How the stores\' last test went when the job started.' })
  connectionHealth!: ConnectionHealth | null;
}
