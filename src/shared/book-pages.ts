/**
 * The pages the book's server serves (hello.html, Listing 20-4; 404.html, Listing 20-7), as the
 * HTTP responders send them until the user edits them.
 */

export const HELLO_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Hello!</title>
  </head>
  <body>
    <h1>Hello!</h1>
    <p>Hi from Rust</p>
  </body>
</html>
`

export const NOT_FOUND_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Hello!</title>
  </head>
  <body>
    <h1>Oops!</h1>
    <p>Sorry, I don't know what you're asking for.</p>
  </body>
</html>
`

/** Where a response head template puts the body's length in UTF-8 bytes. */
export const LENGTH_PLACEHOLDER = '{length}'

/**
 * The head of Listing 20-5's response: `format!("{status_line}\r\nContent-Length: {length}\r\n\r\n")`.
 */
export const HELLO_HEAD = 'HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n'

/** Listing 20-7's 404 head, with the book's status text (not the RFC's "Not Found"). */
export const NOT_FOUND_HEAD = 'HTTP/1.1 404 NOT FOUND\r\nContent-Length: {length}\r\n\r\n'
