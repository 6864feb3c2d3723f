import { useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Form from 'react-bootstrap/Form';
import { useAppDispatch } from '../app/hooks';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { AuthField, AuthSubmit } from './AuthField';
import { authErrorKey } from './authErrorKey';
import { confirmSignUp } from './authSlice';
import { ResendCodeButton } from './ResendCodeButton';

interface Props {
  email: string;
  /** The line above the form: a code was just sent, or one was sent at sign-up. */
  intro: string;
  /** Sign-in for this email, for a shopper whose account turns out to be confirmed already. */
  signInPath: string;
  /** Runs once Cognito accepted the code (sign in, or send the shopper to sign in). */
  onConfirmed: () => Promise<void>;
}

/** The confirmation step, shared by sign-up and by sign-in of a shopper who never confirmed. */
export function ConfirmStep({ email, intro, signInPath, onConfirmed }: Props) {
  const { t } = useI18n();
  const dispatch = useAppDispatch();
  const [code, setCode] = useState('');
  const [working, setWorking] = useState(false);
  const [errorKey, setErrorKey] = useState<MessageKey | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setErrorKey(null);
    try {
      await dispatch(confirmSignUp(email.trim(), code.trim()));
    } catch (error) {
      setErrorKey(authErrorKey(error));
      setWorking(false);
      return;
    }
    await onConfirmed();
  }

  return (
    <div className="auth-form">
      <h1>{t('auth.confirmTitle')}</h1>
      <p aria-live="polite">{intro}</p>
      <Form onSubmit={(event) => void onSubmit(event)} data-testid="confirm-form" aria-label={t('auth.confirmTitle')}>
        <AuthField id="confirm-code" label={t('auth.code')} inputMode="numeric" autoComplete="one-time-code"
          value={code} onChange={setCode} />
        {errorKey && <Alert variant="danger" role="alert" data-testid="auth-error">{t(errorKey)}</Alert>}
        <AuthSubmit working={working} label={t('auth.submitConfirm')} testId="confirm-submit" />
      </Form>
      <ResendCodeButton email={email} signInPath={signInPath} />
    </div>
  );
}
