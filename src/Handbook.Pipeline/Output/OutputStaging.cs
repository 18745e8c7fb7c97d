namespace Handbook.Pipeline.Output;

using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;
using Handbook.Pipeline.Documents;

/// <summary>
/// Lets a one-shot build write documents that are final into the output before the build ends (issue 9: a build no
/// longer holds every page until <see cref="WriteOutput"/>). Each staged document's bytes go into the fresh hidden
/// temporary folder that the writer's <see cref="OutputWriter.WriteAsync"/> will swap in, and the document comes back
/// with its text released (<see cref="Document.Staged"/>). The final write then checks destinations and clashes over
/// all documents exactly as before, writes only what is not staged yet, and swaps the folder in.
/// </summary>
/// <remarks>
/// <para>In place (a build given the previous output's files, <see cref="PreviousOutputFiles"/>: <c>--cache</c>), a
/// document whose bytes the output folder already holds at its destination – the very bytes the previous build wrote
/// there, its file not touched since – is not written at all: it stays the output's own file. Every other one is
/// written under a flat name into the hidden folder, and the final write renames it into the output after the build
/// succeeded (<see cref="OutputWriter"/>). A build after one commit thus writes the few files that changed, where it
/// made ≈ 640 folders and linked ≈ 520 unchanged files into a fresh copy of the output (issue 9).</para>
/// <para>The writer's guarantees hold: the output folder is not touched until the swap (in place: the renames), and <see cref="Dispose"/> deletes
/// the temporary folder of a build that did not swap it in (failed, cancelled, never written), so call it when the
/// build ends (<c>using</c>). A document is staged only when the final write is sure to keep exactly its bytes there:
/// a valid destination (<see cref="OutputPath"/>) that no staged document holds and that clashes with no staged file or
/// folder, and text that reads back as itself (no carriage return, no lone surrogate). Everything else stays in memory
/// and goes through the final write as before, so its checks (INTERNAL003, INTERNAL004) report exactly as they did.
/// A staging failure (disk full) also leaves the document in memory: the final write tries again and reports.
/// Safe to call from several threads at once; not after the final write has started.</para>
/// </remarks>
public sealed class OutputStaging : IDisposable
{
    private readonly OutputWriter _writer;
    private readonly string? _parent;
    private readonly string _name;
    private readonly Lock _lock = new();
    private readonly bool _hashesFiles;
    private readonly PreviousOutputFiles? _previous;

    // Destination → staged file, and every folder a staged file needs (output-relative), to refuse file/folder clashes.
    private readonly Dictionary<string, StagedFile?> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    // In place (a build that knows the previous output's files): destination → the flat temporary file in _folder that
    // holds its new bytes until the final write renames it over the output's file. A staged destination not listed here
    // is the output's own file, unchanged.
    private readonly Dictionary<string, string> _temporaries = new(StringComparer.Ordinal);
    private int _nextTemporary;
    private string? _folder;
    private State _state;

    internal OutputStaging(OutputWriter writer, string? parent, string name, bool enabled, bool hashesFiles = false, PreviousOutputFiles? previous = null)
    {
        _writer = writer;
        _parent = parent;
        _name = name;
        _hashesFiles = hashesFiles || previous is not null;
        _previous = previous;
        _state = enabled ? State.Open : State.Closed;
    }

    private enum State
    {
        /// <summary>Documents may be staged.</summary>
        Open,

        /// <summary>The final write has started (or staging is not possible here): nothing more is staged.</summary>
        Closed,

        /// <summary>The folder was swapped in: staged files are in the output folder.</summary>
        SwappedIn,

        /// <summary>The folder was deleted.</summary>
        Discarded,
    }

    /// <summary>The previous output's files this staging leaves in place instead of writing (null: it writes every file).</summary>
    public PreviousOutputFiles? Previous => _previous;

    /// <summary>
    /// Whether this staging updates the output folder in place (<see cref="OutputWriter.BeginStaging(bool, PreviousOutputFiles?)"/>
    /// with the previous output's files): unchanged files stay where they are, changed ones wait in a flat hidden
    /// folder until the final write renames them into the output.
    /// </summary>
    internal bool InPlace => _previous is not null;

