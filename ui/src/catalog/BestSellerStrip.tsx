import { Link } from 'react-router';
import { useGetBestSellersQuery } from '../api/apiSlice';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { BookCover } from './BookCover';

const STRIP_LENGTH = 6;

export function BestSellerStrip() {
  const { t } = useI18n();
  const { data, isLoading, error, refetch } = useGetBestSellersQuery();
  return (
    <section aria-labelledby="home-bestsellers">
      <div className="d-flex justify-content-between align-items-baseline">
        <h2 id="home-bestsellers" className="h4">{t('home.bestSellers')}</h2>
        <Link to="/bestsellers">{t('home.allBestSellers')}</Link>
      </div>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {data && data.items.length === 0 && <p>{t('bestSellers.empty')}</p>}
        {data?.items.some(({ sold }) => sold === null) && (
          <p className="small text-body-secondary" data-testid="bestsellers-figures-unavailable">
            {t('bestSellers.figuresUnavailable')}
          </p>
        )}
        <ol className="bestseller-strip list-unstyled" data-testid="bestseller-strip">
          {data?.items.slice(0, STRIP_LENGTH).map(({ book, sold }) => (
            <li key={book.id}>
              <Link to={`/books/${encodeURIComponent(book.id)}`} className="text-decoration-none">
                <BookCover book={book} />
                <span className="d-block small fw-semibold mt-1">{book.name}</span>
              </Link>
              {sold !== null && (
                <span className="d-block small text-body-secondary" data-testid="copies-sold">
                  {t('bestSellers.sold', { count: sold })}
                </span>
              )}
            </li>
          ))}
        </ol>
      </QueryStatus>
    </section>
  );
}
