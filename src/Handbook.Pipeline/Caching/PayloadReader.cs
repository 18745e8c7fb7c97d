namespace Handbook.Pipeline.Caching;

/// <summary>
/// Turns an entry's payload into a value (<see cref="ContentCache.TryRead{T}"/>); the span is a pooled buffer that is
/// reused after the call, so the value must not refer to it. False when the payload is not such a value.
/// </summary>
public delegate bool PayloadReader<T>(ReadOnlySpan<byte> payload, out T value);
