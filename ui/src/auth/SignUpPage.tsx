import { useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAppDispatch } from '../app/hooks';
import { usePageTitle } from '../app/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { authErrorKey } from './authErrorKey';
import { confirmSignUp, signIn, signUp } from './authSlice';
import { NEXT_PARAM, safeNext } from './signInRedirect';

type Step = 'details' | 'confirm';

/** Sign up, then the code Cognito emailed; on success the shopper is signed in and sent on. */
export default function SignUpPage() {
  const { t } = useI18n();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get(NEXT_PARAM));
  // Sign-in sends an unconfirmed shopper here with ?step=confirm&email=... to enter the code.
  const [step, setStep] = useState<Step>(params.get('step') === 'confirm' ? 'confirm' : 'details');
  usePageTitle(t(step === 'details' ? 'auth.signUpTitle' : 'auth.confirmTitle'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [working, setWorking] = useState(false);
  const [errorKey, setErrorKey] = useState<MessageKey | null>(null);

  async function run(action: () => Promise<void>) {
    setWorking(true);
    setErrorKey(null);
    try {
      await action();
    } catch (error) {
      setErrorKey(authErrorKey(error));
    } finally {
      setWorking(false);
    }
  }

  function onSignUp(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await dispatch(signUp(email.trim(), password));
      setStep('confirm');
    });
  }

  function onConfirm(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await dispatch(confirmSignUp(email.trim(), code.trim()));
      const signInByHand = `/signin?confirmed=1&email=${encodeURIComponent(email.trim())}&${NEXT_PARAM}=${encodeURIComponent(next)}`;
      if (!password) {
        navigate(signInByHand); // came from sign-in: the password was not typed on this page
        return;
      }
      try {
        await dispatch(signIn(email.trim(), password));
        navigate(next, { replace: true });
      } catch {
        navigate(signInByHand);
      }
    });
  }

  const error = errorKey && <Alert variant="danger" role="alert" data-testid="auth-error">{t(errorKey)}</Alert>;

  if (step === 'confirm') {
    return (
      <div className="auth-form">
        <h1>{t('auth.confirmTitle')}</h1>
        <p aria-live="polite">{t('auth.codeSent', { email })}</p>
        <Form onSubmit={onConfirm} data-testid="confirm-form" aria-label={t('auth.confirmTitle')}>
          <Form.Group className="mb-3" controlId="confirm-code">
            <Form.Label>{t('auth.code')}</Form.Label>
            <Form.Control inputMode="numeric" autoComplete="one-time-code" required value={code}
              onChange={(event) => setCode(event.target.value)} data-testid="confirm-code" />
          </Form.Group>
          {error}
          <Button type="submit" disabled={working} data-testid="confirm-submit">
            {working ? t('auth.working') : t('auth.submitConfirm')}
          </Button>
        </Form>
      </div>
    );
  }

  return (
    <div className="auth-form">
      <h1>{t('auth.signUpTitle')}</h1>
      <Form onSubmit={onSignUp} data-testid="sign-up-form" aria-label={t('auth.signUpTitle')}>
        <Form.Group className="mb-3" controlId="sign-up-email">
          <Form.Label>{t('auth.email')}</Form.Label>
          <Form.Control type="email" autoComplete="email" required value={email}
            onChange={(event) => setEmail(event.target.value)} data-testid="sign-up-email" />
        </Form.Group>
        <Form.Group className="mb-3" controlId="sign-up-password">
          <Form.Label>{t('auth.password')}</Form.Label>
          <Form.Control type="password" autoComplete="new-password" required minLength={8} value={password}
            aria-describedby="sign-up-password-hint"
            onChange={(event) => setPassword(event.target.value)} data-testid="sign-up-password" />
          <Form.Text id="sign-up-password-hint">{t('auth.passwordHint')}</Form.Text>
        </Form.Group>
        {error}
        <Button type="submit" disabled={working} data-testid="sign-up-submit">
          {working ? t('auth.working') : t('auth.submitSignUp')}
        </Button>
      </Form>
      <p className="mt-3">
        <Link to={`/signin?${NEXT_PARAM}=${encodeURIComponent(next)}`}>{t('auth.haveAccount')}</Link>
      </p>
    </div>
  );
}
