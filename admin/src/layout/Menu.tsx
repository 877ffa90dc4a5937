import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, useSidebarState } from 'react-admin';

/** The dashboard, then "Settings > Ecommerce Stores", where the migration guide sends merchants. */
export const Menu = () => {
  const [open] = useSidebarState();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="Migration dashboard" />
      {open && <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1 }}>Settings</ListSubheader>}
      <RaMenu.ResourceItem name="EcommerceStore" />
      <RaMenu.ResourceItem name="AuditEvent" />
    </RaMenu>
  );
};
