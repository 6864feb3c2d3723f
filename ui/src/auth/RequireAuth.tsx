import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAppSelector } from '../app/hooks';
import { selectIsSignedIn } from './authSlice';
import { signInPath } from './signInRedirect';

/** Guards the shopper's pages: a guest is sent to sign in and comes back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const signedIn = useAppSelector(selectIsSignedIn);
  const location = useLocation();
  if (!signedIn) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <>{children}</>;
}
