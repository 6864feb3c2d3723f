import { Suspense, useRef } from 'react';
import Button from 'react-bootstrap/Button';
import Container from 'react-bootstrap/Container';
import Nav from 'react-bootstrap/Nav';
import Navbar from 'react-bootstrap/Navbar';
import Spinner from 'react-bootstrap/Spinner';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/apiSlice';
import { selectSession, signOut as endSession } from '../auth/authSlice';
import { useSessionKeepAlive } from '../auth/useSessionKeepAlive';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useI18n } from '../i18n/I18nContext';
import { RegionBadge } from '../region/RegionBadge';
import { useAppDispatch, useAppSelector } from './hooks';
import { useFocusOnNavigation } from './useFocusOnNavigation';

export function Layout() {
  const { t } = useI18n();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const session = useAppSelector(selectSession);
  useSessionKeepAlive();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);

  function signOut() {
    void dispatch(endSession());
    dispatch(api.util.resetApiState());
    navigate('/');
  }

  return (
    <>
      <a href="#main" className="visually-hidden-focusable skip-link">{t('app.skipToContent')}</a>
      {/* Expanded from xl (1200 px), where the links, badge, language and account fit one row; below, a toggle. */}
      <Navbar expand="xl" bg="dark" data-bs-theme="dark" className="site-navbar mb-4" data-testid="site-navbar">
        <Container>
          <Navbar.Brand as={NavLink} to="/">{t('app.name')}</Navbar.Brand>
          <Navbar.Toggle aria-controls="main-nav" aria-label={t('nav.toggle')} />
          <Navbar.Collapse id="main-nav">
            <Nav as="nav" className="me-auto" aria-label={t('nav.label')}>
              <Nav.Link as={NavLink} to="/" end>{t('nav.home')}</Nav.Link>
              <Nav.Link as={NavLink} to="/bestsellers">{t('nav.bestSellers')}</Nav.Link>
              <Nav.Link as={NavLink} to="/blog">{t('nav.blog')}</Nav.Link>
              <Nav.Link as={NavLink} to="/cart" data-testid="nav-cart">{t('nav.cart')}</Nav.Link>
              <Nav.Link as={NavLink} to="/orders" data-testid="nav-orders">{t('nav.orders')}</Nav.Link>
            </Nav>
            <div className="site-navbar-tools d-flex flex-wrap flex-xl-nowrap align-items-center gap-3 py-2 py-xl-0 ms-xl-3">
              <RegionBadge />
              <LanguageSwitcher labelHidden />
              {session ? (
                <>
                  <span
                    className="signed-in-as text-light small"
                    data-testid="signed-in-as"
                    title={t('nav.signedInAs', { email: session.email })}
                  >
                    <span className="visually-hidden">{t('nav.signedInLabel')} </span>
                    {session.email}
                  </span>
                  <Button variant="outline-light" size="sm" onClick={signOut} data-testid="sign-out">
                    {t('nav.signOut')}
                  </Button>
                </>
              ) : (
                <>
                  <Nav.Link as={NavLink} to="/signin" className="text-light" data-testid="nav-sign-in">{t('nav.signIn')}</Nav.Link>
                  <Nav.Link as={NavLink} to="/signup" className="text-light" data-testid="nav-sign-up">{t('nav.signUp')}</Nav.Link>
                </>
              )}
            </div>
          </Navbar.Collapse>
        </Container>
      </Navbar>
      <Container as="main" id="main" ref={main} tabIndex={-1} className="pb-5">
        <Suspense
          fallback={
            <div role="status" className="d-flex gap-2 align-items-center">
              <Spinner animation="border" size="sm" aria-hidden="true" />
              {t('app.loading')}
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </Container>
      <footer className="border-top py-3">
        <Container className="small text-body-secondary">{t('app.footer')}</Container>
      </footer>
    </>
  );
}
