import Badge from 'react-bootstrap/Badge';
import { useGetRegionQuery } from '../api/apiSlice';
import { useAppSelector } from '../app/hooks';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { selectServedBy } from './regionSlice';

const ROLE_KEYS: Record<string, MessageKey> = {
  primary: 'region.role.primary',
  secondary: 'region.role.secondary',
};

/**
 * The region that served the latest API answer (X-Bookstore-Region), with its role from /region.
 * It turns amber when that is not the region this site was configured for: a failover is in effect.
 */
export function RegionBadge() {
  const { t } = useI18n();
  const servedBy = useAppSelector(selectServedBy);
  const configuredRegion = useAppSelector((state) => state.config.region);
  const { data, isError } = useGetRegionQuery();
  const region = servedBy ?? data?.region;
  if (!region) {
    // "Unknown" only once /region has failed; until it answers, a blank badge of the same size (no jump).
    return isError ? (
      <Badge bg="secondary" data-testid="region-badge" data-state="unknown" role="status">
        {t('region.unknown')}
      </Badge>
    ) : (
      <Badge bg="secondary" className="region-badge-pending" data-testid="region-badge" data-state="pending" role="status">
        <span className="visually-hidden">{t('region.pending')}</span>
      </Badge>
    );
  }
  const roleKey = data ? ROLE_KEYS[data.role] : undefined;
  const role = roleKey ? t(roleKey) : (data?.role ?? '…');
  const failedOver = region !== configuredRegion;
  return (
    <Badge
      bg={failedOver ? 'warning' : 'info'}
      text="dark"
      data-testid="region-badge"
      data-state="known"
      data-region={region}
      role="status"
    >
      {/* Compact in the header; the whole sentence is read out and shown on hover. */}
      <span className="visually-hidden">{t('region.servedFrom')} </span>
      <span title={t('region.label', { region, role })}>{t('region.where', { region, role })}</span>
    </Badge>
  );
}
