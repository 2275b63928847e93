/**
 * Reason phrases for the statuses the lab's servers and libraries answer with
 * (RFC 9110 §15). Records keep only the status code; DevTools shows both.
 */
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 415: 'Unsupported Media Type',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

/** `No Content` for 204; '' for a status without a phrase here. */
export function statusText(status: number): string {
  return REASONS[status] ?? '';
}
