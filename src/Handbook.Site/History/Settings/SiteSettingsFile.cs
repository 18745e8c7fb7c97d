namespace Handbook.Site.History.Settings;

using Handbook.Pipeline.Diagnostics;

/// <summary>Loads <c>input/settings.yml</c> (optional: without it every setting has its default).</summary>
public static class SiteSettingsFile
{
    public static SiteSettings Load(string inputFolder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(inputFolder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var file = Path.Combine(inputFolder, SiteSettings.FileName);
        if (!File.Exists(file))
        {
            return SiteSettings.Default;
        }

        var (settings, found) = SiteSettingsReader.Read(File.ReadAllText(file), SiteSettings.FileName);
        diagnostics.ReportAll(found);
        return settings;
    }
}
