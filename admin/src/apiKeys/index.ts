import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';
import { ApiKeyShow } from './ApiKeyShow';

/** API keys as a react-admin resource, for administrators only: <Resource name="ApiKey" {...apiKeys} />. */
export default {
  icon: VpnKeyIcon,
  list: ApiKeyList,
  create: ApiKeyCreate,
  show: ApiKeyShow,
  options: { label: 'API keys' },
};
