/** Bodies the fake answers with, shaped like WordPress's and WooCommerce's. */

export interface FakeResponse {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

/** WordPress REST error: { code, message, data: { status } }. */
export function restError(status: number, code: string, message: string): FakeResponse {
  return { status, json: { code, message, data: { status } } };
}

export const NO_ROUTE = restError(404, 'rest_no_route', 'No route was found matching the URL and request method.');

export function htmlPage(status: number, title: string): FakeResponse {
  return {
    status,
    html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  };
}
