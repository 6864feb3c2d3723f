import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import HomePage from '../catalog/HomePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// The home page ships in the first load; every other page is its own chunk, fetched on navigation,
// which keeps the first load inside the bundle budget (scripts/bundle-budget.mjs).
const CategoryPage = lazy(() => import('../catalog/CategoryPage'));
const BookDetailPage = lazy(() => import('../catalog/BookDetailPage'));
const BestSellersPage = lazy(() => import('../catalog/BestSellersPage'));
const BlogListPage = lazy(() => import('../blog/BlogListPage'));
const BlogPostPage = lazy(() => import('../blog/BlogPostPage'));
const CartPage = lazy(() => import('../cart/CartPage'));
const CheckoutPage = lazy(() => import('../checkout/CheckoutPage'));
const OrdersPage = lazy(() => import('../orders/OrdersPage'));
const OrderConfirmationPage = lazy(() => import('../orders/OrderConfirmationPage'));
const SignInPage = lazy(() => import('../auth/SignInPage'));
const SignUpPage = lazy(() => import('../auth/SignUpPage'));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/category/:category', element: <CategoryPage /> },
      { path: '/books/:bookId', element: <BookDetailPage /> },
      { path: '/bestsellers', element: <BestSellersPage /> },
      { path: '/blog', element: <BlogListPage /> },
      { path: '/blog/:postId', element: <BlogPostPage /> },
      { path: '/cart', element: <RequireAuth><CartPage /></RequireAuth> },
      { path: '/checkout', element: <RequireAuth><CheckoutPage /></RequireAuth> },
      { path: '/orders', element: <RequireAuth><OrdersPage /></RequireAuth> },
      { path: '/orders/:orderId/confirmation', element: <RequireAuth><OrderConfirmationPage /></RequireAuth> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
