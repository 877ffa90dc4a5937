import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, usePermissions, useSidebarState } from 'react-admin';

/** The dashboard, then "Settings > Ecommerce Stores", where the migration guide sends merchants. */
export const Menu = () => {
  const [open] = useSidebarState();
  const { permissions } = usePermissions<string>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="Migration dashboard" />
      {/* A heading, not an entry: role="none" keeps it out of the menu's items for screen readers (the menu is role="menu"). */}
      {open && (
        <ListSubheader role="none" sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1 }}>
          Settings
        </ListSubheader>
      )}
      <RaMenu.ResourceItem name="EcommerceStore" />
      <RaMenu.ResourceItem name="WebhookEndpoint" />
      {permissions === 'ADMIN' && <RaMenu.ResourceItem name="AuditEvent" />}
      {permissions === 'ADMIN' && <RaMenu.ResourceItem name="User" />}
      {permissions === 'ADMIN' && <RaMenu.ResourceItem name="ApiKey" />}
    </RaMenu>
  );
};
