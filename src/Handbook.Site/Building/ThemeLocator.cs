namespace Handbook.Site.Building;

/// <summary>
/// Finds the theme folder. An explicit <c>--theme</c> is used as given. The default <c>theme</c> is looked up in
/// the current folder (the repository root when building the handbook) and, failing that, beside the tool's own
/// files, where <c>dotnet publish</c> puts a copy, so a published tool works from any folder.
/// </summary>
public static class ThemeLocator
{
    public const string DefaultFolder = "theme";

    public static string Resolve(string? explicitFolder)
    {
        if (explicitFolder is not null)
        {
            return explicitFolder;
        }

        if (Directory.Exists(DefaultFolder))
        {
            return DefaultFolder;
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, DefaultFolder);
        return Directory.Exists(bundled) ? bundled : DefaultFolder;
    }
}
