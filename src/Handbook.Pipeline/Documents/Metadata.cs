using System.Collections.Immutable;

namespace Handbook.Pipeline.Documents;

/// <summary>Immutable typed metadata of a document. Setting a value returns a new instance.</summary>
public sealed class Metadata
{
    public static readonly Metadata Empty = new(ImmutableDictionary<object, object?>.Empty);

    private readonly ImmutableDictionary<object, object?> _values;

    private Metadata(ImmutableDictionary<object, object?> values) => _values = values;

    public Metadata With<T>(MetadataKey<T> key, T value) => new(_values.SetItem(key, value));

    public bool TryGet<T>(MetadataKey<T> key, out T value)
    {
        if (_values.TryGetValue(key, out var v) && v is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    public T? GetOrDefault<T>(MetadataKey<T> key) => TryGet(key, out var v) ? v : default;

    public T Get<T>(MetadataKey<T> key) =>
        TryGet(key, out var v) ? v : throw new KeyNotFoundException($"metadata '{key.Name}' is not set");

    public bool Contains<T>(MetadataKey<T> key) => _values.ContainsKey(key);
}
