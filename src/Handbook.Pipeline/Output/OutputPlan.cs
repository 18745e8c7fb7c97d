namespace Handbook.Pipeline.Output;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>
/// The files to write: documents with a destination, checked (INTERNAL003) and without clashes (INTERNAL004),
/// sorted by destination then source path so the first document of a clash wins on every run.
/// </summary>
public sealed class OutputPlan
{
    private OutputPlan(IReadOnlyList<PlannedFile> files, bool isComplete)
    {
        Files = files;
        IsComplete = isComplete;
    }

    public IReadOnlyList<PlannedFile> Files { get; }

    /// <summary>False when a destination was refused, i.e. the output would be missing a file.</summary>
    public bool IsComplete { get; }

    public static OutputPlan Create(IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var files = new List<PlannedFile>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var isComplete = true;
        var ordered = documents
            .Where(d => d.Destination is not null)
            .OrderBy(d => d.Destination, StringComparer.Ordinal)
            .ThenBy(d => d.SourcePath, StringComparer.Ordinal);
        foreach (var document in ordered)
        {
            var destination = document.Destination!;
            var problem = OutputPath.Validate(destination);
            if (problem is not null)
            {
                diagnostics.Report(EngineDiagnostics.InvalidDestination(document.SourcePath, destination, problem));
                isComplete = false;
                continue;
            }

            if (owners.TryGetValue(destination, out var first))
            {
                diagnostics.Report(EngineDiagnostics.DuplicateDestination(document.SourcePath, destination, first));
                isComplete = false;
                continue;
            }

            owners.Add(destination, document.SourcePath);
            files.Add(new PlannedFile(destination, document));
        }

        return new OutputPlan(RemoveFileFolderClashes(files, diagnostics, ref isComplete), isComplete);
    }

    /// <summary>A file 'a' and a file 'a/b' cannot both exist: the folder wins, the file is reported.</summary>
    private static List<PlannedFile> RemoveFileFolderClashes(List<PlannedFile> files, DiagnosticBag diagnostics, ref bool isComplete)
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var folder in OutputPath.FoldersOf(file.Destination))
            {
                folders.TryAdd(folder, file.Document.SourcePath);
            }
        }

        var kept = new List<PlannedFile>(files.Count);
        foreach (var file in files)
        {
            if (folders.TryGetValue(file.Destination, out var other))
            {
                diagnostics.Report(EngineDiagnostics.DuplicateDestination(file.Document.SourcePath, file.Destination, other));
                isComplete = false;
                continue;
            }

            kept.Add(file);
        }

        return kept;
    }
}
