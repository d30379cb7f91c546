// Package fetch is strikebot's polite, hardened HTTP client for feeds and the
// article pages they link to.
//
// A [Client] sends one conditional GET at a time per call to [Client.Get]:
// it names itself with a User-Agent, sends the validators (ETag,
// Last-Modified) it is given verbatim, asks for gzip and decodes it itself
// under a cap on decoded bytes, follows a bounded number of redirects, and
// turns 304, 429 and 503 into values a scheduler can act on.
//
// Every connection, including every redirect hop, goes through one guarded
// dialer. The dialer resolves the host once, refuses the request unless every
// address is public (see [IsPublic]) or explicitly allowed, and then dials
// exactly the address it checked, so neither an obfuscated IP literal, a
// hostname pointing at 127.0.0.1, DNS rebinding nor a redirect can reach the
// machine's own network. Environment proxies are ignored for the same reason.
//
// Errors returned by Get have the form "fetch: GET <url>: <cause>" with any
// password in the URL redacted; the cause can be tested with errors.Is
// ([ErrBlocked], [ErrScheme], [ErrTooLarge], [ErrTooManyRedirects],
// [ErrTimeout]) and errors.As ([*StatusError]).
//
// The package imports nothing else of strikebot's.
package fetch
