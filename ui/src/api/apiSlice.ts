import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import { obtainIdToken, signedOut, type AuthState } from '../auth/authSlice';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { regionObserved, type RegionState } from '../region/regionSlice';

// The one module that knows the bookstore API's wire format (DESIGN.md §4). Every response goes
// through a mapping function below, so a difference in the server's shapes is fixed in one place.

// ---------------------------------------------------------------- the shapes the pages use

export interface Book {
  id: string;
  name: string;
  author: string;
  category: string;
  price: number;
  rating: number;
  /** Same-site path of the cover image, or null when there is none (never a remote URL). */
  cover: string | null;
}

export interface BookPage {
  items: Book[];
  nextCursor: string | null;
}

export interface BestSeller {
  book: Book;
  sold: number;
}

export interface BestSellers {
  items: BestSeller[];
  /** True when the leaderboard was unavailable and the server answered from its fallback. */
  stale: boolean;
}

export interface RegionInfo {
  region: string;
  role: string;
}

export interface CartLine {
  bookId: string;
  quantity: number;
  /** Unit price as the server priced it from the catalogue. */
  price: number;
  name: string;
  author: string | null;
  cover: string | null;
  /** The line's subtotal when the server reports one. */
  lineTotal: number | null;
}

export interface Cart {
  lines: CartLine[];
  /** The total as the server computed it; the UI never adds prices up itself. */
  total: number;
}

export interface OrderLine {
  bookId: string;
  quantity: number;
  price: number;
  name: string;
}

export interface Order {
  orderId: string;
  /** Epoch milliseconds (the server may send ISO 8601 or epoch seconds/milliseconds). */
  createdAt: number;
  lines: OrderLine[];
  total: number;
}

export type ApiError =
  | { kind: 'unavailable'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'notFound'; message: string }
  | { kind: 'http'; status: number; code: string; message: string };

export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 99;

// ---------------------------------------------------------------- wire format -> shapes

type Json = Record<string, unknown>;

const asString = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
const asNumber = (value: unknown, fallback = 0): number => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : fallback;
};
const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Only same-site paths: covers are served by the site itself, never hot-linked. */
export function sameSiteCover(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export function toBook(raw: unknown): Book {
  const book = asObject(raw);
  return {
    id: asString(book.id),
    name: asString(book.name),
    author: asString(book.author),
    category: asString(book.category),
    price: asNumber(book.price),
    rating: asNumber(book.rating),
    cover: sameSiteCover(book.cover),
  };
}

export function toBookPage(raw: unknown): BookPage {
  const page = asObject(raw);
  const cursor = page.nextCursor;
  return {
    items: asArray(page.items).map(toBook),
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
  };
}

export function toBestSellers(raw: unknown): BestSellers {
  const body = asObject(raw);
  return {
    items: asArray(body.items).map((entry) => {
      const item = asObject(entry);
      return { book: toBook(item.book), sold: asNumber(item.sold) };
    }),
    stale: body.stale === true,
  };
}

export function toCart(raw: unknown): Cart {
  const body = asObject(raw);
  return {
    lines: asArray(body.items).map((entry) => {
      const line = asObject(entry);
      const book = asObject(line.book); // tolerate lines that nest the book
      const lineTotal = line.lineTotal ?? line.subtotal;
      return {
        bookId: asString(line.bookId ?? book.id),
        quantity: asNumber(line.quantity),
        price: asNumber(line.price ?? book.price),
        name: asString(line.name ?? book.name),
        author: asString(line.author ?? book.author) || null,
        cover: sameSiteCover(line.cover ?? book.cover),
        lineTotal: lineTotal === undefined ? null : asNumber(lineTotal),
      };
    }),
    total: asNumber(body.total),
  };
}

export function toTimestamp(value: unknown): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value; // seconds or millis
  const parsed = Date.parse(asString(value));
  return Number.isNaN(parsed) ? 0 : parsed;
}

export function toOrder(raw: unknown): Order {
  const order = asObject(raw);
  return {
    orderId: asString(order.orderId ?? order.id),
    createdAt: toTimestamp(order.createdAt),
    lines: asArray(order.items ?? order.lines).map((entry) => {
      const line = asObject(entry);
      return {
        bookId: asString(line.bookId),
        quantity: asNumber(line.quantity),
        price: asNumber(line.price),
        name: asString(line.name, asString(line.bookId)),
      };
    }),
    total: asNumber(order.total),
  };
}

export function toOrders(raw: unknown): Order[] {
  // Newest first whatever order the server used.
  return asArray(asObject(raw).items).map(toOrder).sort((a, b) => b.createdAt - a.createdAt);
}

export function toRegionInfo(raw: unknown): RegionInfo {
  const body = asObject(raw);
  return { region: asString(body.region), role: asString(body.role) };
}

export function toApiError(status: number, raw: unknown): ApiError {
  const body = asObject(raw);
  const message = asString(body.message, `HTTP ${status}`);
  if (status === 503) return { kind: 'unavailable', message };
  if (status === 401 || status === 403) return { kind: 'unauthorized', message };
  if (status === 404) return { kind: 'notFound', message };
  return { kind: 'http', status, code: asString(body.error, 'error'), message };
}

// ---------------------------------------------------------------- transport

export interface ApiRequest {
  path: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Sends the shopper's id token; the cart and orders routes require it. */
  auth?: boolean;
}

