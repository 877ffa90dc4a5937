import { Field, Int, ObjectType } from 'type-graphql';
import { Platform } from '../common/platform';

/** The four counts that split a set of stores: each store in exactly one of them. */
@ObjectType()
export abstract class StoreStandingCounts {
  @Field(() => Int, { description: 'Every store counted here: legacy + failing + healthy + untested.' })
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

@ObjectType({ description: "One platform's stores by where they stand; each of its stores is in exactly one of legacy, failing, healthy and untested." })
export class PlatformStoreCounts extends StoreStandingCounts {
  @Field(() => Platform)
  platform!: Platform;
}

/**
 * How many stores stand where, for the dashboard: each store in exactly one count. A store still on a
 * Legacy API account counts as Legacy whatever its last test said (migrating it is the task);
 * the others by their last test of the credentials saved now.
 */
@ObjectType({ description: 'Stores by where they stand; each store is in exactly one of legacy, failing, healthy and untested.' })
export class StoreCounts extends StoreStandingCounts {
  @Field(() => [PlatformStoreCounts], { description: 'The same counts for each platform storelink connects to (zeros included), in the order of the Platform enum.' })
  byPlatform!: PlatformStoreCounts[];
}
