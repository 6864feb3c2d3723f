import { act, screen } from '@testing-library/react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp } from '../app/startApp';
import { FakeBackend, json, TEST_CONFIG } from '../test/fakeBackend';
import { ConfigError, loadRuntimeConfig, parseRuntimeConfig } from './runtimeConfig';

describe('runtime configuration', () => {
  let root: Root | null = null;
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
    document.body.innerHTML = '';
  });

  async function start() {
    const container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
    await act(() => startApp(root!, undefined, (routes) => createMemoryRouter(routes, { initialEntries: ['/'] })));
  }

  it('is loaded from /config.json before the app renders, then drives the API calls', async () => {
    const backend = new FakeBackend().withQuietHome().install();
    backend.site('/config.json', () => json(200, TEST_CONFIG));

    await start();

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to the Bookstore' })).toBeInTheDocument();
    expect(backend.requests[0]?.url.pathname).toBe('/config.json');
    expect(backend.requests.some((r) => r.url.href === 'http://api.test/api/region')).toBe(true);
  });

  it('shows a clear message instead of the app when /config.json cannot be loaded', async () => {
    const backend = new FakeBackend().install();
    backend.site('/config.json', () => new Response('missing', { status: 404 }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    await start();

    expect(await screen.findByTestId('config-error')).toHaveTextContent('The bookstore could not start');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(String(logged.mock.calls[0]?.[0])).toContain('config.json answered HTTP 404');
    expect(backend.requests.map((r) => r.url.pathname)).toEqual(['/config.json']);
  });

  it('names the missing field', () => {
    const broken = { ...TEST_CONFIG, cognito: { ...TEST_CONFIG.cognito, clientId: '' } };
    expect(() => parseRuntimeConfig(broken)).toThrow('"cognito.clientId" must be a non-empty string');
    expect(() => parseRuntimeConfig([])).toThrow(ConfigError);
  });

  it('requires the user pool\'s password policy, the rules sign-up checks', () => {
    const without = { ...TEST_CONFIG, cognito: { ...TEST_CONFIG.cognito, passwordPolicy: undefined } };
    const policy = TEST_CONFIG.cognito.passwordPolicy;
    const withLength = (minimumLength: unknown) =>
      ({ ...TEST_CONFIG, cognito: { ...TEST_CONFIG.cognito, passwordPolicy: { ...policy, minimumLength } } });
    const withNumbers = { ...TEST_CONFIG, cognito: { ...TEST_CONFIG.cognito, passwordPolicy: { ...policy, requireNumbers: 'yes' } } };

    expect(parseRuntimeConfig(TEST_CONFIG).cognito.passwordPolicy).toEqual(policy);
    expect(() => parseRuntimeConfig(without)).toThrow('"cognito.passwordPolicy" must be an object');
    expect(() => parseRuntimeConfig(withLength('12'))).toThrow('"cognito.passwordPolicy.minimumLength" must be a positive whole number');
    expect(() => parseRuntimeConfig(withLength(0))).toThrow('minimumLength');
    expect(() => parseRuntimeConfig(withNumbers)).toThrow('"cognito.passwordPolicy.requireNumbers" must be true or false');
  });

  it('rejects a body that is not JSON and never serves a cached copy', async () => {
    const requests: RequestInit[] = [];
    const fetchHtml = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(init ?? {});
      return new Response('<html>', { status: 200 });
    }) as typeof fetch;
    await expect(loadRuntimeConfig(fetchHtml)).rejects.toThrow('config.json is not valid JSON');
    expect(requests[0]?.cache).toBe('no-store');
  });

  it("takes both regions' Cognito endpoints in order, or the one endpoint of a config.json without them", () => {
    const singleRegion: Record<string, unknown> = { ...TEST_CONFIG.cognito };
    delete singleRegion.endpoints;
    const withEndpoints = (endpoints: unknown) => ({ ...TEST_CONFIG, cognito: { ...TEST_CONFIG.cognito, endpoints } });

    expect(parseRuntimeConfig({ ...TEST_CONFIG, cognito: singleRegion }).cognito.endpoints).toEqual(['http://cognito.test/']);
    expect(parseRuntimeConfig(withEndpoints(['http://cognito.test/', 'http://replica.test/'])).cognito.endpoints)
      .toEqual(['http://cognito.test/', 'http://replica.test/']);
    expect(() => parseRuntimeConfig(withEndpoints([]))).toThrow('"cognito.endpoints" must be a non-empty list of non-empty strings');
    expect(() => parseRuntimeConfig(withEndpoints('http://cognito.test/'))).toThrow('"cognito.endpoints"');
    expect(() => parseRuntimeConfig(withEndpoints(['http://cognito.test/', '']))).toThrow('"cognito.endpoints"');
  });

  it('trims a trailing slash from the URLs', () => {
    const config = parseRuntimeConfig({ ...TEST_CONFIG, apiBaseUrl: 'https://api.example.com/', blogUrl: 'https://blog.example.com/' });
    expect(config.apiBaseUrl).toBe('https://api.example.com');
    expect(config.blogUrl).toBe('https://blog.example.com');
  });
});
