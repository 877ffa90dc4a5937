import { Arg, Authorized, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserRole } from '../common/user-role';
import { ListMetadata } from '../common/graphql/list-metadata.type';
import { EcommerceStore } from './ecommerce-store.entity';
import { EcommerceStoreService } from './ecommerce-store.service';
import { EcommerceStoreFilter } from './inputs/ecommerce-store-filter.input';
import { StoreCounts } from './store-counts.type';
import { Platform } from '../common/platform';

/** Names follow ra-data-graphql-simple's conventions (`allEcommerceStores`, `_allEcommerceStoresMeta`, `EcommerceStore`), so react-admin lists stores as is; the logic lives in EcommerceStoreService. */
@Authorized()
@Resolver(() => EcommerceStore)
export class EcommerceStoreResolver {
  constructor(private readonly stores: EcommerceStoreService) {}

  @Query(() => EcommerceStore, { nullable: true })
  EcommerceStore(@Arg('id', () => ID) id: string): Promise<EcommerceStore> {
    return this.stores.findById(id);
  }

  @Query(() => [EcommerceStore])
  allEcommerceStores(
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) sortOrder?: string,
    @Arg('filter', () => EcommerceStoreFilter, { nullable: true }) filter?: EcommerceStoreFilter,
  ): Promise<EcommerceStore[]> {
    return this.stores.list({ page, perPage, sortField, sortOrder, filter });
  }

  @Query(() => ListMetadata, { nullable: true })
  async _allEcommerceStoresMeta(
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) _sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) _sortOrder?: string,
    @Arg('filter', () => EcommerceStoreFilter, { nullable: true }) filter?: EcommerceStoreFilter,
  ): Promise<ListMetadata> {
    return { count: await this.stores.count(filter) };
  }

  @FieldResolver(() => Boolean, {
    description: 'True while the store uses a deprecated way in: a BigCommerce Legacy API account, or a Shopify custom app made in the store admin (Admin API access token).',
  })
  needsMigration(@Root() store: EcommerceStore): boolean {
    return this.stores.needsMigration(store);
  }

  @Query(() => StoreCounts, { description: 'The dashboard\'s counts in one answer; each store is in exactly one of legacy, failing, healthy and untested.' })
  ecommerceStoreCounts(): Promise<StoreCounts> {
    return this.stores.counts();
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => EcommerceStore)
  createEcommerceStore(
    @Arg('name') name: string,
    @Arg('platform', () => Platform, { nullable: true }) platform?: Platform,
  ): Promise<EcommerceStore> {
    return this.stores.create({ name, platform });
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => EcommerceStore)
  updateEcommerceStore(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String, { nullable: true }) name?: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version you read; if the store has changed since, nothing is saved (CONFLICT).' })
    version?: number,
  ): Promise<EcommerceStore> {
    return this.stores.rename(id, name, version);
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => EcommerceStore)
  deleteEcommerceStore(@Arg('id', () => ID) id: string): Promise<EcommerceStore> {
    return this.stores.delete(id);
  }
}
