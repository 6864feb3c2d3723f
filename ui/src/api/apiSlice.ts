import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import { obtainIdToken, signedOut, type AuthState } from '../auth/authSlice';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { regionObserved, type RegionState } from '../region/regionSlice';
import type { components, operations } from './openapi';

// The one RTK Query slice of the bookstore API (docs/ui.md#wire-types). Its data types are the ones
// openapi-typescript generates from the API's OpenAPI document into ./openapi.ts: the pages read the
// API's own field names, and a change to the document that the code does not follow fails `tsc`.

type Schemas = components['schemas'];
type JsonBody<Operation> = Operation extends { content: { 'application/json': infer Body } } ? Body : never;
/** The JSON body of an operation's response, straight from the document. */
type ResponseBody<Operation extends keyof operations, Status extends keyof operations[Operation]['responses']> =
  JsonBody<operations[Operation]['responses'][Status]>;
/** The JSON body an operation accepts. */
type RequestBody<Operation extends keyof operations> =
  operations[Operation]['requestBody'] extends { content: { 'application/json': infer Body } } ? Body : never;

export type Book = Schemas['Book'];
export type BookPage = ResponseBody<'listBooks', 200>;
export type BestSellers = ResponseBody<'getBestSellers', 200>;
export type BestSeller = BestSellers['items'][number];
export type RegionInfo = ResponseBody<'getRegion', 200>;
export type Cart = ResponseBody<'getCart', 200>;
export type CartItem = Schemas['CartItem'];
export type Order = ResponseBody<'getOrder', 200>;
export type OrderLine = Schemas['OrderLine'];
export type CartLineInput = RequestBody<'addToCart'>;
type ErrorBody = Schemas['Error'] | Schemas['GatewayError'];

export type ApiError =
  | { kind: 'unavailable'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'notFound'; message: string }
  | { kind: 'http'; status: number; code: string; message: string };

export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 99;

/** When the order was placed (the API sends UTC ISO 8601 with microseconds, which Date reads). */
export function placedAt(order: Pick<Order, 'createdAt'>): Date {
  return new Date(order.createdAt);
}

/**
 * An error response as the pages explain it. The body is the API's Error, API Gateway's own
 * {"message"} (its 401), or nothing JSON at all when a proxy or CDN answered.
 */
export function toApiError(status: number, body: ErrorBody | null): ApiError {
  const message = body?.message ?? `HTTP ${status}`;
  if (status === 503) return { kind: 'unavailable', message };
  if (status === 401 || status === 403) return { kind: 'unauthorized', message };
  if (status === 404) return { kind: 'notFound', message };
  return { kind: 'http', status, code: body && 'error' in body ? body.error : 'error', message };
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

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string';
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
  return { error: toApiError(response.status, isErrorBody(body) ? body : null) };
};

// ---------------------------------------------------------------- endpoints

export const api = createApi({
  reducerPath: 'api',
  baseQuery: bookstoreBaseQuery,
  tagTypes: ['Cart', 'Orders'],
  endpoints: (build) => ({
    getRegion: build.query<RegionInfo, void>({
      query: () => ({ path: '/region' }),
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
    }),
    getBook: build.query<Book, string>({
      query: (id) => ({ path: `/books/${encodeURIComponent(id)}` }),
    }),
    getBestSellers: build.query<BestSellers, void>({
      query: () => ({ path: '/bestsellers' }),
    }),
    getCart: build.query<Cart, void>({
      query: () => ({ path: '/cart', auth: true }),
      providesTags: ['Cart'],
    }),
    addToCart: build.mutation<Cart, CartLineInput>({
      query: (line) => ({ path: '/cart', method: 'POST', body: line, auth: true }),
      invalidatesTags: ['Cart'],
    }),
    updateCartLine: build.mutation<Cart, { bookId: string } & RequestBody<'setCartLine'>>({
      query: ({ bookId, quantity }) => ({
        path: `/cart/${encodeURIComponent(bookId)}`,
        method: 'PUT',
        body: { quantity },
        auth: true,
      }),
      invalidatesTags: ['Cart'],
    }),
    removeCartLine: build.mutation<Cart, string>({
      query: (bookId) => ({ path: `/cart/${encodeURIComponent(bookId)}`, method: 'DELETE', auth: true }),
      invalidatesTags: ['Cart'],
    }),
    listOrders: build.query<ResponseBody<'listOrders', 200>, void>({
      query: () => ({ path: '/orders', auth: true }),
      providesTags: ['Orders'],
    }),
    getOrder: build.query<Order, string>({
      query: (orderId) => ({ path: `/orders/${encodeURIComponent(orderId)}`, auth: true }),
      providesTags: ['Orders'],
    }),
    placeOrder: build.mutation<ResponseBody<'checkout', 201 | 200>, { idempotencyKey: string }>({
      // The order is made from the cart the server holds: the operation has no request body.
      query: ({ idempotencyKey }) => ({
        path: '/orders',
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        auth: true,
      }),
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
  const message = typeof error === 'object' && 'message' in error ? error.message : error;
  return { kind: 'network', message: String(message) };
}
