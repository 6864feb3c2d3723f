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
import { signIn, signUp } from './authSlice';
import { ConfirmStep } from './ConfirmStep';
import { passwordRules, unmetPasswordRules, type PasswordRule } from './passwordPolicy';
import { NEXT_PARAM, safeNext, signInPath } from './signInRedirect';

type Step = 'details' | 'confirm';

/** Sign up, then the code Cognito emailed; on success the shopper is signed in and sent on. */
export default function SignUpPage() {
  const { t, formatList } = useI18n();
  const passwordPolicy = useAppSelector((state) => state.config.cognito.passwordPolicy);
  // The secondary region's user pool is a read-only replica: it signs shoppers in but creates no accounts.
  const standby = useAppSelector((state) => state.config.role === 'secondary');
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get(NEXT_PARAM));
  // A link with ?step=confirm&email=... opens the confirmation step for an earlier sign-up.
  const [step, setStep] = useState<Step>(params.get('step') === 'confirm' ? 'confirm' : 'details');
  usePageTitle(t(step === 'details' ? 'auth.signUpTitle' : 'auth.confirmTitle'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const [errorKey, setErrorKey] = useState<MessageKey | null>(null);
  const [missingRules, setMissingRules] = useState<PasswordRule[]>([]);

  const signInByHand = `${signInPath(next, email.trim())}&confirmed=1`;

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

  async function onConfirmed() {
    if (!password) {
      navigate(signInByHand); // came here by link: the password was not typed on this page
      return;
    }
    try {
      await dispatch(signIn(email.trim(), password));
      navigate(next, { replace: true });
    } catch {
      navigate(signInByHand);
    }
  }

  const errorText = errorKey ? t(errorKey)
    : missingRules.length > 0 ? t('auth.passwordMissing', { rules: describeRules(missingRules) }) : null;
  const error = errorText && <Alert variant="danger" role="alert" data-testid="auth-error">{errorText}</Alert>;

  if (step === 'confirm') {
    return (
      <ConfirmStep email={email} signInPath={signInPath(next, email.trim())} onConfirmed={onConfirmed}
        intro={t(password ? 'auth.codeSent' : 'auth.codeSentEarlier', { email })} />
    );
  }

  return (
    <div className="auth-form">
      <h1>{t('auth.signUpTitle')}</h1>
      {standby && <Alert variant="info" role="status" data-testid="sign-up-unavailable">{t('auth.signUpUnavailable')}</Alert>}
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
