import Card from 'react-bootstrap/Card';
import Table from 'react-bootstrap/Table';
import type { Order } from '../api/apiSlice';
import { useI18n } from '../i18n/I18nContext';

export function OrderSummary({ order, headingLevel = 'h2' }: { order: Order; headingLevel?: 'h2' | 'h3' }) {
  const { t, formatPrice, formatDateTime } = useI18n();
  const Heading = headingLevel;
  const placed = new Date(order.createdAt);
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
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.bookId}>
                <td>{line.name}</td>
                <td className="text-end">× {line.quantity}</td>
                <td className="text-end">{formatPrice(line.price)}</td>
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
