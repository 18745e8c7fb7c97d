namespace Handbook.JobFamilies.Model;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// A grade found on the page for a role. <see cref="Value"/> is the id as written ("7", "9.5");
/// <see cref="Title"/>, <see cref="Track"/> and <see cref="Url"/> are set once resolved against the grade data.
/// </summary>
public sealed record GradeAssignment(string Value, SourceLocation Location)
{
    public string? Title { get; init; }

    public string? Track { get; init; }

    public string? Url { get; init; }

    public bool Resolved => Title is not null;
}
