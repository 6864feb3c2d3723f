import Form from 'react-bootstrap/Form';
import { useI18n } from './I18nContext';
import { isLanguage, LANGUAGES } from './i18n';

export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Form.Group controlId="language-switcher" className="d-flex align-items-center gap-2">
      <Form.Label className="mb-0 text-light small">{t('language.label')}</Form.Label>
      <Form.Select
        size="sm"
        value={language}
        data-testid="language-switcher"
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {Object.entries(LANGUAGES).map(([code, { label }]) => (
          <option key={code} value={code} lang={code}>
            {label}
          </option>
        ))}
      </Form.Select>
    </Form.Group>
  );
}
