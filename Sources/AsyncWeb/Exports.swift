// `import AsyncWeb` is the one import of an app: the HTTP layer's `Request`, `Response`
// and server, the template engine's `Markup` and `escape`, the signing primitives and
// `JSONValue` come with it.
@_exported public import AsyncWebHTTP
@_exported public import AsyncWebTLS
@_exported public import AsyncWebTemplates
@_exported public import AsyncWebSigning
@_exported public import AsyncWebEncoding