    /// <summary>Whether each staged file is hashed as it is written (<see cref="StagedFile.Sha256"/> set): a staging for the build cache.</summary>
    public bool HashesFiles => _hashesFiles;

    /// <summary>How many documents are staged.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _files.Values.Count(f => f is not null);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="document"/>'s bytes into the staged output and returns it with its text released and
    /// <see cref="Document.Staged"/> set; returns it unchanged when it cannot be staged (see the remarks of
    /// <see cref="OutputStaging"/>) or has no destination, is binary, or is staged already.
    /// </summary>
    public async Task<Document> StageAsync(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!Accepts(document) || Reserve(document.Destination!) is not { } target)
        {
            return document;
        }

        byte[]? sha256 = null;
        try
        {
            if (_hashesFiles)
            {
                var bytes = document.ToOutputBytes();
                sha256 = WriteUnlessUnchanged(document.Destination!, bytes, target);
            }
            else
            {
                await _writer.WriteStagedAsync(document, target, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Release(document.Destination!, target);
            throw;
        }
#pragma warning disable CA1031 // Staging is an optimisation: on any failure the document stays in memory and the final write reports.
        catch (Exception)
#pragma warning restore CA1031
        {
            Release(document.Destination!, target);
            return document;
        }

        return Staged(document with { Content = string.Empty }, document.Destination!, new FileInfo(target).Length, sha256);
    }

    /// <summary>
    /// <see cref="StageAsync"/> for a caller that is not asynchronous (a stage rendering pages on parallel threads hands
    /// each one over as soon as it is made): the same checks and bytes, written synchronously.
    /// </summary>
    public Document Stage(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);

        // A document staging accepts is text that reads back as itself (no CR, no lone surrogate), whose bytes are
        // exactly its text as UTF-8: the same write as a page staged from its render buffer.
        return Stage(document, document.Content, cancellationToken);
    }

    /// <summary>
    /// <see cref="Stage(Document, CancellationToken)"/> for a document whose text is <paramref name="text"/> rather than its
    /// <see cref="Document.Content"/> (which should be empty): a page rendered into a reused buffer is staged from that
    /// buffer, never made a string (issue 9). The same checks and bytes as staging the document with
    /// <c>Content = text</c>; the document comes back staged, or unchanged when it cannot be staged (a caller that
    /// passed it without its text then keeps the text itself).
    /// </summary>
    public Document Stage(Document document, ReadOnlySpan<char> text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Accepts(document, text) || Reserve(document.Destination!) is not { } target)
        {
            return document;
        }

        int length;
        byte[]? sha256 = null;
        try
        {
            if (_hashesFiles)
            {
                (length, sha256) = WriteTextUnlessUnchanged(document.Destination!, text, target);
            }
            else
            {
                length = OutputWriter.WriteText(text, target);
            }
        }
#pragma warning disable CA1031 // Staging is an optimisation: on any failure the document stays in memory and the final write reports.
        catch (Exception)
#pragma warning restore CA1031
        {
            Release(document.Destination!, target);
            return document;
        }

