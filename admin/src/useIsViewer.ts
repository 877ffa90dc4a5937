import { useGetIdentity } from 'react-admin';

/**
 * Whether the signed-in user may only look (role VIEWER). The server refuses their changes
 * (FORBIDDEN); the UI says so up front instead of offering buttons that cannot work.
 * Until the identity is known, the user is not treated as a viewer, so nothing flickers for admins.
 */
export function useIsViewer(): boolean {
  const { identity } = useGetIdentity();
  return identity?.role === 'VIEWER';
}
