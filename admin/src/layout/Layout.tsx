import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, UserMenu, useGetIdentity } from 'react-admin';
import { Menu } from './Menu';

/**
 * The user menu's button shows the signed-in email; its accessible name starts with that same
 * text (react-admin's default, "Profile", differs from what is shown, which confuses voice control).
 */
const AccountMenu = () => {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${identity.fullName}, account menu` : 'Account menu'} />;
};

const StorelinkAppBar = () => <AppBar userMenu={<AccountMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={StorelinkAppBar}>
    {children}
  </RaLayout>
);
