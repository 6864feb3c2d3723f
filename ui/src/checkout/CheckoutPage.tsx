import { useRef } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import ListGroup from 'react-bootstrap/ListGroup';
import Spinner from 'react-bootstrap/Spinner';
import { Link, useNavigate } from 'react-router';
import { asApiError, useGetCartQuery, usePlaceOrderMutation } from '../api/apiSlice';
import { useAppSelector } from '../app/hooks';
import { usePageTitle } from '../app/usePageTitle';
import { selectSession } from '../auth/authSlice';
import { ErrorMessage } from '../feedback/ErrorMessage';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { PriceChangeNotice } from '../cart/PriceChangeNotice';
import { forgetPricesSeen, priceChanges } from '../cart/pricesSeen';
import { cartFingerprint, completeAttempt, idempotencyKeyFor } from './checkoutAttempt';

export default function CheckoutPage() {
  const { t, formatPrice } = useI18n();
  usePageTitle(t('checkout.title'));
  const navigate = useNavigate();
  const session = useAppSelector(selectSession);
  const { data: cart, isLoading, error, refetch } = useGetCartQuery();
  const [placeOrder, placing] = usePlaceOrderMutation();
  // A second click can land before React re-renders the disabled button.
  const inFlight = useRef(false);

  async function onPlaceOrder() {
    if (!cart || !session || inFlight.current) return;
    inFlight.current = true;
    const idempotencyKey = idempotencyKeyFor(sessionStorage, cartFingerprint(session.sub, cart));
    try {
      const result = await placeOrder({ idempotencyKey });
      if ('data' in result && result.data) {
        completeAttempt(sessionStorage);
        forgetPricesSeen(localStorage, cart.items.map((line) => line.bookId));
        navigate(`/orders/${encodeURIComponent(result.data.orderId)}/confirmation`, { replace: true });
      }
    } finally {
      inFlight.current = false;
    }
  }

  const placeError = asApiError(placing.error);
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {cart && cart.items.length === 0 && (
          <div data-testid="checkout-empty">
            <p>{t('checkout.empty')}</p>
            <Link to="/">{t('cart.browse')}</Link>
          </div>
        )}
        {cart && cart.items.length > 0 && (
          <>
            <p>{t('checkout.review')}</p>
            <PriceChangeNotice changes={priceChanges(localStorage, cart.items)} />
            <ListGroup as="ul" className="mb-3" data-testid="checkout-lines">
              {cart.items.map((line) => (
                <ListGroup.Item
                  as="li"
                  key={line.bookId}
                  className="d-flex justify-content-between gap-3"
                  data-testid={`checkout-line-${line.bookId}`}
                >
                  <span>
                    {line.book?.name ?? t('cart.bookGone')} × {line.quantity}
                    {line.unitPrice !== null && (
                      <span className="d-block small text-body-secondary" data-testid="line-unit-price">
                        {t('checkout.each', { price: formatPrice(line.unitPrice) })}
                      </span>
                    )}
                  </span>
                  <span data-testid="line-total">{line.lineTotal === null ? '–' : formatPrice(line.lineTotal)}</span>
                </ListGroup.Item>
              ))}
              <ListGroup.Item as="li" className="d-flex justify-content-between fw-bold">
                <span>{t('cart.total')}</span>
                <span data-testid="checkout-total">{formatPrice(cart.total)}</span>
              </ListGroup.Item>
            </ListGroup>
            <p className="small text-body-secondary" data-testid="current-prices">{t('cart.currentPrices')}</p>
            {placeError && (
              <Alert variant={placeError.kind === 'unavailable' ? 'warning' : 'danger'} data-testid="checkout-error">
                {placeError.kind === 'http' && placeError.code === 'checkout_rate_limited' ? (
                  // the API's per-customer limit (429): waiting helps, trying again at once does not
                  <p className="mb-0" role="alert" data-testid="checkout-rate-limited">
                    {t('checkout.rateLimited')}
                  </p>
                ) : (
                  <>
                    <ErrorMessage error={placeError} />
                    <p className="mb-0 mt-2">{t('checkout.retrySafe')}</p>
                  </>
                )}
              </Alert>
            )}
            <div className="d-flex justify-content-between align-items-center">
              <Link to="/cart">{t('checkout.backToCart')}</Link>
              <Button size="lg" onClick={onPlaceOrder} disabled={placing.isLoading} data-testid="place-order">
                {placing.isLoading && <Spinner animation="border" size="sm" className="me-2" aria-hidden="true" />}
                {placing.isLoading ? t('checkout.placing') : t('checkout.placeOrder')}
              </Button>
            </div>
          </>
        )}
      </QueryStatus>
    </>
  );
}
