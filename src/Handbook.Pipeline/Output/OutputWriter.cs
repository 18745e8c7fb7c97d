namespace Handbook.Pipeline.Output;

using System.Buffers;
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
/// With <see cref="OutputWriterOptions.UpdateInPlace"/>, a writer that has written the folder before changes only
/// the files whose bytes differ from what it wrote: each is first written beside its target under a hidden temporary
/// name, and only when all are written are they renamed over their targets (and removed files deleted). A failure
/// before that leaves the folder exactly as it was; the renames take microseconds. Files changed by someone else
/// in between are not noticed (the writer compares with what it wrote, not with the disk).
/// A one-shot build that knows the previous output's files (<c>--cache</c>: a staging given
/// <see cref="PreviousOutputFiles"/>) updates in place the same way, comparing with the disk: files whose bytes are
/// unchanged stay, the rest wait in a hidden temporary folder and are renamed into the output once the build has
/// succeeded (<see cref="InPlaceOutputUpdate"/>, which says what that gives up).
/// </remarks>
public class OutputWriter(string outputFolder, OutputWriterOptions? options = null)
{
    // Threads deleting the output folder a write replaced (FolderTreeDeletion), so their waits on the disk overlap (two
    // and four measured: four was the faster).
    internal const int ReplacedOutputDeletionThreads = 4;

