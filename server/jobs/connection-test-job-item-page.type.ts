import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionTestJobItem } from './connection-test-job-item.entity';

@ObjectType({ description: "A page of a job's stores, in the job's order." })
export class ConnectionTestJobItemPage {
  @Field(() => [ConnectionTestJobItem])
  items!: ConnectionTestJobItem[];

  @Field(() => Int)
  total!: number;
}
