namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Theming;

/// <summary>
/// Writes every document that has a destination, plus the theme's assets, into a fresh folder beside the output
/// folder and then swaps it in, so the output is never half-written. With errors reported and no
/// <c>--keep-going</c> nothing is written and the previous output stays.
/// </summary>
public sealed class WriteOutputFolder(string outputFolder, Theme theme, bool keepGoing) : IStage
{
    public string Name => nameof(WriteOutputFolder);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        if (context.Diagnostics.HasErrors && !keepGoing)
        {
            return Task.FromResult(documents);
        }

        var target = Path.GetFullPath(outputFolder);
        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".staging";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        foreach (var document in documents.Where(d => d.Destination is not null))
        {
            var path = Path.Combine(staging, document.Destination!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, document.Content);
        }

        foreach (var asset in theme.Assets)
        {
            var path = Path.Combine(staging, asset);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Path.Combine(theme.Directory, asset), path);
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(staging, target);
        return Task.FromResult(documents);
    }
}
