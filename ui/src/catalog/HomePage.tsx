import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle';
import { LatestPosts } from '../blog/LatestPosts';
import { useI18n } from '../i18n/I18nContext';
import { BestSellerStrip } from './BestSellerStrip';
import { CATEGORIES, categoryLabelKey, categorySlug } from './categories';

export default function HomePage() {
  const { t } = useI18n();
  usePageTitle(null);
  return (
    <>
      <header className="mb-4">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </header>
      <section aria-labelledby="home-categories" className="mb-4">
        <h2 id="home-categories" className="h4">{t('home.categories')}</h2>
        <ul className="category-list list-unstyled" data-testid="category-list">
          {CATEGORIES.map((category) => (
            <li key={category}>
              <Link className="btn btn-outline-primary" to={`/category/${categorySlug(category)}`}>
                {t(categoryLabelKey(category))}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <Row className="g-4">
        <Col lg={8}>
          <BestSellerStrip />
        </Col>
        <Col lg={4}>
          <LatestPosts />
        </Col>
      </Row>
    </>
  );
}
