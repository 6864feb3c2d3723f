import { useState } from 'react';
import Form from 'react-bootstrap/Form';
import { QUANTITY_MAX, QUANTITY_MIN } from '../api/apiSlice';
import { useI18n } from '../i18n/I18nContext';

interface Props {
  bookId: string;
  /** The book's name, for the label. */
  name: string;
  quantity: number;
  disabled: boolean;
  onCommit: (quantity: number) => void;
}

/** Commits on Enter or when focus leaves, so typing "12" does not send "1" first. */
export function QuantityInput({ bookId, name, quantity: current, disabled, onCommit }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(String(current));
  const [invalid, setInvalid] = useState(false);
  const inputId = `quantity-${bookId}`;

  function commit() {
    const quantity = Number(draft);
    if (!Number.isInteger(quantity) || quantity < QUANTITY_MIN || quantity > QUANTITY_MAX) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (quantity !== current) onCommit(quantity);
  }

  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        commit();
      }}
    >
      <Form.Label htmlFor={inputId} visuallyHidden>
        {t('cart.quantityOf', { name })}
      </Form.Label>
      <Form.Control
        id={inputId}
        type="number"
        inputMode="numeric"
        min={QUANTITY_MIN}
        max={QUANTITY_MAX}
        value={draft}
        disabled={disabled}
        isInvalid={invalid}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        className="quantity-input"
        data-testid={`cart-quantity-${bookId}`}
        aria-describedby={invalid ? `${inputId}-error` : undefined}
      />
      {invalid && (
        <Form.Control.Feedback type="invalid" id={`${inputId}-error`}>
          {t('cart.quantityRange', { min: QUANTITY_MIN, max: QUANTITY_MAX })}
        </Form.Control.Feedback>
      )}
    </Form>
  );
}
