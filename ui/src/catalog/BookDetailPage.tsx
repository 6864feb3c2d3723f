import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link, useParams } from 'react-router';
import { useGetBookQuery } from '../api/apiSlice';
import { usePageTitle } from '../app/usePageTitle';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { AddToCartButton } from './AddToCartButton';
import { BookCover } from './BookCover';
import { categoryLabelKey, categorySlug, isCategory } from './categories';

export default function BookDetailPage() {
  const { t, formatPrice } = useI18n();
  const bookId = useParams().bookId ?? '';
  const { data: book, isLoading, error, refetch } = useGetBookQuery(bookId);
  usePageTitle(book?.name ?? null);

  return (
    <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
      {book && (
        <article data-testid="book-detail">
          {isCategory(book.category) && (
            <p>
              <Link to={`/category/${categorySlug(book.category)}`}>
                {t('book.backToCategory', { category: t(categoryLabelKey(book.category)) })}
              </Link>
            </p>
          )}
          <Row className="g-4">
            <Col md={4}>
              <BookCover book={book} size="large" eager />
            </Col>
            <Col md={8}>
              <h1>{book.name}</h1>
              <p className="lead">{t('book.by', { author: book.author })}</p>
              <p className="rating">
                <span aria-hidden="true">{'★'.repeat(book.rating)}{'☆'.repeat(Math.max(0, 5 - book.rating))}</span>
                <span className="visually-hidden">{t('book.rating', { rating: book.rating })}</span>
              </p>
              <p className="fs-4 fw-semibold" data-testid="book-price">
                <span className="visually-hidden">{t('book.price')}: </span>
                {formatPrice(book.price)}
              </p>
              <AddToCartButton book={book} />
            </Col>
          </Row>
        </article>
      )}
    </QueryStatus>
  );
}
