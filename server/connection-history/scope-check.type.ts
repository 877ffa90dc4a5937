import { Field, ObjectType } from 'type-graphql';
import { ScopeLevel, type ScopeCheckOutcome } from '../common/connection-outcome';

@ObjectType({ description: 'One OAuth scope the integration needs, and what the token was found to have.' })
export class ScopeCheck implements ScopeCheckOutcome {
  @Field({ description: 'As the BigCommerce control panel names it, e.g. "Order Transactions".' })
  scope!: string;

  @Field({ description: 'API name of the required level, e.g. "store_v2_orders".' })
  apiName!: string;

  @Field(() => ScopeLevel)
  required!: ScopeLevel;

  @Field(() => ScopeLevel, { nullable: true, description: 'null when it could not be determined.' })
  granted!: ScopeLevel | null;

  @Field({ description: 'false where no side-effect-free probe exists for the required level.' })
  verified!: boolean;

  @Field()
  ok!: boolean;

  @Field(() => String, { nullable: true })
  message!: string | null;
}
