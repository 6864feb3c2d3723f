import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** Each page names itself in the tab title, which screen readers announce on navigation. */
export function usePageTitle(title: string | null) {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
