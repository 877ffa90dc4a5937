import { Arg, Authorized, ID, Int, Query, Resolver } from 'type-graphql';
import { UserRole } from '../common/user-role';
import { ListMetadata } from '../common/graphql/list-metadata.type';
import { AuditEventFilter } from './audit-event-filter.input';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

/** The audit trail, read-only, for admins. Names follow ra-data-graphql-simple, so react-admin lists it as the resource "AuditEvent". */
@Authorized(UserRole.ADMIN)
@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEvent, { nullable: true })
  AuditEvent(@Arg('id', () => ID) id: string): Promise<AuditEvent> {
    return this.audit.findById(id);
  }

  @Query(() => [AuditEvent], { description: 'Newest first unless sortField/sortOrder say otherwise; page is 0-based.' })
  allAuditEvents(
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) sortOrder?: string,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
  ): Promise<AuditEvent[]> {
    return this.audit.list({ page, perPage, sortField, sortOrder, filter });
  }

  @Query(() => ListMetadata, { nullable: true })
  async _allAuditEventsMeta(
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) _sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) _sortOrder?: string,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
  ): Promise<ListMetadata> {
    return { count: await this.audit.count(filter) };
  }
}
