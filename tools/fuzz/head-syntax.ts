/**
 * Is a response head well-formed HTTP/1.1 (RFC 9112 §4, §5; RFC 9110 §5.5)?
 * The fuzz calls a head "malformed" when any line breaks these rules or the
 * framing headers disagree with the body.
 */

// status-line = HTTP-version SP status-code SP [ reason-phrase ]; reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
const STATUS_LINE = /^HTTP\/1\.[01] [1-5][0-9]{2} [\t\x20-\x7e\x80-\xff]*$/;
// field-line = field-name ":" OWS field-value OWS; field-name = token; no CR, LF or NUL in a value.
const FIELD_LINE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+:[ \t]*(?:[\x21-\x7e\x80-\xff](?:[ \t\x21-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?[ \t]*$/;

/** What is wrong with a response: an empty list when nothing is. `bodyless`: a HEAD answer, a 204 or a 304. */
export function headProblems(head: Buffer, body: Buffer, bodyless: boolean): string[] {
  const problems: string[] = [];
  const lines = head.toString('latin1').split('\r\n');
  const statusLine = lines[0] ?? '';
  if (!STATUS_LINE.test(statusLine)) problems.push(`status line ${JSON.stringify(statusLine)}`);
  const lengths: string[] = [];
  let chunked = false;
  for (const line of lines.slice(1)) {
    if (!FIELD_LINE.test(line)) {
      problems.push(`header line ${JSON.stringify(line.slice(0, 120))}`);
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') lengths.push(value);
    if (name === 'transfer-encoding') chunked = true;
  }
  if (lengths.length > 1 && new Set(lengths).size > 1) problems.push(`Content-Length given twice: ${lengths.join(', ')}`);
  if (lengths.length > 0 && chunked) problems.push('both Content-Length and Transfer-Encoding');
  const length = lengths[0];
  if (length !== undefined && !/^[0-9]+$/.test(length)) problems.push(`Content-Length ${JSON.stringify(length)}`);
  else if (length !== undefined && !bodyless && Number(length) !== body.length) problems.push(`Content-Length ${length} but ${body.length} body bytes`);
  else if (bodyless && body.length > 0) problems.push(`${body.length} body bytes after a head that may have no body`);
  return problems;
}
