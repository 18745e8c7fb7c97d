namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// The repository's sample site (<c>input/</c> and <c>theme/</c>) copied into a temporary folder, so a preview test
/// can change its files, and the preview request that builds it there (without history).
/// </summary>
internal static class SampleSiteCopy
{
    public static TempFolder Copy()
    {
        var folder = new TempFolder();
        foreach (var name in new[] { "input", "theme" })
        {
            var from = Path.Combine(SharedCorpus.RepositoryRoot, name);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder[name], Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return folder;
    }

    public static BuildRequest Request(TempFolder folder) =>
        new() { InputFolder = folder["input"], OutputFolder = folder["output"], ThemeFolder = folder["theme"], History = false };
}
