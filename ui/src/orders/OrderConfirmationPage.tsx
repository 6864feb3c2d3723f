import { Link, useParams } from 'react-router';
import { useGetOrderQuery } from '../api/apiSlice';
import { usePageTitle } from '../app/usePageTitle';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { OrderSummary } from './OrderSummary';

export default function OrderConfirmationPage() {
  const { t } = useI18n();
  usePageTitle(t('confirmation.title'));
  const orderId = useParams().orderId ?? '';
  const { data: order, isLoading, error, refetch } = useGetOrderQuery(orderId);
  return (
    <section data-testid="order-confirmation">
      <h1>{t('confirmation.title')}</h1>
      <p className="lead" data-testid="confirmation-order-id">
        {t('confirmation.number', { orderId })}
      </p>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {order && <OrderSummary order={order} />}
      </QueryStatus>
      <Link to="/orders">{t('confirmation.viewOrders')}</Link>
    </section>
  );
}
