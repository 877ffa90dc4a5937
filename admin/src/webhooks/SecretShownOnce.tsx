import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';

/** The signing secret, the one time the server returns it, with a copy button. */
export const SecretShownOnce = ({ secret, onDone }: { secret: string; onDone: () => void }) => {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <Alert severity="warning" data-testid="webhook-secret" sx={{ mt: 2 }}>
      <Typography variant="subtitle2" gutterBottom>
        Copy the signing secret now: storelink will not show it again.
      </Typography>
      <Box component="code" sx={{ display: 'block', wordBreak: 'break-all', fontFamily: 'monospace', my: 1 }}>
        {secret}
      </Box>
      <Typography variant="body2" gutterBottom>
        Your receiver checks each webhook's signature with it (see "Verifying a webhook" in the README).
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="contained" size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
          {copied ? 'Copied' : 'Copy secret'}
        </Button>
        <Button size="small" onClick={onDone}>
          I have stored it
        </Button>
      </Stack>
    </Alert>
  );
};
