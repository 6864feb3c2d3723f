import { lazy } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import HomePage from '../catalog/HomePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// The home page ships in the first load; every other page is its own chunk, fetched on navigation,
// which keeps the first load inside the bundle budget (scripts/bundle-budget.mjs). A first load straight
// onto such a page fetches its chunk while /config.json loads (preloadPage), not after.
const pages = {
  category: () => import('../catalog/CategoryPage'),
  book: () => import('../catalog/BookDetailPage'),
  bestSellers: () => import('../catalog/BestSellersPage'),
  blogList: () => import('../blog/BlogListPage'),
  blogPost: () => import('../blog/BlogPostPage'),
  cart: () => import('../cart/CartPage'),
  checkout: () => import('../checkout/CheckoutPage'),
  orders: () => import('../orders/OrdersPage'),
  orderConfirmation: () => import('../orders/OrderConfirmationPage'),
  signIn: () => import('../auth/SignInPage'),
  signUp: () => import('../auth/SignUpPage'),
};
const CategoryPage = lazy(pages.category);
const BookDetailPage = lazy(pages.book);
const BestSellersPage = lazy(pages.bestSellers);
const BlogListPage = lazy(pages.blogList);
const BlogPostPage = lazy(pages.blogPost);
const CartPage = lazy(pages.cart);
const CheckoutPage = lazy(pages.checkout);
const OrdersPage = lazy(pages.orders);
const OrderConfirmationPage = lazy(pages.orderConfirmation);
const SignInPage = lazy(pages.signIn);
const SignUpPage = lazy(pages.signUp);

/** What a route's `handle` may carry: the import of its lazy page. */
interface PageHandle {
  preload?: () => Promise<unknown>;
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/category/:category', element: <CategoryPage />, handle: { preload: pages.category } },
      { path: '/books/:bookId', element: <BookDetailPage />, handle: { preload: pages.book } },
      { path: '/bestsellers', element: <BestSellersPage />, handle: { preload: pages.bestSellers } },
      { path: '/blog', element: <BlogListPage />, handle: { preload: pages.blogList } },
      { path: '/blog/:postId', element: <BlogPostPage />, handle: { preload: pages.blogPost } },
      { path: '/cart', element: <RequireAuth><CartPage /></RequireAuth>, handle: { preload: pages.cart } },
      { path: '/checkout', element: <RequireAuth><CheckoutPage /></RequireAuth>, handle: { preload: pages.checkout } },
      { path: '/orders', element: <RequireAuth><OrdersPage /></RequireAuth>, handle: { preload: pages.orders } },
      { path: '/orders/:orderId/confirmation', element: <RequireAuth><OrderConfirmationPage /></RequireAuth>, handle: { preload: pages.orderConfirmation } },
      { path: '/signin', element: <SignInPage />, handle: { preload: pages.signIn } },
      { path: '/signup', element: <SignUpPage />, handle: { preload: pages.signUp } },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Starts fetching the lazy page of `pathname`, if it has one; React.lazy later awaits the same import. */
export function preloadPage(pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? []) {
    void (match.route.handle as PageHandle | undefined)?.preload?.().catch(() => {
      // the page's own render retries the import and shows the error
    });
  }
}
