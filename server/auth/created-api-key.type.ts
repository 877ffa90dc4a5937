import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';

@ObjectType()
export class CreatedApiKey {
  @Field({ description: 'Send as "Authorization: Bearer <key>". Shown this once: storelink keeps only its hash.' })
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}
