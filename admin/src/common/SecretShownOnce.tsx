import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';

interface SecretShownOnceProps {
  /** The secret, the one time the server returns it. */
  secret: string;
  /** What it is, as the sentence "Copy the … now" names it, e.g. "signing secret" or "API key". */
  noun: string;
  /** The copy button's words, e.g. "Copy secret". */
  copyLabel: string;
  /** What the secret is for, in a sentence or two. */
  children: ReactNode;
  testId: string;
  onDone: () => void;
}

/** A secret storelink keeps only a hash or a cipher of: shown this once, with a copy button. */
export const SecretShownOnce = ({ secret, noun, copyLabel, children, testId, onDone }: SecretShownOnceProps) => {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <Alert severity="warning" data-testid={testId} sx={{ mt: 2, minWidth: 0 }}>
      <Typography variant="subtitle2" gutterBottom>
        Copy the {noun} now: storelink will not show it again.
      </Typography>
      <Box component="code" sx={{ display: 'block', wordBreak: 'break-all', fontFamily: 'monospace', my: 1 }}>
        {secret}
      </Box>
      <Typography variant="body2" gutterBottom>
        {children}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
          {copied ? 'Copied' : copyLabel}
        </Button>
        <Button size="small" onClick={onDone}>
          I have stored it
        </Button>
      </Stack>
    </Alert>
  );
};
