import type { ApiError } from '../api/apiSlice';
import { useI18n } from '../i18n/I18nContext';

/** One sentence a shopper can act on, for any API error; 503 means a failover is under way. */
export function ErrorMessage({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const text = (() => {
    switch (error.kind) {
      case 'unavailable':
        return t('status.unavailable');
      case 'network':
        return t('status.networkError');
      case 'unauthorized':
        return t('status.sessionExpired');
      case 'notFound':
        return t('status.notFound');
      case 'http':
        return t('status.error', { message: error.message });
    }
  })();
  return (
    <p className="mb-0" role="alert" data-testid={`error-${error.kind}`}>
      {text}
    </p>
  );
}
