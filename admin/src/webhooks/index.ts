import WebhookIcon from '@mui/icons-material/Webhook';
import { WebhookEndpointCreate } from './WebhookEndpointCreate';
import { WebhookEndpointEdit } from './WebhookEndpointEdit';
import { WebhookEndpointList } from './WebhookEndpointList';

/** Webhook endpoints as a react-admin resource: <Resource name="WebhookEndpoint" {...webhooks} /> (viewers read, admins change). */
export default {
  icon: WebhookIcon,
  list: WebhookEndpointList,
  create: WebhookEndpointCreate,
  edit: WebhookEndpointEdit,
  options: { label: 'Webhooks' },
};
