import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Container from 'react-bootstrap/Container';
import { useI18n } from '../i18n/I18nContext';

/** Shown instead of the app when /config.json is missing or broken; the detail goes to the console. */
export function ConfigErrorPage() {
  const { t } = useI18n();
  return (
    <Container as="main" className="py-5">
      <Alert variant="danger" data-testid="config-error">
        <h1 className="h4">{t('config.errorTitle')}</h1>
        <p>{t('config.errorBody')}</p>
        <Button variant="outline-danger" onClick={() => window.location.reload()}>
          {t('config.reload')}
        </Button>
      </Alert>
    </Container>
  );
}
