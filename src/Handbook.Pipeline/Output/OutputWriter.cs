namespace Handbook.Pipeline.Output;

using System.Security.Cryptography;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>
/// Writes every document that has a destination into a fresh temporary folder beside the output folder
/// (<c>.output.tmp-&lt;random&gt;</c>) and then swaps it in: the old folder is renamed to <c>.output.old-&lt;random&gt;</c>,
/// the new one renamed to the output name, and the old one deleted. Readers (a preview server, a deploy) therefore
/// never see a half-written site, and a failed or cancelled build leaves the previous output exactly as it was.
/// </summary>
/// <remarks>
/// Not thread-safe for one output folder: run one build per output folder at a time. The two renames are each
/// atomic; between them the output name is briefly missing (POSIX has no portable directory exchange).
/// </remarks>
public class OutputWriter(string outputFolder, OutputWriterOptions? options = null)
{
    private readonly OutputWriterOptions _options = options ?? new OutputWriterOptions();
    private readonly string _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));

    public string OutputFolder => _output;

    public OutputWriterOptions Options => _options;

    /// <summary>
    /// Writes and swaps in the output when <paramref name="buildSucceeded"/> (or keep-going is set); otherwise leaves
    /// the old output untouched. Problems are reported to <paramref name="diagnostics"/>; only cancellation throws.
    /// </summary>
    public async Task<OutputWriteResult> WriteAsync(
        IReadOnlyList<Document> documents, bool buildSucceeded, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        cancellationToken.ThrowIfCancellationRequested();
        var name = Path.GetFileName(_output);
        var parent = Path.GetDirectoryName(_output);
        if (parent is null || name.Length == 0 || OverlapsInput())
        {
            diagnostics.Report(EngineDiagnostics.OutputContainsInput(name.Length == 0 ? _output : name));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }

        var files = OutputPlan.Create(documents, diagnostics);
        if (!(buildSucceeded && files.IsComplete) && !_options.KeepGoing)
        {
            return new OutputWriteResult(OutputWriteOutcome.SkippedBecauseBuildFailed, 0);
        }

        var temporary = Path.Combine(parent, $".{name}.tmp-{RandomSuffix()}");
        try
        {
            Directory.CreateDirectory(parent);
            DeleteStaleLeftovers(parent, name);
            Directory.CreateDirectory(temporary);
            await WriteFilesAsync(files.Files, temporary, cancellationToken).ConfigureAwait(false);

            // Last chance to cancel: after this point the swap runs to the end, so the output is old or new, never mixed.
            cancellationToken.ThrowIfCancellationRequested();
            Swap(temporary, parent, name);
            return new OutputWriteResult(OutputWriteOutcome.Replaced, files.Files.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            TryDeleteFolder(temporary);
            throw;
        }
        catch (DocumentWriteException ex)
        {
            TryDeleteFolder(temporary);
            diagnostics.Report(EngineDiagnostics.WriteFailed(ex.Document.SourcePath, ex.InnerException!));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }
#pragma warning disable CA1031 // Whatever failed (I/O, a writer bug), the temporary folder must go and the old output stay.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TryDeleteFolder(temporary);
            diagnostics.Report(EngineDiagnostics.WriteFailed(EngineDiagnostics.SiteLocation.Path, ex));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }
    }

    /// <summary>Writes one document's bytes to <paramref name="fullPath"/>; its folder exists already.</summary>
    protected virtual Task WriteDocumentAsync(Document document, string fullPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return File.WriteAllBytesAsync(fullPath, document.ToOutputBytes(), cancellationToken);
    }

    private async Task WriteFilesAsync(IReadOnlyList<PlannedFile> files, string temporary, CancellationToken cancellationToken)
    {
        // Folders first and in order, so the parallel writers below never race to create the same folder.
        foreach (var folder in files.Select(f => Path.GetDirectoryName(f.Destination)).OfType<string>().Where(f => f.Length > 0).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(Path.Combine(temporary, folder));
        }

        await Parallel.ForEachAsync(
            files,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) },
            async (file, ct) =>
            {
                try
                {
                    await WriteDocumentAsync(file.Document, Path.Combine(temporary, file.Destination), ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // Any failure must abort the swap and be reported at the document; it is rethrown wrapped.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    throw new DocumentWriteException(file.Document, ex);
                }
            }).ConfigureAwait(false);
    }

    private void Swap(string temporary, string parent, string name)
    {
        if (!Directory.Exists(_output))
        {
            Directory.Move(temporary, _output);
            return;
        }

        var old = Path.Combine(parent, $".{name}.old-{RandomSuffix()}");
        Directory.Move(_output, old);
        try
        {
            Directory.Move(temporary, _output);
        }
        catch
        {
            // Put the previous output back before reporting, so a failed swap changes nothing.
            Directory.Move(old, _output);
            throw;
        }

        TryDeleteFolder(old);
    }

    private bool OverlapsInput()
    {
        if (_options.InputFolder is null)
        {
            return false;
        }

        var input = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_options.InputFolder));
        return string.Equals(input, _output, StringComparison.Ordinal)
            || input.StartsWith(_output + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Removes temporary folders that crashed builds (killed processes) left behind.</summary>
    private void DeleteStaleLeftovers(string parent, string name)
    {
        var cutoff = DateTime.UtcNow - _options.StaleLeftoverAge;
        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.tmp-*")
            .Concat(Directory.EnumerateDirectories(parent, $".{name}.old-*"))
            .Where(folder => Directory.GetLastWriteTimeUtc(folder) < cutoff)
            .ToList();
        foreach (var folder in leftovers)
        {
            TryDeleteFolder(folder);
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless (hidden, cleaned by a later build); the output itself is intact.
        }
    }

    private static string RandomSuffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
