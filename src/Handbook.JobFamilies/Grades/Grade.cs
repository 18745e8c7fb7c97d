namespace Handbook.JobFamilies.Grades;

/// <summary>
/// One row of the grade data: the id, its title in the general track, titles in other tracks, and optional
/// career track (<c>individual-contributor</c> or <c>management</c>), equivalent title and note.
/// </summary>
public sealed class Grade
{
    public required GradeId Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Titles in the non-general tracks, by track id. A track without an entry falls back to <see cref="Title"/>.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();

    public string? CareerTrack { get; init; }

    public string? Equivalent { get; init; }

    public string? Note { get; init; }

    /// <summary>1-based line of the entry in the data file (0 when the grade was not read from a file).</summary>
    public int Line { get; init; }

    /// <summary>The title to show in <paramref name="trackId"/>, falling back to the general title.</summary>
    public string TitleIn(string trackId) =>
        trackId != GradeTable.GeneralTrackId && Titles.TryGetValue(trackId, out var title) ? title : Title;
}
