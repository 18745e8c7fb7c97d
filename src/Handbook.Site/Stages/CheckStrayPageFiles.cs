namespace Handbook.Site.Stages;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Lists the files under <c>input/job-families/</c> and reports those that look like pages but are not read as pages
/// (PAGE003, <see cref="StrayPageFiles"/>): the input globs read only <c>*.md</c>, <c>*.erb</c> and images, so a page
/// saved as <c>x.mb</c> or without an ending was left out without a word. Documents pass through unchanged; the
/// listing is this stage's only I/O (the rule itself is in the domain, free of I/O).
/// </summary>
public sealed class CheckStrayPageFiles(string inputFolder) : IStage
{
    public string Name => nameof(CheckStrayPageFiles);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = Path.Combine(inputFolder, FamilyPath.Root);
        if (Directory.Exists(root))
        {
            // Hidden files and folders (.git, .DS_Store) are no pages; unreadable folders are ReadInput's to report.
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
            var paths = Directory.EnumerateFiles(root, "*", options)
                .Select(file => Path.GetRelativePath(inputFolder, file).Replace('\\', '/'));
            var diagnostics = new List<Diagnostic>();
            StrayPageFiles.Check(paths, diagnostics);
            context.Diagnostics.ReportAll(diagnostics);
        }

        return Task.FromResult(documents);
    }
}
