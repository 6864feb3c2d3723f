import type { ComponentProps } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { useI18n } from '../i18n/I18nContext';

type ControlProps = Pick<ComponentProps<typeof Form.Control>, 'type' | 'autoComplete' | 'inputMode'>;

interface FieldProps extends ControlProps {
  /** The input's id, its label's target and its test id. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the input and read out with it. */
  hint?: string;
}

/** One required, labelled input of the sign-in and sign-up forms. */
export function AuthField({ id, label, value, onChange, hint, ...control }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <Form.Group className="mb-3" controlId={id}>
      <Form.Label>{label}</Form.Label>
      <Form.Control {...control} required value={value} aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)} data-testid={id} />
      {hint && <Form.Text id={hintId}>{hint}</Form.Text>}
    </Form.Group>
  );
}

interface SubmitProps {
  working: boolean;
  label: string;
  testId: string;
}

/** The forms' submit button: disabled, and saying so, while the request runs. */
export function AuthSubmit({ working, label, testId }: SubmitProps) {
  const { t } = useI18n();
  return (
    <Button type="submit" disabled={working} data-testid={testId}>
      {working ? t('auth.working') : label}
    </Button>
  );
}
