import { api, type ApiError } from '../api/apiSlice';
import type { RuntimeConfig } from '../config/runtimeConfig';

// The blog is WordPress, read through its REST API at the configured blog URL. It joins the one API
// slice (one cache, one middleware) but bypasses the bookstore transport: no bearer token or
// region header belongs on a request to WordPress.

export interface BlogPostSummary {
  id: number;
  /** Epoch milliseconds of publication (from `date_gmt`, which WordPress sends without a zone). */
  publishedAt: number;
  /** WordPress renders titles as HTML with entities; kept as HTML and decoded at display time. */
  titleHtml: string;
  excerptHtml: string;
}

export interface BlogPost extends BlogPostSummary {
  contentHtml: string;
}

export interface BlogPage {
  posts: BlogPostSummary[];
  totalPages: number;
}

type Json = Record<string, unknown>;
const rendered = (field: unknown): string => {
  const value = (field as Json | undefined)?.rendered;
  return typeof value === 'string' ? value : '';
};

function toSummary(raw: unknown): BlogPostSummary {
  const post = (raw ?? {}) as Json;
  const gmt = typeof post.date_gmt === 'string' ? post.date_gmt : '';
  return {
    id: Number(post.id),
    publishedAt: gmt ? Date.parse(gmt.endsWith('Z') ? gmt : `${gmt}Z`) : Date.parse(String(post.date)),
    titleHtml: rendered(post.title),
    excerptHtml: rendered(post.excerpt),
  };
}

const SUMMARY_FIELDS = 'id,date,date_gmt,title,excerpt';

async function getWordPress(config: RuntimeConfig, path: string): Promise<{ data: unknown; response: Response } | { error: ApiError }> {
  let response: Response;
  try {
    response = await fetch(`${config.blogUrl}/wp-json/wp/v2${path}`, { headers: { Accept: 'application/json' } });
  } catch (cause) {
    return { error: { kind: 'network', message: String(cause) } };
  }
  if (response.status === 404 || response.status === 400) {
    return { error: { kind: 'notFound', message: `HTTP ${response.status}` } };
  }
  if (response.status === 503) return { error: { kind: 'unavailable', message: 'HTTP 503' } };
  if (!response.ok) return { error: { kind: 'http', status: response.status, code: 'blog', message: `HTTP ${response.status}` } };
  return { data: await response.json(), response };
}

export const blogApi = api.injectEndpoints({
  endpoints: (build) => ({
    listPosts: build.query<BlogPage, { page: number; perPage: number }>({
      async queryFn({ page, perPage }, queryApi) {
        const config = (queryApi.getState() as { config: RuntimeConfig }).config;
        const result = await getWordPress(config, `/posts?page=${page}&per_page=${perPage}&_fields=${SUMMARY_FIELDS}`);
        if ('error' in result) return result;
        const totalPages = Number(result.response.headers.get('X-WP-TotalPages') ?? '1');
        const posts = Array.isArray(result.data) ? result.data.map(toSummary) : [];
        return { data: { posts, totalPages: Number.isFinite(totalPages) ? totalPages : 1 } };
      },
    }),
    getPost: build.query<BlogPost, number>({
      async queryFn(id, queryApi) {
        const config = (queryApi.getState() as { config: RuntimeConfig }).config;
        const result = await getWordPress(config, `/posts/${id}`);
        if ('error' in result) return result;
        return { data: { ...toSummary(result.data), contentHtml: rendered((result.data as Json).content) } };
      },
    }),
  }),
});

export const { useListPostsQuery, useGetPostQuery } = blogApi;
