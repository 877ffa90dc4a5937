import { Session } from '../auth/session.entity';
import { User } from '../auth/user.entity';
import { KeyCheck } from '../secrets/key-check.entity';
import { EcommerceStore } from '../stores/ecommerce-store.entity';

export const entities = [EcommerceStore, User, Session, KeyCheck];
