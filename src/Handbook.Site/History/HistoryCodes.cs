namespace Handbook.Site.History;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Diagnostics of version discovery (HIST0xx). None of them fails the build: without usable history the site is
/// built without versioned pages.
/// </summary>
public static class HistoryCodes
{
    /// <summary>The input folder is not inside a git work tree.</summary>
    public const string NoRepository = "HIST001";

    /// <summary>The repository is a shallow clone; only the visible commits are used.</summary>
    public const string ShallowClone = "HIST002";

    /// <summary>The repository has no commits yet (unborn HEAD).</summary>
    public const string NoCommits = "HIST003";

    /// <summary>libgit2 could not read the repository (corrupt objects, unsupported extension, …).</summary>
    public const string Unreadable = "HIST004";

    /// <summary>Where history diagnostics point: the input folder itself.</summary>
    public static SourceLocation Location { get; } = SourceLocation.File(".");

    public static Diagnostic Info(string code, string message, string? hint = null) =>
        new(Severity.Info, code, message, Location, hint);
}
