/**
 * The cover to load, or null for the placeholder: only same-site paths, because covers are served by
 * the site itself and a remote URL would be a hot link the storefront never asked for (docs/ui.md).
 */
export function sameSiteCover(cover: string): string | null {
  return cover.startsWith('/') && !cover.startsWith('//') ? cover : null;
}
