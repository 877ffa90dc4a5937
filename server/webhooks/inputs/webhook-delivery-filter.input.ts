import { Field, ID, InputType } from 'type-graphql';
import { WebhookDeliveryStatus } from '../webhook-delivery-status';

@InputType()
export class WebhookDeliveryFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true })
  endpointId?: string | null;

  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus | null;
}
