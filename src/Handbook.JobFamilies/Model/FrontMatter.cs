namespace Handbook.JobFamilies.Model;

/// <summary>
/// The page's YAML front matter. Known keys are typed; every key (known or not) is kept in <see cref="Values"/>
/// so old layouts' keys survive. <see cref="BodyStartLine"/> is the 1-based line where the Markdown body starts.
/// </summary>
public sealed class FrontMatter
{
    public static readonly FrontMatter None = new();

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Layout { get; init; }

    public string? CanonicalPath { get; init; }

    public IReadOnlyList<string> ExtraJs { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Values { get; init; } = new Dictionary<string, object?>();

    public int BodyStartLine { get; init; } = 1;
}
