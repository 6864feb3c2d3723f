import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../app/usePageTitle';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { useListPostsQuery } from './blogApi';
import { htmlText } from './htmlText';
import { sanitizeHtml } from './sanitizeHtml';

export const POSTS_PER_PAGE = 10;

export default function BlogListPage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('blog.title'));
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, isLoading, error, refetch } = useListPostsQuery({ page, perPage: POSTS_PER_PAGE });

  return (
    <>
      <h1>{t('blog.title')}</h1>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {data && data.posts.length === 0 && <p>{t('blog.empty')}</p>}
        <div data-testid="blog-list">
          {data?.posts.map((post) => {
            const title = htmlText(post.titleHtml);
            return (
              <article key={post.id} className="mb-4">
                <h2 className="h4">
                  <Link to={`/blog/${post.id}`}>{title}</Link>
                </h2>
                <p className="small text-body-secondary">
                  {t('blog.publishedOn', { date: formatDate(new Date(post.publishedAt)) })}
                </p>
                <div className="blog-content" dangerouslySetInnerHTML={{ __html: sanitizeHtml(post.excerptHtml) }} />
                <Link to={`/blog/${post.id}`} className="visually-hidden-focusable">
                  {t('blog.readMore', { title })}
                </Link>
              </article>
            );
          })}
        </div>
        {data && (
          <nav className="d-flex justify-content-between" aria-label={t('blog.title')}>
            {page > 1 ? <Link to={`/blog?page=${page - 1}`}>{t('blog.newer')}</Link> : <span />}
            {page < data.totalPages && <Link to={`/blog?page=${page + 1}`}>{t('blog.older')}</Link>}
          </nav>
        )}
      </QueryStatus>
    </>
  );
}
