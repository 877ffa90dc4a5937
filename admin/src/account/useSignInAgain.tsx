import { useState } from 'react';
import { useGetIdentity } from 'react-admin';
import { dataProvider } from '../dataProvider';
import { signIn } from '../signIn';
import { SignInAgainDialog } from './SignInAgainDialog';

/**
 * For a form whose save the server refused because the session had ended: keeps what the save
 * was sending and shows the dialog that signs in again in place, then sends it once more. The
 * form stays as it was; nothing typed is lost. (react-admin's own save would sign out and leave
 * the page.)
 */
export function useSignInAgain<Values>(title: string, save: (values: Values) => Promise<unknown>) {
  const { identity } = useGetIdentity();
  const [refused, setRefused] = useState<{ values: Values } | null>(null);
  const dialog = refused && (
    <SignInAgainDialog
      open
      title={title}
      summary="storelink refused it because you are no longer signed in."
      email={String(identity?.fullName ?? '')}
      onSignInAndSave={async (email, password) => {
        await signIn(email, password);
        dataProvider.reset();
        setRefused(null);
        await save(refused.values);
      }}
      onCancel={() => setRefused(null)}
    />
  );
  return { sessionEnded: (values: Values) => setRefused({ values }), dialog };
}
