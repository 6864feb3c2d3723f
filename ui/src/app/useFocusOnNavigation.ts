import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, moves focus to the main region (as a full page load would reset
 * it), so keyboard and screen-reader users start at the new page's content, not on the old link.
 * A layout effect, inside the commit that shows the new page: a passive effect runs a task later,
 * when the page can already be typed into, and the late move takes the keystrokes (a sign-in test
 * once kept "r" of an e-mail address and sent the rest to <main>).
 */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    target.current?.focus();
  }, [pathname, target]);
}
