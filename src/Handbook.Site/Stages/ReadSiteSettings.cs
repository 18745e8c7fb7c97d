namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.History.Settings;

/// <summary>
/// Reads the optional <c>input/settings.yml</c> once per build into <paramref name="loaded"/> (for the theme's
/// "Edit this page" links); its diagnostics are reported like any other. Documents pass through unchanged.
/// </summary>
public sealed class ReadSiteSettings(string inputFolder, LoadedSiteSettings loaded) : IStage
{
    public string Name => nameof(ReadSiteSettings);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        loaded.Set(SiteSettingsFile.Load(inputFolder, context.Diagnostics), inputFolder);
        return Task.FromResult(documents);
    }
}