interface ApiRootState {
  config: RuntimeConfig;
  auth: AuthState;
  region: RegionState;
}

export const REGION_HEADER = 'X-Bookstore-Region';

function apiUrl(baseUrl: string, path: string): string {
  // A relative base ("/api") is served by the same origin as the site (the local gateway).
  return new URL(baseUrl + path, window.location.origin).toString();
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const bookstoreBaseQuery: BaseQueryFn<ApiRequest, unknown, ApiError> = async (request, api) => {
  const state = api.getState() as ApiRootState;
  const url = apiUrl(state.config.apiBaseUrl, request.path);

  async function send(forceRefresh: boolean): Promise<Response | null> {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.auth) {
      const token = await api.dispatch(obtainIdToken({ forceRefresh }));
      if (!token) return null;
      headers.Authorization = `Bearer ${token}`;
    }
    return fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: api.signal,
    });
  }

  let response: Response | null;
  try {
    response = await send(false);
    // A token the API rejects may have been revoked or clock-skewed: refresh once and retry.
    if (response?.status === 401 && request.auth) response = await send(true);
  } catch (cause) {
    return { error: { kind: 'network', message: String(cause) } };
  }
  if (!response) return { error: { kind: 'unauthorized', message: 'Not signed in' } };

  const servedBy = response.headers.get(REGION_HEADER);
  if (servedBy && servedBy !== (api.getState() as ApiRootState).region.servedBy) {
    api.dispatch(regionObserved(servedBy));
  }

  const body = await readJson(response);
  if (response.ok) return { data: body };
  if (response.status === 401 && request.auth) api.dispatch(signedOut());
  return { error: toApiError(response.status, body) };
};

// ---------------------------------------------------------------- endpoints

export const api = createApi({
  reducerPath: 'api',
  baseQuery: bookstoreBaseQuery,
  tagTypes: ['Cart', 'Orders'],
  endpoints: (build) => ({
    getRegion: build.query<RegionInfo, void>({
      query: () => ({ path: '/region' }),
      transformResponse: toRegionInfo,
    }),
    listBooks: build.query<BookPage, { category?: string; cursor?: string | null; limit?: number }>({
      query: ({ category, cursor, limit }) => {
        const params = new URLSearchParams();
        if (category) params.set('category', category);
        if (limit) params.set('limit', String(limit));
        if (cursor) params.set('cursor', cursor);
        const search = params.toString();
        return { path: search ? `/books?${search}` : '/books' };
      },
      transformResponse: toBookPage,
    }),
    getBook: build.query<Book, string>({
      query: (id) => ({ path: `/books/${encodeURIComponent(id)}` }),
      transformResponse: toBook,
    }),
    getBestSellers: build.query<BestSellers, void>({
      query: () => ({ path: '/bestsellers' }),
      transformResponse: toBestSellers,
    }),
    getCart: build.query<Cart, void>({
      query: () => ({ path: '/cart', auth: true }),
      transformResponse: toCart,
      providesTags: ['Cart'],
    }),
    addToCart: build.mutation<void, { bookId: string; quantity: number }>({
      query: (line) => ({ path: '/cart', method: 'POST', body: line, auth: true }),
      transformResponse: () => undefined,
      invalidatesTags: ['Cart'],
    }),
    updateCartLine: build.mutation<void, { bookId: string; quantity: number }>({
      query: ({ bookId, quantity }) => ({
        path: `/cart/${encodeURIComponent(bookId)}`,
        method: 'PUT',
        body: { quantity },
        auth: true,
      }),
      transformResponse: () => undefined,
      invalidatesTags: ['Cart'],
    }),
    removeCartLine: build.mutation<void, string>({
      query: (bookId) => ({ path: `/cart/${encodeURIComponent(bookId)}`, method: 'DELETE', auth: true }),
      transformResponse: () => undefined,
      invalidatesTags: ['Cart'],
    }),
    listOrders: build.query<Order[], void>({
      query: () => ({ path: '/orders', auth: true }),
      transformResponse: toOrders,
      providesTags: ['Orders'],
    }),
    getOrder: build.query<Order, string>({
      query: (orderId) => ({ path: `/orders/${encodeURIComponent(orderId)}`, auth: true }),
      transformResponse: toOrder,
      providesTags: ['Orders'],
    }),
    placeOrder: build.mutation<Order, { idempotencyKey: string }>({
      query: ({ idempotencyKey }) => ({
        path: '/orders',
        method: 'POST',
        body: {},
        headers: { 'Idempotency-Key': idempotencyKey },
        auth: true,
      }),
      transformResponse: toOrder,
      invalidatesTags: ['Cart', 'Orders'],
    }),
  }),
});

export const {
  useGetRegionQuery,
  useListBooksQuery,
  useGetBookQuery,
  useGetBestSellersQuery,
  useGetCartQuery,
  useAddToCartMutation,
  useUpdateCartLineMutation,
  useRemoveCartLineMutation,
  useListOrdersQuery,
  useGetOrderQuery,
  usePlaceOrderMutation,
} = api;

/** Narrows the `error` of an RTK Query hook to our ApiError (or a thrown one from a queryFn). */
export function asApiError(error: unknown): ApiError | null {
  if (!error) return null;
  if (typeof error === 'object' && 'kind' in error) return error as ApiError;
  return { kind: 'network', message: String((error as { message?: unknown }).message ?? error) };
}
