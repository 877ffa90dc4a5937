import { Field, ObjectType } from 'type-graphql';
import { User } from './user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as "Authorization: Bearer <token>". Shown once; storelink keeps only its hash.' })
  token!: string;

  @Field(() => User)
  user!: User;
}
