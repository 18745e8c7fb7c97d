namespace Handbook.Pipeline.Incremental;

using System.Collections.Immutable;
using Handbook.Pipeline.Documents;

/// <summary>
/// The typed metadata key under which a document declares its <see cref="Dependency"/> list, and the one call stages
/// use to add to it. The engine notes which stage added each dependency, so an incremental run recomputes a document
/// only from the stage that used the changed input (see <see cref="Site.RunAsync(IReadOnlyList{Document}, BuildResult, IReadOnlyCollection{string}, CancellationToken)"/>).
/// </summary>
public static class DocumentDependencies
{
    public static readonly MetadataKey<ImmutableArray<Dependency>> Key = new("engine.dependencies");

    /// <summary>The document's dependencies (empty when it declared none).</summary>
    public static ImmutableArray<Dependency> DependenciesOf(this Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.TryGet(Key, out var list) && !list.IsDefault ? list : [];
    }

    /// <summary>
    /// Adds dependencies on <paramref name="inputs"/> (source paths or external input names); ones already declared
    /// are not added twice, and the document itself is never its own dependency. Returns the document unchanged (the
    /// same instance) when nothing is new.
    /// </summary>
    public static Document DependsOn(this Document document, IEnumerable<string> inputs, string? recomputeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(inputs);
        var current = document.DependenciesOf();
        var builder = current.ToBuilder();
        foreach (var input in inputs)
        {
            var dependency = new Dependency(input, recomputeFrom);
            if (!string.Equals(input, document.SourcePath, StringComparison.Ordinal) && !builder.Contains(dependency))
            {
                builder.Add(dependency);
            }
        }

        return builder.Count == current.Length ? document : document.With(Key, builder.ToImmutable());
    }
}
