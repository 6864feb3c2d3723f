import { useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Form from 'react-bootstrap/Form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { usePageTitle } from '../app/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { AuthField, AuthSubmit } from './AuthField';
import { authErrorKey } from './authErrorKey';
import { confirmSignUp, signIn, signUp } from './authSlice';
import { passwordRules, unmetPasswordRules, type PasswordRule } from './passwordPolicy';
import { NEXT_PARAM, safeNext } from './signInRedirect';

type Step = 'details' | 'confirm';

/** Sign up, then the code Cognito emailed; on success the shopper is signed in and sent on. */
export default function SignUpPage() {
  const { t, formatList } = useI18n();
  const passwordPolicy = useAppSelector((state) => state.config.cognito.passwordPolicy);
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
  const [missingRules, setMissingRules] = useState<PasswordRule[]>([]);

  const describeRules = (rules: PasswordRule[]) =>
    formatList(rules.map((rule) => t(`auth.passwordRule.${rule}`, { length: passwordPolicy.minimumLength })));

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
    // The pool's policy comes with config.json, so a weak password is explained here, rule by rule,
    // rather than by Cognito's one generic InvalidPasswordException.
    const missing = unmetPasswordRules(password, passwordPolicy);
    setMissingRules(missing);
    if (missing.length > 0) {
      setErrorKey(null);
      return;
    }
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

  const errorText = errorKey ? t(errorKey)
    : missingRules.length > 0 ? t('auth.passwordMissing', { rules: describeRules(missingRules) }) : null;
  const error = errorText && <Alert variant="danger" role="alert" data-testid="auth-error">{errorText}</Alert>;

  if (step === 'confirm') {
    return (
      <div className="auth-form">
        <h1>{t('auth.confirmTitle')}</h1>
        <p aria-live="polite">{t('auth.codeSent', { email })}</p>
        <Form onSubmit={onConfirm} data-testid="confirm-form" aria-label={t('auth.confirmTitle')}>
          <AuthField id="confirm-code" label={t('auth.code')} inputMode="numeric" autoComplete="one-time-code"
            value={code} onChange={setCode} />
          {error}
          <AuthSubmit working={working} label={t('auth.submitConfirm')} testId="confirm-submit" />
        </Form>
      </div>
    );
  }

  return (
    <div className="auth-form">
      <h1>{t('auth.signUpTitle')}</h1>
      <Form onSubmit={onSignUp} data-testid="sign-up-form" aria-label={t('auth.signUpTitle')}>
        <AuthField id="sign-up-email" label={t('auth.email')} type="email" autoComplete="email"
          value={email} onChange={setEmail} />
        <AuthField id="sign-up-password" label={t('auth.password')} type="password" autoComplete="new-password"
          value={password} onChange={setPassword}
          hint={t('auth.passwordHint', { rules: describeRules(passwordRules(passwordPolicy)) })} />
        {error}
        <AuthSubmit working={working} label={t('auth.submitSignUp')} testId="sign-up-submit" />
      </Form>
      <p className="mt-3">
        <Link to={`/signin?${NEXT_PARAM}=${encodeURIComponent(next)}`}>{t('auth.haveAccount')}</Link>
      </p>
    </div>
  );
}
