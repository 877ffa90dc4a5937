import { Field, ObjectType } from 'type-graphql';
import { WebhookEndpoint } from './webhook-endpoint.entity';

@ObjectType()
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: 'The signing secret ("whsec_" + base64). Shown this once: storelink keeps it encrypted and never returns it again.' })
  secret!: string;
}
