import { Field, Int, ObjectType } from 'type-graphql';

/** Paging metadata in the shape ra-data-graphql-simple expects from `_all<Resource>sMeta`. */
@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}
