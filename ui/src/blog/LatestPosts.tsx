import { Link } from 'react-router';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { useListPostsQuery } from './blogApi';
import { htmlText } from './htmlText';

const LATEST_COUNT = 3;

/** Titles and dates only, so the home page needs no HTML sanitizer in its first load. */
export function LatestPosts() {
  const { t, formatDate } = useI18n();
  const { data, isLoading, error, refetch } = useListPostsQuery({ page: 1, perPage: LATEST_COUNT });
  return (
    <section aria-labelledby="home-latest-posts">
      <div className="d-flex justify-content-between align-items-baseline">
        <h2 id="home-latest-posts" className="h4">{t('home.latestPosts')}</h2>
        <Link to="/blog">{t('home.allPosts')}</Link>
      </div>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {data && data.posts.length === 0 && <p>{t('blog.empty')}</p>}
        <ul className="list-unstyled" data-testid="latest-posts">
          {data?.posts.map((post) => (
            <li key={post.id} className="mb-2">
              <Link to={`/blog/${post.id}`}>{htmlText(post.titleHtml)}</Link>
              <span className="d-block small text-body-secondary">{formatDate(new Date(post.publishedAt))}</span>
            </li>
          ))}
        </ul>
      </QueryStatus>
    </section>
  );
}
