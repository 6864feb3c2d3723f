import { useEffect, useRef, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import { Link } from 'react-router';
import { useAppDispatch } from '../app/hooks';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { authErrorKey } from './authErrorKey';
import { resendConfirmationCode } from './authSlice';
import { CognitoError } from './cognitoClient';

/**
 * How long "Send a new code" stays disabled after a code went out (or Cognito said "too many").
 * Every resend replaces the previous code, so a second click while the first e-mail is still on its
 * way would only make that e-mail useless; and Cognito answers LimitExceededException after a few
 * resends for one user, which locks the shopper out for much longer than this.
 */
export const RESEND_COOLDOWN_MS = 30_000;

function resendErrorKey(error: unknown): MessageKey {
  if (error instanceof CognitoError) {
    // Cognito has no exception of its own for this case; its message is the only tell.
    if (error.code === 'InvalidParameterException' && /already confirmed/i.test(error.message)) {
      return 'auth.resend.alreadyConfirmed';
    }
    if (error.code === 'UserNotFoundException') return 'auth.resend.unknownUser';
    if (error.code === 'LimitExceededException') return 'auth.resend.limitExceeded';
  }
  return authErrorKey(error);
}

interface Props {
  email: string;
  /** Where to send a shopper whose account turns out to be confirmed already. */
  signInPath: string;
}

/** "Send a new code" on the confirmation step: says where the code went, one request at a time. */
export function ResendCodeButton({ email, signInPath }: Props) {
  const { t } = useI18n();
  const dispatch = useAppDispatch();
  const [sending, setSending] = useState(false);
  const [coolingDown, setCoolingDown] = useState(false);
  const [destination, setDestination] = useState<string | null>(null);
  const [errorKey, setErrorKey] = useState<MessageKey | null>(null);
  // State updates land after the next render; the ref stops a second click that arrives before it.
  const inFlight = useRef(false);
  const coolDownTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(coolDownTimer.current), []);

  function coolDown() {
    setCoolingDown(true);
    coolDownTimer.current = setTimeout(() => setCoolingDown(false), RESEND_COOLDOWN_MS);
  }

  async function onResend() {
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setErrorKey(null);
    setDestination(null);
    try {
      const delivery = await dispatch(resendConfirmationCode(email.trim()));
      setDestination(delivery.Destination ?? email.trim());
      coolDown();
    } catch (error) {
      const key = resendErrorKey(error);
      setErrorKey(key);
      if (key === 'auth.resend.limitExceeded') coolDown();
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  return (
    <div className="mt-3">
      <Button type="button" variant="outline-secondary" size="sm" onClick={() => void onResend()}
        disabled={sending || coolingDown} data-testid="resend-code">
        {sending ? t('auth.working') : t('auth.resend.action')}
      </Button>
      <p className="mt-2" aria-live="polite" data-testid="resend-status">
        {destination && t('auth.resend.sent', { destination })}
        {destination && coolingDown && ` ${t('auth.resend.wait', { seconds: RESEND_COOLDOWN_MS / 1000 })}`}
      </p>
      {errorKey && (
        <Alert variant="danger" role="alert" data-testid="resend-error">
          {t(errorKey)}{' '}
          {errorKey === 'auth.resend.alreadyConfirmed' && <Link to={signInPath}>{t('auth.resend.signIn')}</Link>}
        </Alert>
      )}
    </div>
  );
}
