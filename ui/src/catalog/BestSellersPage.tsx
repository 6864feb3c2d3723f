import Alert from 'react-bootstrap/Alert';
import Table from 'react-bootstrap/Table';
import { Link } from 'react-router';
import { useGetBestSellersQuery } from '../api/apiSlice';
import { usePageTitle } from '../app/usePageTitle';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';

export const TOP_BEST_SELLERS = 20;

export default function BestSellersPage() {
  const { t, formatPrice } = useI18n();
  usePageTitle(t('bestSellers.title'));
  const { data, isLoading, error, refetch } = useGetBestSellersQuery();
  const items = data?.items.slice(0, TOP_BEST_SELLERS) ?? [];
  // The top-rated fallback (Redis unreachable) has no sales figures: no count is better than a wrong one.
  const counted = items.some(({ sold }) => sold !== null);

  return (
    <>
      <h1>{t('bestSellers.title')}</h1>
      <p>{t('bestSellers.lead')}</p>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {data?.stale && (
          <Alert variant="info" data-testid="bestsellers-stale">
            {counted ? t('bestSellers.stale') : t('bestSellers.figuresUnavailable')}
          </Alert>
        )}
        {data && items.length === 0 && <p>{t('bestSellers.empty')}</p>}
        {items.length > 0 && (
          <Table responsive striped data-testid="bestseller-list">
            <thead>
              <tr>
                <th scope="col">{t('bestSellers.rank')}</th>
                <th scope="col">{t('cart.book')}</th>
                <th scope="col">{t('book.price')}</th>
                {counted && <th scope="col" className="text-end">{t('bestSellers.copiesSold')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map(({ book, sold }, index) => (
                <tr key={book.id} data-testid={`bestseller-${book.id}`}>
                  <td>{index + 1}</td>
                  <td>
                    <Link to={`/books/${encodeURIComponent(book.id)}`}>{book.name}</Link>
                    <span className="d-block small text-body-secondary">{book.author}</span>
                  </td>
                  <td>{formatPrice(book.price)}</td>
                  {counted && (
                    <td className="text-end" data-testid="copies-sold">
                      {sold ?? <span aria-label={t('bestSellers.noFigure')}>–</span>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </QueryStatus>
    </>
  );
}
