import { PasswordInput, type Validator } from 'react-admin';

interface Props {
  source: string;
  label: string;
  /** Last 4 characters of the secret saved for this API version, or null when none is saved. */
  savedLast4: string | null;
  /** What to paste, for when nothing is saved yet. */
  whatToPaste: string;
  /** For a viewer: say what is saved, without inviting them to replace it. */
  readOnly?: boolean;
  /** What the platform calls this kind of secret ("token", "secret"). */
  noun?: string;
}

/**
 * A secret the server never sends back. An empty box keeps the saved one (the API omits
 * apiPassword); the last four characters show which one that is, so an admin can tell whether
 * the token on their screen is the one saved.
 */
export const SecretInput = ({ source, label, savedLast4, whatToPaste, readOnly = false, noun = 'token' }: Props) => {
  const requiredUnlessSaved: Validator = (value) => (savedLast4 || (value ?? '').trim() ? undefined : `Paste the ${whatToPaste}.`);
  return (
    <PasswordInput
      source={source}
      label={label}
      validate={requiredUnlessSaved}
      // Browsers would otherwise offer the admin's own storelink password here.
      autoComplete="new-password"
      placeholder={savedLast4 ? `•••••••••••• ${savedLast4}` : undefined}
      slotProps={{ inputLabel: { shrink: true } }}
      helperText={
        readOnly
          ? savedLast4
            ? `Saved: a ${noun} ending in “${savedLast4}”.`
            : 'None saved.'
          : savedLast4
            ? `Saved: a ${noun} ending in “${savedLast4}”. Leave this empty to keep it, or paste a new one to replace it.`
            : `Paste the ${whatToPaste}. It is stored encrypted and never shown again.`
      }
      fullWidth
      data-testid={`${source}-input`}
    />
  );
};
