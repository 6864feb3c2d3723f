import Card from 'react-bootstrap/Card';
import { Link } from 'react-router';
import type { Book } from '../api/apiSlice';
import { useI18n } from '../i18n/I18nContext';
import { BookCover } from './BookCover';

export function BookCard({ book, eager = false }: { book: Book; eager?: boolean }) {
  const { t, formatPrice } = useI18n();
  return (
    <Card className="h-100 book-card" data-testid={`book-card-${book.id}`}>
      <Link to={`/books/${encodeURIComponent(book.id)}`} className="text-decoration-none" tabIndex={-1} aria-hidden="true">
        <BookCover book={book} eager={eager} />
      </Link>
      <Card.Body>
        <Card.Title as="h2" className="h6">
          <Link to={`/books/${encodeURIComponent(book.id)}`}>{book.name}</Link>
        </Card.Title>
        <Card.Text className="small text-body-secondary mb-1">{t('book.by', { author: book.author })}</Card.Text>
        <Card.Text className="fw-semibold">{formatPrice(book.price)}</Card.Text>
      </Card.Body>
    </Card>
  );
}
