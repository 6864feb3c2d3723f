import Alert from 'react-bootstrap/Alert';
import { useI18n } from '../i18n/I18nContext';
import type { PriceChange } from './pricesSeen';

/** Names each book whose price changed since it was added, and that the current price is charged. */
export function PriceChangeNotice({ changes }: { changes: PriceChange[] }) {
  const { t, formatPrice } = useI18n();
  if (changes.length === 0) return null;
  return (
    <Alert variant="warning" data-testid="price-changed">
      <p className="mb-1">{t('cart.priceChanged')}</p>
      <ul className="mb-0">
        {changes.map((change) => (
          <li key={change.bookId} data-testid={`price-changed-${change.bookId}`}>
            {t('cart.priceChangedLine', { name: change.name, was: formatPrice(change.was), now: formatPrice(change.now) })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
