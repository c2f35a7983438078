internal import AsyncWebEncoding

/// Escapes text for HTML (MarkupSafe's `escape`): `&`, `<`, `>`, `"` and `'` become
/// entities. A ``Markup`` comes back unchanged.
///
/// ```swift
/// escape("<b>Ada</b>").html   // "&lt;b&gt;Ada&lt;/b&gt;"
/// ```
public func escape(_ value: some CustomStringConvertible) -> Markup {
    if let markup = value as? Markup { return markup }
    return Markup(HTMLEscaping.escape(value.description))
}

/// Escapes an optional: nil becomes `None`, as MarkupSafe prints Python's `None`.
public func escape(_ value: (some CustomStringConvertible)?) -> Markup {
    guard let value else { return Markup("None") }
    return escape(value)
}
