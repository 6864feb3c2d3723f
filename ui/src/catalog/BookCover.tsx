import { useState } from 'react';
import type { Book } from '../api/apiSlice';
import { useI18n } from '../i18n/I18nContext';
import { sameSiteCover } from './coverUrl';

interface Props {
  book: Pick<Book, 'name' | 'author' | 'cover'>;
  size?: 'small' | 'large';
  /** Above the fold on a first load: fetched at once, as a lazy image would delay the largest paint. */
  eager?: boolean;
}

/** The cover served by the site, or a styled placeholder with title and author when it fails. */
export function BookCover({ book, size = 'small', eager = false }: Props) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const className = `book-cover book-cover-${size}`;
  const cover = sameSiteCover(book.cover);
  if (!cover || failed) {
    return (
      <div className={`${className} book-cover-placeholder`} role="img" aria-label={t('book.coverAlt', { name: book.name })}>
        <span className="book-cover-title">{book.name}</span>
        <span className="book-cover-author">{book.author}</span>
      </div>
    );
  }
  return (
    <img
      className={className}
      src={cover}
      alt={t('book.coverAlt', { name: book.name })}
      loading={eager ? 'eager' : 'lazy'}
      onError={() => setFailed(true)}
    />
  );
}
