import { useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Form from 'react-bootstrap/Form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAppDispatch } from '../app/hooks';
import { usePageTitle } from '../app/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { AuthField, AuthSubmit } from './AuthField';
import { authErrorKey } from './authErrorKey';
import { signIn } from './authSlice';
import { CognitoError } from './cognitoClient';
import { ConfirmStep } from './ConfirmStep';
import { NEXT_PARAM, safeNext, signInPath } from './signInRedirect';

export default function SignInPage() {
  const { t } = useI18n();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get(NEXT_PARAM));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const [errorKey, setErrorKey] = useState<MessageKey | null>(null);
  // Signed up but never confirmed: the confirmation step opens here, so the password just typed
  // can sign the shopper in once the code is accepted (it never goes into a URL or history state).
  // Keyed by the navigation, so the step's own "sign in" link (already confirmed) shows the form again.
  const location = useLocation();
  const [confirmingAt, setConfirmingAt] = useState<string | null>(null);
  const confirming = confirmingAt === location.key;
  const [confirmed, setConfirmed] = useState(params.has('confirmed'));
  usePageTitle(t(confirming ? 'auth.confirmTitle' : 'auth.signInTitle'));

  async function attemptSignIn() {
    setWorking(true);
    setErrorKey(null);
    try {
      await dispatch(signIn(email.trim(), password));
      navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof CognitoError && error.code === 'UserNotConfirmedException') {
        setConfirmingAt(location.key);
      } else {
        setErrorKey(authErrorKey(error));
      }
      setWorking(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void attemptSignIn();
  }

  async function onConfirmed() {
    setConfirmingAt(null);
    setConfirmed(true);
    await attemptSignIn();
  }

  if (confirming) {
    return (
      <ConfirmStep email={email} intro={t('auth.codeSentEarlier', { email: email.trim() })}
        signInPath={signInPath(next, email.trim())} onConfirmed={onConfirmed} />
    );
  }

  return (
    <div className="auth-form">
      <h1>{t('auth.signInTitle')}</h1>
      {next !== '/' && <Alert variant="info">{t('auth.signInToBuy')}</Alert>}
      {confirmed && <Alert variant="success">{t('auth.confirmed')}</Alert>}
      <Form onSubmit={onSubmit} data-testid="sign-in-form" aria-label={t('auth.signInTitle')}>
        <AuthField id="sign-in-email" label={t('auth.email')} type="email" autoComplete="username"
          value={email} onChange={setEmail} />
        <AuthField id="sign-in-password" label={t('auth.password')} type="password" autoComplete="current-password"
          value={password} onChange={setPassword} />
        {errorKey && (
          <Alert variant="danger" role="alert" data-testid="auth-error">
            {t(errorKey)}
          </Alert>
        )}
        <AuthSubmit working={working} label={t('auth.submitSignIn')} testId="sign-in-submit" />
      </Form>
      <p className="mt-3">
        <Link to={`/signup?${NEXT_PARAM}=${encodeURIComponent(next)}`}>{t('auth.noAccount')}</Link>
      </p>
    </div>
  );
}
