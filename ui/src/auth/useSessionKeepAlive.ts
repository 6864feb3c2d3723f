import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { obtainIdToken, REFRESH_MARGIN_MS, selectSession } from './authSlice';

/** Refreshes the tokens shortly before they expire, so an idle tab is still signed in later. */
export function useSessionKeepAlive() {
  const dispatch = useAppDispatch();
  const session = useAppSelector(selectSession);
  const expiresAt = session?.expiresAt;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const delay = Math.max(0, expiresAt - Date.now() - REFRESH_MARGIN_MS);
    const timer = window.setTimeout(() => void dispatch(obtainIdToken()), delay);
    return () => window.clearTimeout(timer);
  }, [dispatch, expiresAt]);
}
