import { Link } from 'react-router';
import { useListOrdersQuery } from '../api/apiSlice';
import { usePageTitle } from '../app/usePageTitle';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { OrderSummary } from './OrderSummary';

export default function OrdersPage() {
  const { t } = useI18n();
  usePageTitle(t('orders.title'));
  const { data, isLoading, error, refetch } = useListOrdersQuery();
  const orders = data?.items; // newest first, as the API sends them
  return (
    <>
      <h1>{t('orders.title')}</h1>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {orders && orders.length === 0 && (
          <div data-testid="orders-empty">
            <p>{t('orders.empty')}</p>
            <Link to="/">{t('cart.browse')}</Link>
          </div>
        )}
        {orders && orders.length > 0 && (
          <ol className="list-unstyled" data-testid="order-list" aria-label={t('orders.title')}>
            {orders.map((order) => (
              <li key={order.orderId}>
                <OrderSummary order={order} />
              </li>
            ))}
          </ol>
        )}
      </QueryStatus>
    </>
  );
}
