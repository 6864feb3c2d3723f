import type { ReactNode } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Spinner from 'react-bootstrap/Spinner';
import { asApiError } from '../api/apiSlice';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  children: ReactNode;
}

/** The loading and error states every data-backed view shares; children render once data is in. */
export function QueryStatus({ isLoading, error, onRetry, children }: Props) {
  const { t } = useI18n();
  const apiError = asApiError(error);
  if (isLoading) {
    return (
      <div className="d-flex align-items-center gap-2 my-4" role="status" data-testid="loading">
        <Spinner animation="border" size="sm" aria-hidden="true" />
        <span>{t('status.loading')}</span>
      </div>
    );
  }
  if (apiError) {
    return (
      <Alert variant={apiError.kind === 'unavailable' ? 'warning' : 'danger'} className="my-3">
        <ErrorMessage error={apiError} />
        <div className="mt-2">
          <Button variant="outline-dark" size="sm" onClick={onRetry} data-testid="retry">
            {t('status.retry')}
          </Button>
        </div>
      </Alert>
    );
  }
  return <>{children}</>;
}
