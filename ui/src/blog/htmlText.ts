/**
 * The text of a WordPress HTML fragment (titles arrive as "Tom &#038; Jerry"). A DOMParser document
 * is inert: nothing in it runs or loads, and only its text is kept.
 */
export function htmlText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
}
