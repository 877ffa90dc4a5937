import StorefrontIcon from '@mui/icons-material/Storefront';
import { StoreCreate } from './StoreCreate';
import { StoreEdit } from './StoreEdit';
import { StoreList } from './StoreList';

export default {
  icon: StorefrontIcon,
  list: StoreList,
  edit: StoreEdit,
  create: StoreCreate,
  recordRepresentation: 'name',
};
