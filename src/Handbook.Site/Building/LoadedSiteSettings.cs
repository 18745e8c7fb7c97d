namespace Handbook.Site.Building;

using Handbook.Site.Navigation;

/// <summary>
/// What <c>input/settings.yml</c> said in this build, filled by the <c>ReadSiteSettings</c> stage before the theme
/// renders (the file is read inside the pipeline so its SET0xx errors stop the output like any other error).
/// </summary>
public sealed class LoadedSiteSettings
{
    public History.Settings.SiteSettings File { get; private set; } = History.Settings.SiteSettings.Default;

    /// <summary>"Edit this page" links, or null when no <c>repository_url</c> is configured.</summary>
    public EditLinks? EditLinks { get; private set; }

    public void Set(History.Settings.SiteSettings file, string inputFolder)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        EditLinks = EditLinks.From(file, inputFolder);
    }
}
