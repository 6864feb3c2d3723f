import Form from 'react-bootstrap/Form';
import { useI18n } from './I18nContext';
import { isLanguage, LANGUAGES } from './i18n';

/** `labelHidden`: the label is read out but not shown (the header, where the select's value says enough). */
export function LanguageSwitcher({ labelHidden = false }: { labelHidden?: boolean }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Form.Group controlId="language-switcher" className="d-flex align-items-center gap-2">
      <Form.Label className="mb-0 text-light small" visuallyHidden={labelHidden}>
        {t('language.label')}
      </Form.Label>
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
