import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class WebhookEndpointFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;
}
