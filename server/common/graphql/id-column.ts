import { Field, ID } from 'type-graphql';
import { PrimaryColumn } from 'typeorm';

/**
 * The primary key of every entity the API serves: a UUID made by storelink (randomUUID), kept as
 * varchar(36) so SQLite and PostgreSQL hold it alike, and served as a GraphQL ID.
 */
export function IdColumn(): PropertyDecorator {
  return (target, property) => {
    PrimaryColumn({ type: 'varchar', length: 36 })(target, property);
    Field(() => ID)(target, property);
  };
}
