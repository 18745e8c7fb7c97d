namespace Handbook.Site.Caching;

using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;

/// <summary>
/// The key of a cached build: everything the output and the diagnostics depend on. Every input document (path,
/// destination, bytes: pages, partials, data, images, theme assets), what reading them reported (an unreadable file
/// is not a document, but its diagnostic is), every file of the theme folder (templates and partials), the tool
/// (the identity of each of its assemblies and the libraries that shape the output), the settings that change the
/// output (base URL, history), and the git state the versions are read from. Two builds with the same fingerprint
/// produce the same bytes and the same diagnostics (the build is deterministic and reads no clock).
/// </summary>
public static class BuildFingerprint
{
    /// <summary>Bump when the cached record's meaning changes, so old entries stop being found.</summary>
    public const string FormatVersion = "site-build-3";

    public static CacheKey Of(IReadOnlyList<Document> inputs, IReadOnlyList<Diagnostic> readDiagnostics, string themeFolder, BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(readDiagnostics);
        ArgumentNullException.ThrowIfNull(request);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, FormatVersion);
        Add(hash, ToolIdentity.Value);
        Add(hash, request.BaseUrl ?? "\0no-base-url");
        Add(hash, request.History ? "history" : "no-history");
        Add(hash, request.History ? GitState.Of(request.InputFolder) : string.Empty);

        Add(hash, "inputs");
        foreach (var document in inputs)
        {
            AddInput(hash, document);
        }

        AddSettingsAndReadDiagnostics(hash, request.InputFolder, readDiagnostics);

        Add(hash, "theme");
        AddFolder(hash, themeFolder, static _ => true);
        return new CacheKey(Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>
    /// Adds settings.yml (read by its own stage, not by the reading stages, so it is not among the documents) and what
    /// reading reported: part of the whole-build fingerprint and of per-family reuse's build-wide key.
    /// </summary>
    internal static void AddSettingsAndReadDiagnostics(IncrementalHash hash, string inputFolder, IReadOnlyList<Diagnostic> readDiagnostics)
    {
        Add(hash, "settings");
        var settingsFile = Path.Combine(inputFolder, Handbook.Site.History.Settings.SiteSettings.FileName);
        Add(hash, File.Exists(settingsFile) ? File.ReadAllBytes(settingsFile) : "\0absent"u8);

        Add(hash, "read-diagnostics");
        foreach (var diagnostic in readDiagnostics)
        {
            Add(hash, $"{diagnostic.Format()}\n{diagnostic.Severity}\n{diagnostic.Detail}");
        }
    }

    /// <summary>
    /// Adds every file below <paramref name="folder"/> that <paramref name="include"/> accepts (it gets the path relative
    /// to the folder, with '/'), in ordinal order of those paths: each path, then the file's length and bytes. A missing
    /// folder adds nothing.
    /// </summary>
    internal static void AddFolder(IncrementalHash hash, string folder, Func<string, bool> include)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            return;
        }

        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (include(relative))
            {
                files.Add(relative);
            }
        }

        files.Sort(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            Add(hash, relative);
            AddFile(hash, Path.Combine(root, relative));
        }
    }

    /// <summary>
    /// Adds one input: its path, its destination and its bytes, or its text's SHA-256 (taken when it was read,
    /// <see cref="DigestWhenRead"/>, whose pages have given their text up since; else from the text) – shared with
    /// <see cref="FamilyReuseKey"/>.
    /// </summary>
    internal static void AddInput(IncrementalHash hash, Document document)
    {
        Add(hash, document.SourcePath);
        Add(hash, document.Destination ?? "\0");
        if (document.Bytes is { } bytes)
        {
            Add(hash, "bytes");
            Add(hash, bytes);
        }
        else
        {
            Add(hash, "text-sha256");
            Add(hash, DigestWhenRead.DigestOf(document));
        }
    }

    /// <summary>Adds a text as its UTF-8 bytes, length first (so adjacent parts cannot run into each other).</summary>
    internal static void Add(IncrementalHash hash, string text) => Add(hash, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Adds a file's bytes as <see cref="Add(IncrementalHash, ReadOnlySpan{byte})"/> would (length, then bytes), streamed
    /// through a pooled buffer: reading the theme whole (the 5.5 MB Mermaid bundle into a fresh array each time) was
    /// 50-60 ms of an 0.3 s warm build at synthetic N = 100, most of it faulting in new memory.
    /// </summary>
    private static void AddFile(IncrementalHash hash, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        Span<byte> length = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, stream.Length);
        hash.AppendData(length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Adds bytes, length first (so adjacent parts cannot run into each other).</summary>
    internal static void Add(IncrementalHash hash, ReadOnlySpan<byte> part)
    {
        Span<byte> length = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, part.Length);
        hash.AppendData(length);
        hash.AppendData(part);
    }

    /// <summary>
    /// Which tool built it: the module version id of each project assembly (a deterministic compile gives a new one
    /// whenever the code or a referenced library changes) and the versions of the libraries that shape the output.
    /// </summary>
    internal static class ToolIdentity
    {
        public static readonly string Value = Compute();

        private static string Compute()
        {
            Type[] markers =
            [
                typeof(BuildFingerprint), typeof(Handbook.Pipeline.Site), typeof(Handbook.JobFamilies.JobFamiliesPlugin),
                typeof(Markdig.Markdown), typeof(Fluid.FluidParser), typeof(Ganss.Xss.HtmlSanitizer), typeof(AngleSharp.Dom.IElement),
                typeof(YamlDotNet.Serialization.Deserializer),
            ];
            var parts = markers.Select(t => t.Assembly).Distinct()
                .Select(a => $"{a.GetName().Name} {a.GetName().Version} {a.ManifestModule.ModuleVersionId} {a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}");
            return string.Join('\n', parts);
        }
    }
}
