import { Field, Int, ObjectType } from 'type-graphql';

/**
 * How many stores stand where, for the dashboard: each store in exactly one count. A store still on a
 * Legacy API account counts as Legacy whatever its last test said (migrating it is the task);
 * the others by their last test of the credentials saved now.
 */
@ObjectType({ description: 'Stores by where they stand; each store is in exactly one of legacy, failing, healthy and untested.' })
export class StoreCounts {
  @Field(() => Int, { description: 'Every store.' })
  total!: number;

  @Field(() => Int, { description: 'Still on a deprecated way in (needsMigration: a BigCommerce Legacy API account, a Shopify admin-made app), whatever their last test said.' })
  legacy!: number;

  @Field(() => Int, { description: 'Not Legacy; the last test of the saved credentials failed.' })
  failing!: number;

  @Field(() => Int, { description: 'Not Legacy; the last test of the saved credentials passed.' })
  healthy!: number;

  @Field(() => Int, { description: 'Not Legacy; no test of the credentials saved now (never tested, or the credentials changed since).' })
  untested!: number;
}