        return Staged(document with { Content = string.Empty }, document.Destination!, length, sha256);
    }

    /// <summary>
    /// Stages <paramref name="document"/> (no text of its own: <see cref="Document.Content"/> empty) as the previous
    /// output's file at its destination, left where it is, when that file holds exactly the bytes whose SHA-256 is
    /// <paramref name="sha256"/> and whose length is <paramref name="length"/> – bytes a caller knows its page would be
    /// without making them (a page whose every input is the same as when an earlier build staged those bytes). Null
    /// when it cannot: no previous output, another file there, a destination staging refuses; nothing is then left
    /// staged and the caller makes the page as usual. The page is staged as if its text had been staged.
    /// </summary>
    public Document? TryStageUnchanged(Document document, ReadOnlySpan<byte> sha256, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        if (_previous is null || !_previous.Knows(document.Destination, sha256, length)
            || !Accepts(document, ReadOnlySpan<char>.Empty) || Reserve(document.Destination!) is not { } target)
        {
            return null;
        }

        if (!_previous.IsUnchanged(document.Destination!, sha256, length))
        {
            Release(document.Destination!, target);
            return null;
        }

        return Staged(document with { Content = string.Empty }, document.Destination!, length, sha256.ToArray());
    }

    /// <summary>
    /// Makes a document whose bytes <paramref name="write"/> writes straight into the staged output (a large file
    /// built as it is written, never held whole). When it cannot be staged (or writing fails) the bytes are written
    /// into memory instead and the document carries them as <see cref="Document.Bytes"/>, as an unstaged build does.
    /// </summary>
    public Document StageFile(string sourcePath, string destination, Metadata metadata, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(write);
        var document = new Document(sourcePath, destination, string.Empty, metadata);
        if (Reserve(destination) is { } target)
        {
            try
            {
                byte[]? sha256 = null;
                using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
                {
                    if (_hashesFiles)
                    {
                        using var hashing = new Sha256WriteStream(stream);
                        write(hashing);
                        sha256 = hashing.CurrentHash();
                    }
                    else
                    {
                        write(stream);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                var length = new FileInfo(target).Length;
                if (InPlace && _previous!.IsUnchanged(destination, sha256!, length))
                {
                    File.Delete(target);
                }
                else
                {
                    Written(destination, target);
                }

                return Staged(document, destination, length, sha256);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Release(destination, target);
            }
            catch
            {
                // A bug in the writer (or cancellation): nothing half-written stays staged; the stage reports it.
                Release(destination, target);
                throw;
            }
        }

        using var memory = new MemoryStream();
        write(memory);
        return document with { Bytes = memory.ToArray() };
    }

    /// <summary>Deletes the staged files unless the writer swapped them in as the output.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_state == State.SwappedIn)
            {
                return;
            }

            _state = State.Discarded;
        }

        if (_folder is not null)
        {
            OutputWriter.TryDeleteFolder(_folder);
        }
    }

    /// <summary>Where the file staged at <paramref name="destination"/> is now.</summary>
    internal string PathOf(string destination)
    {
        lock (_lock)
        {
            // In place, a file left unchanged is the output's own file all along; a changed one is in its temporary until
            // the final write renames it.
            if (InPlace && _state != State.SwappedIn && !_temporaries.ContainsKey(destination))
            {
                return Path.Combine(_writer.OutputFolder, destination);
            }

            return _state switch
            {
                State.SwappedIn => Path.Combine(_writer.OutputFolder, destination),
                State.Discarded => throw new IOException($"the staged output holding '{destination}' was discarded"),
                _ => InPlace ? _temporaries[destination] : Path.Combine(_folder!, destination),
            };
        }
    }

    /// <summary>The hidden folder this staging writes into, once made (null before its first file).</summary>
    internal string? FolderIfMade
    {
        get
        {
            lock (_lock)
            {
                return _folder;
            }
        }
    }

    /// <summary>In place: the staged files whose new bytes wait in a temporary (destination → temporary file), for the final write to rename.</summary>
    internal IReadOnlyDictionary<string, string> Temporaries => _temporaries;

    /// <summary>In place: a fresh path in the staging's flat hidden folder for a file the final write renames into the output.</summary>
    internal string NewTemporary()
    {
        lock (_lock)
        {
            _folder ??= CreateFolder();
            return NextTemporary();
        }
    }

    // A flat name in _folder (which exists); called under the lock.
    private string NextTemporary() => Path.Combine(_folder!, (_nextTemporary++).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Stops staging: the final write has begun. Returns the staged folder (null when nothing was staged).</summary>
    internal string? Close()
    {
        lock (_lock)
        {
            if (_state == State.Open)
            {
                _state = State.Closed;
            }

            return _state == State.Closed ? _folder : null;
        }
    }

    /// <summary>Whether <paramref name="file"/> is already on disk: planned as the very document staged at its destination.</summary>
    internal bool Holds(PlannedFile file) =>
        file.Document.Staged is { } staged && ReferenceEquals(staged.Staging, this) && string.Equals(staged.Destination, file.Destination, StringComparison.Ordinal);

    /// <summary>
    /// Deletes staged files the final plan does not keep as their own (a document dropped later, or a staged file where
    /// the plan needs a folder), with the folders that become empty, so the folder swapped in holds exactly the plan.
    /// </summary>
    internal void RemoveUnplanned(IReadOnlyList<PlannedFile> files)
    {
        var kept = files.Where(Holds).Select(f => f.Destination).ToHashSet(StringComparer.Ordinal);
        if (InPlace)
        {
            // The output's own files the plan drops are deleted by the final write, with every other unplanned file.
            foreach (var destination in _temporaries.Keys.Where(d => !kept.Contains(d)).ToList())
            {
                File.Delete(_temporaries[destination]);
                _temporaries.Remove(destination);
            }

            return;
        }

        foreach (var destination in _files.Keys.Where(d => !kept.Contains(d)).ToList())
        {
            File.Delete(Path.Combine(_folder!, destination));
            for (var folder = Path.GetDirectoryName(destination); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                var full = Path.Combine(_folder!, folder);
                if (!Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).Any())
                {
                    break;
                }

                Directory.Delete(full);
            }
        }
    }

    /// <summary>Records that the folder is now the output folder.</summary>
    internal void MarkSwappedIn()
    {
        lock (_lock)
        {
            _state = State.SwappedIn;
        }
    }

    /// <summary>Records that the writer deleted the folder (a failed write).</summary>
    internal void MarkDiscarded()
    {
        lock (_lock)
        {
            _state = State.Discarded;
        }
    }

    /// <summary>
    /// Puts <paramref name="bytes"/> at <paramref name="target"/> (the staged path of <paramref name="destination"/>),
    /// unless the previous output's file there holds exactly these bytes: then it stays as it is and nothing is written.
    /// Returns their SHA-256.
    /// </summary>
    private byte[] WriteUnlessUnchanged(string destination, ReadOnlySpan<byte> bytes, string target)
    {
        var sha256 = SHA256.HashData(bytes);
        if (_previous?.IsUnchanged(destination, sha256, bytes.Length) != true)
        {
            File.WriteAllBytes(target, bytes);
            Written(destination, target);
        }

        return sha256;
    }

    /// <summary>In place, records that <paramref name="destination"/>'s new bytes are in the temporary <paramref name="target"/>.</summary>
    private void Written(string destination, string target)
    {
        if (InPlace)
        {
            lock (_lock)
            {
                _temporaries[destination] = target;
            }
        }
    }

    /// <summary><see cref="WriteUnlessUnchanged"/> for text: the bytes <see cref="OutputWriter.WriteText"/> writes (UTF-8, no BOM).</summary>
    private (int Length, byte[] Sha256) WriteTextUnlessUnchanged(string destination, ReadOnlySpan<char> text, string target)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Document.OutputEncoding.GetByteCount(text));
        try
        {
            var length = Document.OutputEncoding.GetBytes(text, buffer);
            return (length, WriteUnlessUnchanged(destination, buffer.AsSpan(0, length), target));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Document Staged(Document document, string destination, long length, byte[]? sha256)
    {
        StagedFile file;
        lock (_lock)
        {
            file = new StagedFile(this, destination, length, sha256);
            _files[destination] = file;
        }

        return document with { Staged = file };
    }

    /// <summary>
    /// Claims <paramref name="destination"/> for a staged file and creates its folder; the full path to write, or null
    /// when it must not be staged (staging is closed, the destination is invalid, taken, or clashes with a staged file
    /// or folder).
    /// </summary>
    private string? Reserve(string destination)
    {
        if (OutputPath.Validate(destination) is not null)
        {
            return null;
        }

        lock (_lock)
        {
            if (_state != State.Open || _files.ContainsKey(destination) || _folders.Contains(destination))
            {
                return null;
            }

            var folders = new List<string>();
            foreach (var folder in OutputPath.FoldersOf(destination))
            {
                if (_files.ContainsKey(folder))
                {
                    return null; // a staged file where this one needs a folder
                }

                folders.Add(folder);
            }

            _folder ??= CreateFolder();
            string target;
            if (InPlace)
            {
                // A flat name: the final write renames it into the output's folders, so none is made here (issue 9:
                // making ≈ 640 folders per build was a tenth of the build after one commit).
                target = NextTemporary();
            }
            else
            {
                target = Path.Combine(_folder, destination);
                CreateMissingFolders(folders);
            }

            _folders.UnionWith(folders);
            _files.Add(destination, null); // reserved; set once written (Staged) or removed (Release)
            return target;
        }
    }

    /// <summary>
    /// Creates the folders of <paramref name="folders"/> (a destination's folders, outermost first) that this staging
    /// does not know to exist, outermost first: one <c>mkdir</c> each. A folder is known to exist when a file staged
    /// before needed it; its parents then exist too. Called under the lock.
    /// </summary>
    /// <remarks>
    /// Asking the runtime for the file's folder instead costs a failing <c>mkdir</c> and a <c>stat</c> for every file
    /// in a folder made before, and for the first file of a new folder whose parent is new too a failing <c>mkdir</c>
    /// and a <c>stat</c> per missing parent (issue 9: a versioned build stages ≈ 290 version and history pages, each in
    /// folders of its own, ≈ 700 such calls on the replayed history).
    /// </remarks>
    private void CreateMissingFolders(List<string> folders)
    {
        var existing = folders.Count;
        while (existing > 0 && !_folders.Contains(folders[existing - 1]))
        {
            existing--;
        }

        for (var i = existing; i < folders.Count; i++)
        {
            Directory.CreateDirectory(Path.Combine(_folder!, folders[i]));
        }
    }

    private void Release(string destination, string target)
    {
        lock (_lock)
        {
            _files.Remove(destination);
            _temporaries.Remove(destination);
        }

        try
        {
            File.Delete(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The final write overwrites or the plan's cleanup deletes it; the temporary folder goes in the end anyway.
        }
    }

    private string CreateFolder()
    {
        var folder = Path.Combine(_parent!, $".{_name}.tmp-{OutputWriter.RandomSuffix()}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Whether <paramref name="document"/> is of a kind this staging writes: a text document with a destination, not
    /// staged yet, whose text reads back as itself. (Staging may still refuse it for its destination.) A caller that
    /// prepares documents for staging asks first, so it prepares only those.
    /// </summary>
    public static bool Accepts(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Accepts(document, document.Content);
    }

    /// <summary>
    /// <see cref="Accepts(Document)"/> for <paramref name="document"/> with the text <paramref name="text"/> (see
    /// <see cref="Stage(Document, ReadOnlySpan{char}, CancellationToken)"/>).
    /// </summary>
    public static bool Accepts(Document document, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Destination is not null && !document.IsBinary && document.Staged is null && ReadsBackAsItself(text);
    }

    /// <summary>
    /// Whether the file's text, decoded from its UTF-8 bytes, is <paramref name="content"/> itself: no carriage return
    /// (written as LF) and no lone surrogate (written as U+FFFD). Later stages read a staged page's text back
    /// (the anchors a link may point at), so it must be the text they would have read.
    /// </summary>
    private static bool ReadsBackAsItself(ReadOnlySpan<char> content)
    {
        if (content.Contains('\r'))
        {
            return false;
        }

        if (content.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return true;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var rest = content;
            while (true)
            {
                var status = Utf8.FromUtf16(rest, buffer, out var read, out _, replaceInvalidSequences: false);
                if (status == OperationStatus.Done)
                {
                    return true;
                }

                if (status != OperationStatus.DestinationTooSmall)
                {
                    return false;
                }

                rest = rest[read..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
