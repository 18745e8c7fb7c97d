namespace Handbook.Pipeline.IO;

using System.Buffers;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Reads the files under an input folder that match include globs (e.g. <c>job-families/**/*.md</c>,
/// <c>job-families/**/*.md.erb</c>, <c>data/*.yml</c>; a leading '!' excludes) and adds one document per file,
/// with an input-relative '/'-separated <see cref="Document.SourcePath"/>, sorted by ordinal path.
/// </summary>
/// <remarks>
/// The only place besides the output writer where the engine touches the file system. Bad files never throw:
/// binary (IO001), invalid UTF-8 (IO002), symbolic link leaving the input folder (IO003), unreadable (IO004), missing
/// input folder (IO005) or too large (LIMIT001) each give a diagnostic at the file, which is skipped.
/// </remarks>
public sealed class ReadFiles(string inputFolder, IEnumerable<string> patterns, ReadFilesOptions? options = null, string name = "ReadFiles") : IStage
{
    private readonly GlobSet _globs = new(patterns);
    private readonly ReadFilesOptions _options = options ?? new ReadFilesOptions();

    public string Name { get; } = name;

    /// <summary>
    /// Keeps the documents it is given and appends the files it read. In an incremental run only the changed files
    /// it selects are read (the engine reuses the previous documents of the others); a changed path whose file is
    /// gone is simply not read, which the engine notices and answers with a full run.
    /// </summary>
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var read = context.Incremental is { } incremental
            ? await ReadChangedAsync(incremental.ChangedInputs, context.Diagnostics, context.CancellationToken).ConfigureAwait(false)
            : await ReadAsync(context.Diagnostics, context.MaxDegreeOfParallelism, context.CancellationToken).ConfigureAwait(false);
        return [.. documents, .. read];
    }

    /// <summary>
    /// Reads the selected files among <paramref name="relativePaths"/> (input-relative, '/'-separated) that exist,
    /// with the same checks as a full read (a symbolic link leaving the input folder is refused); sorted by path.
    /// </summary>
    public async Task<IReadOnlyList<Document>> ReadChangedAsync(IEnumerable<string> relativePaths, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var selected = relativePaths.Where(p => IsSafeRelativePath(p) && _globs.Matches(p)).Order(StringComparer.Ordinal).ToList();
        if (selected.Count == 0 || !Directory.Exists(inputFolder))
        {
            return [];
        }

        var root = RealPath.Resolve(inputFolder);
        var preparer = _options.PrepareText?.ForRead(selected);
        var documents = new List<Document>(selected.Count);
        foreach (var relative in selected)
        {
            var full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(full))
            {
                continue;
            }

            string real;
            try
            {
                real = RealPath.Resolve(full);
            }
            catch (IOException ex)
            {
                diagnostics.Report(EngineDiagnostics.ReadFailed(relative, ex));
                continue;
            }

            if (!RealPath.IsInside(real, root))
            {
                diagnostics.Report(EngineDiagnostics.SymlinkEscapes(relative));
                continue;
            }

            if (await ReadOneAsync(new InputFile(relative, real), preparer, diagnostics, cancellationToken).ConfigureAwait(false) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    // A changed path comes from a watcher: never let one with '..' or an absolute form reach the file system.
    private static bool IsSafeRelativePath(string relative) => Output.OutputPath.Validate(relative) is null;

    /// <summary>Reads the selected files; usable without a <see cref="Site"/> (e.g. by a watcher or a checker).</summary>
    public async Task<IReadOnlyList<Document>> ReadAsync(DiagnosticBag diagnostics, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Directory.Exists(inputFolder))
        {
            diagnostics.Report(EngineDiagnostics.InputFolderMissing(Path.GetFileName(Path.TrimEndingDirectorySeparator(inputFolder))));
            return [];
        }

        string root;
        try
        {
            root = RealPath.Resolve(inputFolder);
        }
        catch (IOException ex)
        {
            diagnostics.Report(EngineDiagnostics.ReadFailed(".", ex));
            return [];
        }

        var files = new InputWalker(root, _globs, diagnostics).Walk(cancellationToken);
        var preparer = _options.PrepareText?.ForRead(files.Select(f => f.RelativePath).ToList());
        var results = new Document?[files.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, files.Count),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) },
            async (i, ct) => results[i] = await ReadOneAsync(files[i], preparer, diagnostics, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results.Where(d => d is not null).Select(d => d!).ToList();
    }

    /// <param name="preparer">The read's text preparer (<see cref="IReadTextPreparer.ForRead"/>), or null.</param>
    private async Task<Document?> ReadOneAsync(InputFile file, IReadTextPreparer? preparer, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        // A text file is decoded from a pooled buffer (only its string is kept); a binary one keeps its exact array.
        var read = await ReadLimitedAsync(file, pooled: !_options.Binary, diagnostics, cancellationToken).ConfigureAwait(false);
        if (read is not var (buffer, length))
        {
            return null;
        }

        Document document;
        if (_options.Binary)
        {
            document = Document.FromBytes(file.RelativePath, buffer);
        }
        else
        {
            string? text;
            try
            {
                text = TextDecoder.Decode(buffer.AsSpan(0, length), file.RelativePath, diagnostics);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (text is null)
            {
                return null;
            }

            document = Document.FromSource(file.RelativePath, text);
            if (preparer is not null)
            {
                document = preparer.Prepare(document, diagnostics);
            }
        }

        return _options.CopyToOutput ? document.WithDestination(file.RelativePath) : document;
    }

    /// <summary>
    /// Checks the size before reading, then reads exactly that many bytes, so a huge file or one growing while it is
    /// read cannot exhaust memory. <paramref name="pooled"/>: the buffer is rented (the caller returns it) and may
    /// be longer than the file; otherwise it is a new array of exactly the file's length.
    /// </summary>
    private async Task<(byte[] Buffer, int Length)?> ReadLimitedAsync(InputFile file, bool pooled, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(file.RealPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var length = stream.Length;
                if (length > _options.MaxFileBytes)
                {
                    diagnostics.Report(EngineDiagnostics.FileTooLarge(file.RelativePath, length, _options.MaxFileBytes));
                    return null;
                }

                var size = checked((int)length);
                var buffer = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
                try
                {
                    await stream.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
                }
                catch when (pooled)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }

                return (buffer, size);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(EngineDiagnostics.ReadFailed(file.RelativePath, ex));
            return null;
        }
    }
}
