import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionTest } from './connection-test.entity';

@ObjectType({ description: "A page of a store's connection tests, newest first." })
export class ConnectionTestPage {
  @Field(() => [ConnectionTest])
  items!: ConnectionTest[];

  @Field(() => Int)
  total!: number;
}
