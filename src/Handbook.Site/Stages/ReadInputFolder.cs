namespace Handbook.Site.Stages;

using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Reads the text files of the input folder below <c>job-families/</c>, <c>data/</c> and <c>includes/</c> into
/// documents (input-relative '/' paths, ordinal order). A file that is not UTF-8 text is reported (IO0xx) and skipped.
/// </summary>
public sealed class ReadInputFolder(string inputFolder) : IStage
{
    private static readonly string[] Folders = ["job-families", "data", "includes"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Name => nameof(ReadInputFolder);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        if (!Directory.Exists(inputFolder))
        {
            context.Diagnostics.Report(Diagnostic.Error("IO005", $"input folder '{inputFolder}' does not exist", SourceLocation.File(Path.GetFileName(Path.TrimEndingDirectorySeparator(inputFolder))), "pass --input DIR"));
            return Task.FromResult(documents);
        }

        var root = Path.GetFullPath(inputFolder);
        var files = Folders
            .Select(f => Path.Combine(root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        var read = new List<Document>(documents);
        foreach (var (full, relative) in files)
        {
            var bytes = File.ReadAllBytes(full);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                context.Diagnostics.Report(Diagnostic.Error("IO001", "file is binary, not text", SourceLocation.File(relative)));
                continue;
            }

            try
            {
                var text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF').ReplaceLineEndings("\n");
                read.Add(Document.FromSource(relative, text));
            }
            catch (DecoderFallbackException)
            {
                context.Diagnostics.Report(Diagnostic.Error("IO002", "file is not valid UTF-8", SourceLocation.File(relative), "save the file as UTF-8"));
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>(read);
    }
}
