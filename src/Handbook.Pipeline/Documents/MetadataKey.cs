namespace Handbook.Pipeline.Documents;

/// <summary>
/// A typed metadata key. Stages declare their keys as static fields, so metadata is never looked up by a
/// bare string and a value always comes back with the type it was stored with.
/// </summary>
public sealed class MetadataKey<T>(string name)
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}
