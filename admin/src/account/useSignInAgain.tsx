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
export function useSignInAgain<Values>(save: (values: Values) => Promise<unknown>) {
  const { identity } = useGetIdentity();
  const [refused, setRefused] = useState<{ values: Values; title: string; summary: string } | null>(null);
  const dialog = refused && (
    <SignInAgainDialog
      open
      title={refused.title}
      summary={refused.summary}
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
  return {
    /** The save of `values` was refused: `title` says what was not saved, `summary` why, in one sentence. */
    sessionEnded: (values: Values, title: string, summary = 'storelink refused the save because you are no longer signed in.') => setRefused({ values, title, summary }),
    dialog,
  };
}
