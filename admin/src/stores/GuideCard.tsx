import { Box, Button, Paper, Typography } from '@mui/material';
import type { ComponentType, ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ApiVersion } from '../types';
import { useIsViewer } from '../useIsViewer';
import type { StoreFormValues } from './credentialsForm';
import { GuideChecklist, type ChecklistItem } from './GuideChecklist';
import { API_VERSION_NAMES, LABELS } from './labels';

/** One numbered step of a guide, in the platform's own words. */
export interface GuideStep {
  text: ReactNode;
  /** What to set there, one line each. */
  checklist?: { label: string; testId: string; items: ChecklistItem[] };
  /** Said after the checklist. */
  note?: ReactNode;
  /** The step where the credentials go into this page: it starts "Under API access, set API Version to …" and has a button that does so. */
  choose?: { apiVersion: ApiVersion; verb: 'Switch to' | 'Use a'; icon: ComponentType };
}

/** A guide beside a store's fields: how to make the credentials storelink needs on a platform, or how to move off a deprecated way in. */
export interface Guide {
  /** The section's test id, and its heading's id with "-heading". */
  id: string;
  heading: string;
  intro: ReactNode;
  steps: GuideStep[];
  /** Away from a deprecated way in: drawn in the warning colour. */
  migration?: boolean;
}

/** The step every guide has: test what is typed before saving it. */
export const testBeforeSavingStep = (expected: ReactNode): GuideStep => ({
  text: (
    <>
      Click <strong>{LABELS.testBeforeSaving}</strong>: {expected}
    </>
  ),
});

const MIGRATION_LOOK = { borderColor: 'warning.main', bgcolor: 'rgba(237, 108, 2, 0.04)' };

export const GuideCard = ({ guide }: { guide: Guide }) => (
  <Paper
    variant="outlined"
    component="section"
    aria-labelledby={`${guide.id}-heading`}
    sx={{ p: 2, width: '100%', ...(guide.migration ? MIGRATION_LOOK : {}) }}
    data-testid={guide.id}
  >
    <Typography variant="h6" id={`${guide.id}-heading`} gutterBottom>
      {guide.heading}
    </Typography>
    <Typography variant="body2" sx={{ mb: 2 }}>
      {guide.intro}
    </Typography>
    <Box component="ol" sx={{ m: 0, pl: 2.5, '& > li': { mb: 1.5 } }}>
      {guide.steps.map((step, index) => (
        <li key={index}>
          <StepWords step={step} />
          {step.checklist && <GuideChecklist {...step.checklist} />}
          {step.note && (
            <Typography variant="body2" color="text.secondary">
              {step.note}
            </Typography>
          )}
          {step.choose && <ChooseButton {...step.choose} />}
        </li>
      ))}
    </Box>
  </Paper>
);

const StepWords = ({ step }: { step: GuideStep }) => (
  <Typography variant="body2" sx={step.choose ? { mb: 1 } : undefined}>
    {step.choose && (
      <>
        Under <strong>{LABELS.apiAccess}</strong>, set <strong>{LABELS.apiVersion}</strong> to “{API_VERSION_NAMES[step.choose.apiVersion]}”,{' '}
      </>
    )}
    {step.text}
  </Typography>
);

/** Sets "API Version" as the step says (the boxes of that version appear); a viewer cannot. */
const ChooseButton = ({ apiVersion, verb, icon: Icon }: NonNullable<GuideStep['choose']>) => {
  const { setValue } = useFormContext<StoreFormValues>();
  const viewer = useIsViewer();
  return (
    <Button size="small" variant="outlined" startIcon={<Icon />} onClick={() => setValue('apiVersion', apiVersion, { shouldDirty: true })} disabled={viewer}>
      {verb} {API_VERSION_NAMES[apiVersion]}
    </Button>
  );
};
