import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { useParams } from 'react-router';
import { useListBooksQuery } from '../api/apiSlice';
import { NotFoundPage } from '../app/NotFoundPage';
import { usePageTitle } from '../app/usePageTitle';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { BookCard } from './BookCard';
import { categoryFromSlug, categoryLabelKey, type Category } from './categories';

export const CATEGORY_PAGE_SIZE = 12;
// The widest row of the grid below (lg={6}): those covers are in view on a first load.
const FIRST_ROW = 6;

export default function CategoryPage() {
  const category = categoryFromSlug(useParams().category);
  // Remount per category so paging starts again at page one.
  return category ? <CategoryBooks key={category} category={category} /> : <NotFoundPage />;
}

function CategoryBooks({ category }: { category: Category }) {
  const { t } = useI18n();
  const title = t(categoryLabelKey(category));
  usePageTitle(title);
  // Cursors of the pages seen so far: the API pages forward only, so "previous" walks this back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length;
  const cursor = cursors[page - 1] ?? null;
  const { data, isFetching, isLoading, error, refetch } = useListBooksQuery({
    category,
    cursor,
    limit: CATEGORY_PAGE_SIZE,
  });

  return (
    <>
      <h1>{title}</h1>
      <QueryStatus isLoading={isLoading || isFetching} error={error} onRetry={refetch}>
        {data && data.items.length === 0 && <p data-testid="category-empty">{t('category.empty')}</p>}
        <Row xs={2} sm={3} md={4} lg={6} className="g-3 list-unstyled ps-0" as="ul" data-testid="book-list" aria-label={title}>
          {data?.items.map((book, index) => (
            <Col as="li" key={book.id} className="list-unstyled">
              <BookCard book={book} eager={index < FIRST_ROW} />
            </Col>
          ))}
        </Row>
      </QueryStatus>
      {/* Shown once a page of books is there: drawn above the list while it loads, it would jump down. */}
      {data && (
        <nav aria-label={t('category.pagination')} className="d-flex align-items-center gap-3 mt-4">
          <Button
            variant="outline-secondary"
            disabled={page === 1}
            onClick={() => setCursors((seen) => seen.slice(0, -1))}
            data-testid="previous-page"
          >
            {t('category.previous')}
          </Button>
          <span aria-live="polite">{t('category.page', { page })}</span>
          <Button
            variant="outline-secondary"
            disabled={!data?.nextCursor || isFetching}
            onClick={() => data?.nextCursor && setCursors((seen) => [...seen, data.nextCursor])}
            data-testid="next-page"
          >
            {t('category.next')}
          </Button>
        </nav>
      )}
    </>
  );
}
