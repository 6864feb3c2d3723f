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
  const { data } = useGetRegionQuery();
  const region = servedBy ?? data?.region;
  if (!region) {
    return (
      <Badge bg="secondary" data-testid="region-badge" role="status">
        {t('region.unknown')}
      </Badge>
    );
  }
  const roleKey = data ? ROLE_KEYS[data.role] : undefined;
  const role = roleKey ? t(roleKey) : (data?.role ?? '…');
  const failedOver = region !== configuredRegion;
  return (
    <Badge bg={failedOver ? 'warning' : 'info'} text="dark" data-testid="region-badge" data-region={region} role="status">
      {t('region.label', { region, role })}
    </Badge>
  );
}
