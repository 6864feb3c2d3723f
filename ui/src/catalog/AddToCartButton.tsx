import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import { Link, useLocation, useNavigate } from 'react-router';
import { asApiError, useAddToCartMutation, type Book } from '../api/apiSlice';
import { useAppSelector } from '../app/hooks';
import { selectIsSignedIn } from '../auth/authSlice';
import { signInPath } from '../auth/signInRedirect';
import { rememberPriceSeen } from '../cart/pricesSeen';
import { ErrorMessage } from '../feedback/ErrorMessage';
import { useI18n } from '../i18n/I18nContext';

/** Adds one copy; a guest is sent to sign in and brought back to this page. */
export function AddToCartButton({ book }: { book: Pick<Book, 'id' | 'name' | 'price'> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = useAppSelector(selectIsSignedIn);
  const [addToCart, { isLoading, error }] = useAddToCartMutation();
  const [added, setAdded] = useState(false);

  async function onClick() {
    if (!signedIn) {
      navigate(signInPath(location.pathname + location.search));
      return;
    }
    setAdded(false);
    const result = await addToCart({ bookId: book.id, quantity: 1 });
    if (!('error' in result)) {
      rememberPriceSeen(localStorage, book.id, book.price);
      setAdded(true);
    }
  }

  const apiError = asApiError(error);
  return (
    <div>
      <Button
        onClick={onClick}
        disabled={isLoading}
        data-testid={`add-to-cart-${book.id}`}
        aria-label={t('book.addToCartNamed', { name: book.name })}
      >
        {isLoading ? t('book.adding') : t('book.addToCart')}
      </Button>
      <div aria-live="polite" className="mt-2 small">
        {added && (
          <span data-testid="added-to-cart">
            {t('book.added')} <Link to="/cart">{t('book.viewCart')}</Link>
          </span>
        )}
        {apiError && <ErrorMessage error={apiError} />}
      </div>
    </div>
  );
}
