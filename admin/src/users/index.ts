import PeopleIcon from '@mui/icons-material/People';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

/** Users as a react-admin resource, for administrators only: <Resource name="User" {...users} />. */
export default {
  icon: PeopleIcon,
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  options: { label: 'Users' },
};
