import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionTestJob } from './connection-test-job.entity';

@ObjectType({ description: 'A page of connection test jobs, newest first.' })
export class ConnectionTestJobPage {
  @Field(() => [ConnectionTestJob])
  items!: ConnectionTestJob[];

  @Field(() => Int)
  total!: number;
}
