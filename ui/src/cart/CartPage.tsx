import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Table from 'react-bootstrap/Table';
import { Link } from 'react-router';
import {
  asApiError,
  useGetCartQuery,
  useRemoveCartLineMutation,
  useUpdateCartLineMutation,
} from '../api/apiSlice';
import { usePageTitle } from '../app/usePageTitle';
import { ErrorMessage } from '../feedback/ErrorMessage';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { PriceChangeNotice } from './PriceChangeNotice';
import { forgetPricesSeen, priceChanges } from './pricesSeen';
import { QuantityInput } from './QuantityInput';

export default function CartPage() {
  const { t, formatPrice } = useI18n();
  usePageTitle(t('cart.title'));
  const { data: cart, isLoading, isFetching, error, refetch } = useGetCartQuery();
  const [updateLine, update] = useUpdateCartLineMutation();
  const [removeLine, removal] = useRemoveCartLineMutation();
  const busy = update.isLoading || removal.isLoading || isFetching;
  const changeError = asApiError(update.error ?? removal.error);
  const changes = cart ? priceChanges(localStorage, cart.items) : [];

  function remove(bookId: string) {
    forgetPricesSeen(localStorage, [bookId]);
    removeLine(bookId);
  }

  return (
    <>
      <h1>{t('cart.title')}</h1>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {cart && cart.items.length === 0 && (
          <div data-testid="cart-empty">
            <p>{t('cart.empty')}</p>
            <Link to="/" className="btn btn-primary">{t('cart.browse')}</Link>
          </div>
        )}
        {cart && cart.items.length > 0 && (
          <>
            <PriceChangeNotice changes={changes} />
            <p className="small text-body-secondary" data-testid="current-prices">{t('cart.currentPrices')}</p>
            {changeError && (
              <Alert variant="danger">
                <ErrorMessage error={changeError} />
              </Alert>
            )}
            <Table responsive className="align-middle" data-testid="cart-lines" aria-busy={busy}>
              <thead>
                <tr>
                  <th scope="col">{t('cart.book')}</th>
                  <th scope="col">{t('cart.unitPrice')}</th>
                  <th scope="col">{t('cart.quantity')}</th>
                  <th scope="col" className="text-end">{t('cart.lineTotal')}</th>
                  <th scope="col"><span className="visually-hidden">{t('cart.remove')}</span></th>
                </tr>
              </thead>
              <tbody>
                {cart.items.map((line) => {
                  const name = line.book?.name ?? t('cart.bookGone');
                  return (
                    <tr key={`${line.bookId}:${line.quantity}`} data-testid={`cart-line-${line.bookId}`}>
                      <td>
                        {line.book ? (
                          <>
                            <Link to={`/books/${encodeURIComponent(line.bookId)}`}>{line.book.name}</Link>
                            <span className="d-block small text-body-secondary">{line.book.author}</span>
                          </>
                        ) : (
                          name
                        )}
                      </td>
                      <td data-testid="line-unit-price">{line.unitPrice === null ? '–' : formatPrice(line.unitPrice)}</td>
                      <td>
                        <QuantityInput
                          bookId={line.bookId}
                          name={name}
                          quantity={line.quantity}
                          disabled={busy || line.book === null}
                          onCommit={(quantity) => updateLine({ bookId: line.bookId, quantity })}
                        />
                      </td>
                      <td className="text-end" data-testid="line-total">
                        {line.lineTotal === null ? '–' : formatPrice(line.lineTotal)}
                      </td>
                      <td className="text-end">
                        <Button
                          variant="outline-danger"
                          size="sm"
                          disabled={busy}
                          onClick={() => remove(line.bookId)}
                          data-testid={`cart-remove-${line.bookId}`}
                          aria-label={t('cart.removeNamed', { name })}
                        >
                          {t('cart.remove')}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>{t('cart.total')}</th>
                  <td className="text-end fw-bold" data-testid="cart-total">{formatPrice(cart.total)}</td>
                  <td />
                </tr>
              </tfoot>
            </Table>
            <div className="text-end">
              <Link to="/checkout" className="btn btn-primary btn-lg" data-testid="go-to-checkout">
                {t('cart.checkout')}
              </Link>
            </div>
          </>
        )}
      </QueryStatus>
    </>
  );
}
