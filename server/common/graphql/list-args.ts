import { ArgsType, type ClassType, Field, Int } from 'type-graphql';

/**
 * The arguments of `all<Resource>s` and `_all<Resource>sMeta`, as ra-data-graphql-simple sends
 * them: page (0-based), perPage, sortField, sortOrder and the resource's own filter input.
 */
export function ListArgs<Filter extends object>(filterType: ClassType<Filter>) {
  @ArgsType()
  abstract class ListArgsOf {
    @Field(() => Int, { nullable: true })
    page?: number;

    @Field(() => Int, { nullable: true })
    perPage?: number;

    @Field(() => String, { nullable: true })
    sortField?: string;

    @Field(() => String, { nullable: true })
    sortOrder?: string;

    @Field(() => filterType, { nullable: true })
    filter?: Filter;
  }
  return ListArgsOf;
}
