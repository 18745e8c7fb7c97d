namespace Handbook.JobFamilies.Model;

using System.Globalization;
using Handbook.Pipeline.Diagnostics;

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

    /// <summary>Where each top-level key's value is written (empty when the YAML could not be read).</summary>
    public IReadOnlyDictionary<string, FrontMatterPosition> Positions { get; init; } = new Dictionary<string, FrontMatterPosition>();

    /// <summary>
    /// The <c>weight</c> key (Hugo's order of the pages in a folder) as a number; null when absent or not a number
    /// (FM006 reports that).
    /// </summary>
    public decimal? Weight => Values.TryGetValue(WeightKey, out var value) && TryParseWeight(value, out var weight) ? weight : null;

    public const string WeightKey = "weight";

    /// <summary>Whether a front-matter value reads as a weight: a number, as written in YAML (<c>30</c>, <c>-5</c>, <c>2.5</c>).</summary>
    public static bool TryParseWeight(object? value, out decimal weight)
    {
        weight = 0;
        return value is string text
            && decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out weight);
    }

    /// <summary>The location of <paramref name="key"/>'s value in <paramref name="path"/>; line 1 when it is not known.</summary>
    public SourceLocation LocationOf(string path, string key) =>
        Positions.TryGetValue(key, out var at) ? new SourceLocation(path, at.Line, at.Column) : new SourceLocation(path, 1, 1);
}
