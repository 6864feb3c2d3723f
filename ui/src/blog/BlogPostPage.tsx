import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../app/NotFoundPage';
import { usePageTitle } from '../app/usePageTitle';
import { QueryStatus } from '../feedback/QueryStatus';
import { useI18n } from '../i18n/I18nContext';
import { useGetPostQuery } from './blogApi';
import { htmlText } from './htmlText';
import { sanitizeHtml } from './sanitizeHtml';

export default function BlogPostPage() {
  const postId = Number(useParams().postId);
  return Number.isInteger(postId) && postId > 0 ? <BlogPost postId={postId} /> : <NotFoundPage />;
}

function BlogPost({ postId }: { postId: number }) {
  const { t, formatDate } = useI18n();
  const { data: post, isLoading, error, refetch } = useGetPostQuery(postId);
  const title = post ? htmlText(post.titleHtml) : null;
  usePageTitle(title);
  return (
    <>
      <p>
        <Link to="/blog">{t('blog.back')}</Link>
      </p>
      <QueryStatus isLoading={isLoading} error={error} onRetry={refetch}>
        {post && (
          <article data-testid="blog-post">
            <h1>{title}</h1>
            <p className="small text-body-secondary">
              {t('blog.publishedOn', { date: formatDate(new Date(post.publishedAt)) })}
            </p>
            <div className="blog-content" dangerouslySetInnerHTML={{ __html: sanitizeHtml(post.contentHtml) }} />
          </article>
        )}
      </QueryStatus>
    </>
  );
}
