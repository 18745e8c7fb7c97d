namespace Handbook.Site.Cli;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Turns a diagnostic's path into a path relative to the folder <c>check</c> runs in (the repository root in CI), so
/// GitLab can find the file: diagnostics of pages are input-relative (<c>job-families/a.md</c> →
/// <c>input/job-families/a.md</c>), THEME0xx diagnostics are labelled with the theme folder's name
/// (<c>theme/404.liquid</c>), and problems of no file (<c>(site)</c>) or of the input folder itself (<c>.</c>) point at
/// the input folder.
/// </summary>
/// <param name="InputPrefix">The input folder relative to the working folder, '/'-separated; empty when they are the same.</param>
/// <param name="ThemeParentPrefix">The folder holding the theme folder, relative to the working folder; empty when it is the working folder.</param>
public sealed record RepositoryPaths(string InputPrefix, string ThemeParentPrefix)
{
    /// <summary>Paths as given, for reports that are not read from a repository.</summary>
    public static RepositoryPaths None { get; } = new(string.Empty, string.Empty);

    /// <summary>The prefixes of an input and a theme folder (as the user gave them) seen from <paramref name="workingFolder"/>.</summary>
    public static RepositoryPaths Of(string inputFolder, string themeFolder, string workingFolder)
    {
        var themeFull = Path.GetFullPath(themeFolder, workingFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return new RepositoryPaths(
            Relative(Path.GetFullPath(inputFolder, workingFolder), workingFolder),
            Relative(Path.GetDirectoryName(themeFull) ?? themeFull, workingFolder));
    }

    public string Of(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.Path;
        if (path == EngineDiagnostics.SiteLocation.Path || path == ".")
        {
            return InputPrefix.Length == 0 ? "." : InputPrefix;
        }

        // Theme.Load labels its diagnostics "<theme folder name>/<template>", relative to the theme's parent folder.
        return diagnostic.Code.StartsWith("THEME", StringComparison.Ordinal) ? Join(ThemeParentPrefix, path) : OfInputFile(path);
    }

    /// <summary>The repository path of an input-relative file path (<c>job-families/a.md</c>).</summary>
    public string OfInputFile(string inputRelativePath) => Join(InputPrefix, inputRelativePath);

    private static string Join(string prefix, string path) => prefix.Length == 0 ? path : prefix + "/" + path;

    private static string Relative(string full, string workingFolder)
    {
        var relative = Path.GetRelativePath(workingFolder, full).Replace('\\', '/').TrimEnd('/');
        return relative == "." ? string.Empty : relative;
    }
}
