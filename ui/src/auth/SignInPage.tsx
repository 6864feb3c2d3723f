import { useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Form from 'react-bootstrap/Form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAppDispatch } from '../app/hooks';
import { usePageTitle } from '../app/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { AuthField, AuthSubmit } from './AuthField';
import { authErrorKey } from './authErrorKey';
import { signIn } from './authSlice';
import { NEXT_PARAM, safeNext } from './signInRedirect';

export default function SignInPage() {
  const { t } = useI18n();
  usePageTitle(t('auth.signInTitle'));
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get(NEXT_PARAM));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const [errorKey, setErrorKey] = useState<MessageKey | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setErrorKey(null);
    try {
      await dispatch(signIn(email.trim(), password));
      navigate(next, { replace: true });
    } catch (error) {
      setErrorKey(authErrorKey(error));
      setWorking(false);
    }
  }

  return (
    <div className="auth-form">
      <h1>{t('auth.signInTitle')}</h1>
      {next !== '/' && <Alert variant="info">{t('auth.signInToBuy')}</Alert>}
      {params.has('confirmed') && <Alert variant="success">{t('auth.confirmed')}</Alert>}
      <Form onSubmit={onSubmit} data-testid="sign-in-form" aria-label={t('auth.signInTitle')}>
        <AuthField id="sign-in-email" label={t('auth.email')} type="email" autoComplete="username"
          value={email} onChange={setEmail} />
        <AuthField id="sign-in-password" label={t('auth.password')} type="password" autoComplete="current-password"
          value={password} onChange={setPassword} />
        {errorKey && (
          <Alert variant="danger" role="alert" data-testid="auth-error">
            {t(errorKey)}{' '}
            {errorKey === 'auth.error.UserNotConfirmedException' && (
              <Link to={`/signup?step=confirm&email=${encodeURIComponent(email.trim())}&${NEXT_PARAM}=${encodeURIComponent(next)}`}>
                {t('auth.enterCode')}
              </Link>
            )}
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
