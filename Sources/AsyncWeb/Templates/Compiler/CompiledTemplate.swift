/// A parsed and compiled template, ready to render any number of times.
final class CompiledTemplate: Sendable {}
