import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, UserMenu, useGetIdentity, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { Menu } from './Menu';

/**
 * The user menu's button shows the signed-in email; its accessible name starts with that same
 * text (react-admin's default, "Profile", differs from what is shown, which confuses voice control).
 */
const AccountMenu = () => {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName}, account menu` : 'Account menu'}>
      <ChangePasswordItem />
      <Logout />
    </UserMenu>
  );
};

const ChangePasswordItem = () => {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/account/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Change my password</ListItemText>
    </MenuItem>
  );
};

const StorelinkAppBar = () => <AppBar userMenu={<AccountMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={StorelinkAppBar}>
    {children}
  </RaLayout>
);
