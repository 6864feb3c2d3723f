import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bestSellers } from '../test/apiFixtures';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

describe('region badge', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.api('GET', '/books', () => json(200, { items: [], nextCursor: null }));
  });

  it('shows a blank placeholder while /region loads, never "unknown"', async () => {
    let answer: () => void = () => {};
    backend.api('GET', '/region', () => new Promise<Response>((resolve) => {
      answer = () => resolve(json(200, { region: 'eu-west-1', role: 'primary' }, { 'X-Bookstore-Region': 'eu-west-1' }));
    }));
    backend.api('GET', '/bestsellers', () => new Promise<Response>(() => {})); // no other answer names the region first
    renderApp('/');
    const badge = screen.getByTestId('region-badge');
    expect(badge).toHaveAttribute('data-state', 'pending');
    expect(badge).not.toHaveTextContent(/unknown/i);
    expect(badge).toHaveTextContent('Finding the serving region…'); // visually hidden: read out, not shown

    answer();
    await waitFor(() => expect(screen.getByTestId('region-badge')).toHaveAttribute('data-state', 'known'));
    expect(screen.getByTestId('region-badge')).toHaveTextContent('Served from eu-west-1 (primary)');
  });

  it('says "Region unknown" once /region has failed and no answer named a region', async () => {
    backend.api('GET', '/region', () => {
      throw new TypeError('Failed to fetch');
    });
    backend.api('GET', '/bestsellers', () => new Promise<Response>(() => {}));
    renderApp('/');
    await waitFor(() => expect(screen.getByTestId('region-badge')).toHaveAttribute('data-state', 'unknown'));
    expect(screen.getByTestId('region-badge')).toHaveTextContent('Region unknown');
  });

  it('names the region that served the latest answer, not the one /region named first (a failover since)', async () => {
    let answer: () => void = () => {};
    backend.api('GET', '/bestsellers', () => new Promise<Response>((resolve) => {
      answer = () => resolve(json(200, bestSellers([]), { 'X-Bookstore-Region': 'ap-southeast-1' }));
    }));
    renderApp('/');
    await waitFor(() => expect(screen.getByTestId('region-badge')).toHaveAttribute('data-region', 'eu-west-1'));

    answer();
    await waitFor(() => expect(screen.getByTestId('region-badge')).toHaveAttribute('data-region', 'ap-southeast-1'));
    expect(screen.getByTestId('region-badge')).toHaveClass('bg-warning');
  });
});