    private readonly OutputWriterOptions _options = options ?? new OutputWriterOptions();
    private readonly string _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));

    public string OutputFolder => _output;

    public OutputWriterOptions Options => _options;

    /// <summary>The result of the last <see cref="WriteAsync"/> call (null before the first).</summary>
    public OutputWriteResult? LastResult { get; private set; }

    // What the last successful write put in the folder: destination → document.
    private Dictionary<string, Document>? _written;

    // The staging of the next write (one-shot builds), if one was begun.
    private OutputStaging? _staging;

    /// <summary>
    /// Begins staging documents for the next <see cref="WriteAsync"/> (see <see cref="OutputStaging"/>): for one-shot
    /// builds, which write pages as soon as they are final instead of holding them all until the end. Dispose the
    /// staging when the build ends. Where the output cannot be written (it contains the input, it has no parent
    /// folder) the staging stages nothing and the final write reports as before.
    /// </summary>
    /// <exception cref="InvalidOperationException">The writer updates in place (the preview keeps its documents for
    /// incremental runs and never stages), or a staging is already under way.</exception>
    public OutputStaging BeginStaging() => BeginStaging(hashesFiles: false, previous: null);

    /// <summary>
    /// <see cref="BeginStaging()"/> for a build that keeps a cache: with <paramref name="hashesFiles"/> each staged file's
    /// SHA-256 is taken as it is written (<see cref="StagedFile.Sha256"/>), and with <paramref name="previous"/> (the
    /// files the output folder holds from the previous build, with their hashes) the output folder is updated in place: a file
    /// whose bytes are unchanged is left as it is, the others are written to temporaries and renamed into the output by
    /// the final write (<see cref="PreviousOutputFiles"/>, <see cref="InPlaceOutputUpdate"/>). <paramref name="previous"/> implies hashing.
    /// </summary>
    /// <exception cref="InvalidOperationException">As <see cref="BeginStaging()"/>.</exception>
    public OutputStaging BeginStaging(bool hashesFiles, PreviousOutputFiles? previous)
    {
        if (_options.UpdateInPlace)
        {
            throw new InvalidOperationException("a writer that updates in place does not stage");
        }

        if (_staging is not null)
        {
            throw new InvalidOperationException("a staging is already under way for this writer");
        }

        var name = Path.GetFileName(_output);
        var parent = Path.GetDirectoryName(_output);
        _staging = new OutputStaging(this, parent, name, enabled: parent is not null && name.Length > 0 && !OverlapsInput(), hashesFiles, previous);
        return _staging;
    }

    /// <summary>
    /// Writes and swaps in the output when <paramref name="buildSucceeded"/> (or keep-going is set); otherwise leaves
    /// the old output untouched. Problems are reported to <paramref name="diagnostics"/>; only cancellation throws.
    /// </summary>
    public async Task<OutputWriteResult> WriteAsync(
        IReadOnlyList<Document> documents, bool buildSucceeded, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var result = await WriteCoreAsync(documents, buildSucceeded, diagnostics, cancellationToken).ConfigureAwait(false);
        LastResult = result;
        return result;
    }

    private async Task<OutputWriteResult> WriteCoreAsync(
        IReadOnlyList<Document> documents, bool buildSucceeded, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        // This write takes over what was staged for it (the staging keeps a skipped build's files until disposed).
        var staging = _staging;
        _staging = null;
        var staged = staging?.Close();
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

        var changed = ChangedSinceLastWrite(files.Files);
        if (_options.UpdateInPlace && _written is not null && Directory.Exists(_output))
        {
            return await UpdateInPlaceAsync(files.Files, changed, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        if (staging is { InPlace: true })
        {
            return await WriteStagedInPlaceAsync(files.Files, staging, changed, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        // Staged files are already in their temporary folder: it becomes the new output, with the rest written to it.
        var temporary = staged ?? Path.Combine(parent, $".{name}.tmp-{RandomSuffix()}");
        try
        {
            Directory.CreateDirectory(parent);
            DeleteStaleLeftovers(parent, name, temporary);
            Directory.CreateDirectory(temporary);
            var unstaged = files.Files;
            if (staged is not null)
            {
                staging!.RemoveUnplanned(files.Files);
                unstaged = [.. files.Files.Where(f => !staging.Holds(f))];
            }

            await WriteFilesAsync(unstaged, temporary, cancellationToken).ConfigureAwait(false);

            // Last chance to cancel: after this point the swap runs to the end, so the output is old or new, never mixed.
            cancellationToken.ThrowIfCancellationRequested();
            Swap(temporary, parent, name);
            staging?.MarkSwappedIn();
            Remember(files.Files);
            return new OutputWriteResult(OutputWriteOutcome.Replaced, files.Files.Count) { ChangedFiles = changed.Paths };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Discard(temporary, staging);
            throw;
        }
        catch (DocumentWriteException ex)
        {
            Discard(temporary, staging);
            diagnostics.Report(EngineDiagnostics.WriteFailed(ex.Document.SourcePath, ex.InnerException!));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }
#pragma warning disable CA1031 // Whatever failed (I/O, a writer bug), the temporary folder must go and the old output stay.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Discard(temporary, staging);
            diagnostics.Report(EngineDiagnostics.WriteFailed(EngineDiagnostics.SiteLocation.Path, ex));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }
    }

    /// <summary>
    /// The final write of a staging that updates the output in place (<see cref="OutputStaging.InPlace"/>): the files
    /// not staged yet are written to temporaries too (or left in place when the output already holds their bytes), and
    /// only when all are written is the output made the plan (<see cref="InPlaceOutputUpdate"/>). A failure before that
    /// leaves the output exactly as it was.
    /// </summary>
    private async Task<OutputWriteResult> WriteStagedInPlaceAsync(
        IReadOnlyList<PlannedFile> files, OutputStaging staging, Changes changed, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var previous = staging.Previous!;
        var temporaries = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            DeleteStaleLeftovers(Path.GetDirectoryName(_output)!, Path.GetFileName(_output), staging.FolderIfMade ?? string.Empty);
            staging.RemoveUnplanned(files);
            foreach (var (destination, temporary) in staging.Temporaries)
            {
                temporaries[destination] = temporary;
            }

            foreach (var file in files)
            {
                if (staging.Holds(file) || (file.Document.Staged is null && previous.IsUnchanged(file.Destination, file.Document.ToOutputBytes())))
                {
                    continue;
                }

                var temporary = staging.NewTemporary();
                temporaries[file.Destination] = temporary;
                try
                {
                    await WriteDocumentAsync(file.Document, temporary, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new DocumentWriteException(file.Document, ex);
                }
            }

            // Last chance to cancel: after this point the output is changed, file by file.
            cancellationToken.ThrowIfCancellationRequested();
            if (!Directory.Exists(_output))
            {
                throw new DirectoryNotFoundException($"the output folder '{_output}' was removed during the build");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Discard(staging);
            throw;
        }
        catch (DocumentWriteException ex)
        {
            Discard(staging);
            diagnostics.Report(EngineDiagnostics.WriteFailed(ex.Document.SourcePath, ex.InnerException!));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }
#pragma warning disable CA1031 // Whatever failed (I/O, a writer bug), the temporaries must go and the output stay.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Discard(staging);
            diagnostics.Report(EngineDiagnostics.WriteFailed(EngineDiagnostics.SiteLocation.Path, ex));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }

        try
        {
            InPlaceOutputUpdate.Apply(_output, files, temporaries);
        }
#pragma warning disable CA1031 // A rename or deletion failing midway: report; the next build writes every file not as the cache recorded it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Discard(staging);
            _written = null;
            diagnostics.Report(EngineDiagnostics.WriteFailed(EngineDiagnostics.SiteLocation.Path, ex));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }

        staging.MarkSwappedIn();
        if (staging.FolderIfMade is { } emptied)
        {
            TryDeleteFolder(emptied);
        }

        Remember(files);
        return new OutputWriteResult(OutputWriteOutcome.Replaced, files.Count) { ChangedFiles = changed.Paths };
    }

    private static void Discard(OutputStaging staging)
    {
        staging.MarkDiscarded();
        if (staging.FolderIfMade is { } folder)
        {
            TryDeleteFolder(folder);
        }
    }

    private static void Discard(string temporary, OutputStaging? staging)
    {
        staging?.MarkDiscarded();
        TryDeleteFolder(temporary);
    }

    /// <summary>Writes a document into the staged output (<see cref="OutputStaging"/>), as the final write would.</summary>
    internal Task WriteStagedAsync(Document document, string fullPath, CancellationToken cancellationToken) =>
        WriteDocumentAsync(document, fullPath, cancellationToken);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="fullPath"/> as UTF-8 without BOM, the bytes
    /// <see cref="Document.ToOutputBytes"/> gives for a document with that text (the caller checked it has no carriage return
    /// and no lone surrogate: <see cref="OutputStaging.Accepts(Document, ReadOnlySpan{char})"/>); its folder exists.
    /// Returns the number of bytes written (the file's length, without asking the file system).
    /// </summary>
    internal static int WriteText(ReadOnlySpan<char> text, string fullPath)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Document.OutputEncoding.GetByteCount(text));
        try
        {
            var length = Document.OutputEncoding.GetBytes(text, buffer);
            File.WriteAllBytes(fullPath, buffer.AsSpan(0, length));
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The planned files whose bytes differ from the last write (all without one), and the removed paths.</summary>
    private Changes ChangedSinceLastWrite(IReadOnlyList<PlannedFile> files)
    {
        var written = new List<PlannedFile>();
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (_written is not null && _written.TryGetValue(file.Destination, out var before) && SameBytes(before, file.Document))
            {
                continue;
            }

            written.Add(file);
            paths.Add(file.Destination);
        }

        var removed = _written is null ? [] : _written.Keys.Except(files.Select(f => f.Destination), StringComparer.Ordinal).ToList();
        paths.UnionWith(removed);
        return new Changes(written, removed, [.. paths]);
    }

    // The same document instance (reused by an incremental run) needs no comparison at all.
    private static bool SameBytes(Document before, Document now) =>
        ReferenceEquals(before, now)
        || (before.IsBinary || now.IsBinary || before.Staged is not null || now.Staged is not null
            ? before.ToOutputBytes().AsSpan().SequenceEqual(now.ToOutputBytes())
            : string.Equals(before.Content, now.Content, StringComparison.Ordinal));

    private void Remember(IReadOnlyList<PlannedFile> files) =>
        _written = files.ToDictionary(f => f.Destination, f => f.Document, StringComparer.Ordinal);

    /// <summary>
    /// Writes the changed files beside their targets under hidden temporary names, then renames them into place and
    /// deletes removed files. A failure while writing deletes the temporaries and leaves the folder as it was.
    /// </summary>
    private async Task<OutputWriteResult> UpdateInPlaceAsync(IReadOnlyList<PlannedFile> files, Changes changes, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var staged = new List<(string Temporary, string Target)>(changes.Written.Count);
        try
        {
            foreach (var file in changes.Written)
            {
                var target = Path.Combine(_output, file.Destination.Replace('/', Path.DirectorySeparatorChar));
                var folder = Path.GetDirectoryName(target)!;
                Directory.CreateDirectory(folder);
                var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.tmp-{RandomSuffix()}");
                staged.Add((temporary, target));
                await WriteDocumentAsync(file.Document, temporary, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DeleteFiles(staged.Select(s => s.Temporary));
            throw;
        }
#pragma warning disable CA1031 // Whatever failed, the temporaries must go and the output stay as it was.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeleteFiles(staged.Select(s => s.Temporary));
            var path = staged.Count > 0 ? changes.Written[staged.Count - 1].Document.SourcePath : EngineDiagnostics.SiteLocation.Path;
            diagnostics.Report(EngineDiagnostics.WriteFailed(path, ex));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }

        try
        {
            foreach (var (temporary, target) in staged)
            {
                File.Move(temporary, target, overwrite: true);
            }

            DeleteFiles(changes.Removed.Select(r => Path.Combine(_output, r.Replace('/', Path.DirectorySeparatorChar))));
        }
#pragma warning disable CA1031 // A rename failing midway (a folder where a file should go): report, and write everything next time.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeleteFiles(staged.Select(s => s.Temporary));
            _written = null;
            diagnostics.Report(EngineDiagnostics.WriteFailed(EngineDiagnostics.SiteLocation.Path, ex));
            return new OutputWriteResult(OutputWriteOutcome.Failed, 0);
        }

        Remember(files);
        return new OutputWriteResult(OutputWriteOutcome.Replaced, files.Count) { ChangedFiles = changes.Paths };
    }

    /// <summary>
    /// Publishes pages that are final before the rest of the build has run (the preview's first phase): of
    /// <paramref name="documents"/>, each one that replaces a file this writer last wrote for the same source path,
    /// at the same destination, with different bytes is written in place (staged under a hidden name, then renamed,
    /// as <see cref="OutputWriterOptions.UpdateInPlace"/> does) and remembered as written, so the build's own
    /// <see cref="WriteAsync"/> later neither writes it again nor lists it as changed. Nothing else is touched: a
    /// new or moved destination, removals and clashes are left to that final write.
    /// </summary>
    /// <returns>The output-relative paths written (sorted); empty when this writer cannot update in place (it has not
    /// written yet, or updates in place are off) or when writing failed (the final write retries and reports it).</returns>
    public async Task<IReadOnlyList<string>> PublishAsync(IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!_options.UpdateInPlace || _written is null || !Directory.Exists(_output) || OverlapsInput())
        {
            return [];
        }

        var replacing = new SortedDictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Destination is { } destination
                && _written.TryGetValue(destination, out var before)
                && string.Equals(before.SourcePath, document.SourcePath, StringComparison.Ordinal)
                && !SameBytes(before, document))
            {
                replacing[destination] = document;
            }
        }

        var staged = new List<(string Temporary, string Target)>(replacing.Count);
        try
        {
            foreach (var (destination, document) in replacing)
            {
                var target = Path.Combine(_output, destination.Replace('/', Path.DirectorySeparatorChar));
                var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.tmp-{RandomSuffix()}");
                staged.Add((temporary, target));
                await WriteDocumentAsync(document, temporary, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DeleteFiles(staged.Select(s => s.Temporary));
            throw;
        }
#pragma warning disable CA1031 // Publishing early is an optimisation: on any failure the final write does it all and reports.
        catch (Exception)
#pragma warning restore CA1031
        {
            DeleteFiles(staged.Select(s => s.Temporary));
            return [];
        }

        var published = new List<string>(staged.Count);
        try
        {
            foreach (var ((temporary, target), (destination, document)) in staged.Zip(replacing))
            {
                File.Move(temporary, target, overwrite: true);
                _written[destination] = document;
                published.Add(destination);
            }
        }
#pragma warning disable CA1031 // A rename failing midway: forget what was written, so the final write writes everything again.
        catch (Exception)
#pragma warning restore CA1031
        {
            DeleteFiles(staged.Select(s => s.Temporary));
            _written = null;
        }

        return published;
    }

    private static void DeleteFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover hidden temporary is harmless; a removed page that stays is fixed by the next full build.
            }
        }
    }

    private sealed record Changes(IReadOnlyList<PlannedFile> Written, IReadOnlyList<string> Removed, IReadOnlyList<string> Paths);

    /// <summary>Writes one document's bytes (<see cref="Document.ToOutputBytes"/>) to <paramref name="fullPath"/>; its folder exists already.</summary>
    /// <remarks>
    /// A text document without '\r' (nearly every page) is encoded into a pooled buffer instead of a new array per
    /// page: the bytes are the same, and a build no longer allocates the size of its whole output once more (issue 9).
    /// </remarks>
    protected virtual async Task WriteDocumentAsync(Document document, string fullPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Staged is not null)
        {
            // Its bytes are in the staged output at its own destination (OutputStaging.Holds): only a stage bug that
            // moved a staged document, or wrote one through another writer, gets here.
            throw new InvalidOperationException($"'{document.SourcePath}' was staged at '{document.Staged.Destination}' for another write; a staged document cannot be written again");
        }

        var content = document.Content;
        if (document.IsBinary || content.Contains('\r', StringComparison.Ordinal))
        {
            await File.WriteAllBytesAsync(fullPath, document.ToOutputBytes(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Document.OutputEncoding.GetByteCount(content));
        try
        {
            var length = Document.OutputEncoding.GetBytes(content, buffer);
            await File.WriteAllBytesAsync(fullPath, buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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

        // The replaced output is hundreds of files in as many folders; their deletion waits on the disk, not the
        // processor, so several run at once (FolderTreeDeletion).
        FolderTreeDeletion.Delete(old, ReplacedOutputDeletionThreads);
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

    /// <summary>
    /// Removes temporary folders that crashed builds (killed processes) left behind, and the spare an earlier version
    /// kept for its next staging (<c>.&lt;output&gt;.spare</c>: builds now update in place); never this write's own.
    /// </summary>
    private void DeleteStaleLeftovers(string parent, string name, string own)
    {
        var cutoff = DateTime.UtcNow - _options.StaleLeftoverAge;
        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.tmp-*")
            .Concat(Directory.EnumerateDirectories(parent, $".{name}.old-*"))
            .Concat(Directory.EnumerateDirectories(parent, $".{name}.spare"))
            .Where(folder => !string.Equals(folder, own, StringComparison.Ordinal) && Directory.GetLastWriteTimeUtc(folder) < cutoff)
            .ToList();
        foreach (var folder in leftovers)
        {
            TryDeleteFolder(folder);
        }
    }

    internal static void TryDeleteFolder(string folder)
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

    internal static string RandomSuffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
