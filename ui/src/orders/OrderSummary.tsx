import Card from 'react-bootstrap/Card';
import Table from 'react-bootstrap/Table';
import { placedAt, type Order } from '../api/apiSlice';
import { useI18n } from '../i18n/I18nContext';

/** One order as the API wrote it: each line's unit price, quantity and line total, then the order total. */
export function OrderSummary({ order, headingLevel = 'h2' }: { order: Order; headingLevel?: 'h2' | 'h3' }) {
  const { t, formatPrice, formatDateTime } = useI18n();
  const Heading = headingLevel;
  const placed = placedAt(order);
  return (
    <Card as="article" className="mb-3" data-testid={`order-${order.orderId}`}>
      <Card.Header className="d-flex flex-wrap justify-content-between gap-2">
        <Heading className="h6 mb-0">{t('orders.order', { orderId: order.orderId })}</Heading>
        <time dateTime={placed.toISOString()} data-testid="order-date">
          {t('orders.placedOn', { date: formatDateTime(placed) })}
        </time>
      </Card.Header>
      <Card.Body>
        <Table size="sm" className="mb-2" aria-label={t('orders.items')}>
          <thead>
            <tr>
              <th scope="col">{t('cart.book')}</th>
              <th scope="col" className="text-end">{t('cart.unitPrice')}</th>
              <th scope="col" className="text-end">{t('cart.quantity')}</th>
              <th scope="col" className="text-end">{t('cart.lineTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((line) => (
              <tr key={line.bookId} data-testid={`order-line-${line.bookId}`}>
                <td>
                  {line.name}
                  <span className="d-block small text-body-secondary">{line.author}</span>
                </td>
                <td className="text-end" data-testid="line-unit-price">{formatPrice(line.unitPrice)}</td>
                <td className="text-end" data-testid="line-quantity">{line.quantity}</td>
                <td className="text-end" data-testid="line-total">{formatPrice(line.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="text-end fw-bold mb-0" data-testid="order-total">
          {t('orders.total', { amount: formatPrice(order.total) })}
        </p>
      </Card.Body>
    </Card>
  );
}
