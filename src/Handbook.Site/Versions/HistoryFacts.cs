namespace Handbook.Site.Versions;

using System.Text;
using Handbook.Pipeline.Caching;
using Handbook.Site.Caching;

/// <summary>
/// What a versioned build worked out from git objects before it could look anything up in its caches, kept across
/// builds under <c>--cache DIR</c> (subfolder <c>history/</c>, one entry checked by its SHA-256 like every cache entry):
/// each version's inputs but the theme (<see cref="VersionInputs"/>: the pages it links, as of its commit, and the
/// commit's partials) and each compared blob's <see cref="TextFingerprint"/>. Both are functions of git objects their
/// ids name – a commit's tree and a blob's bytes never change – so a build after one new commit lists the tree and reads
/// the blobs of the new versions alone (issue 9: listing ≈ 90 commits' trees and reading every version's blob was
/// ≈ 40 ms of libgit2 in each build after one commit on the replayed history, before any version was known to be
/// cached).
/// </summary>
/// <remarks>
/// The entry's key holds the tool's identity (<see cref="BuildFingerprint"/>), so a tool that finds links, lists
/// input files or decodes texts differently never reads an older tool's facts. Saving keeps only the facts this build
/// asked for, so the entry follows the history, not the number of builds; it is not written when those are the stored
/// ones. A missing, damaged or unreadable entry is an empty memo: everything is read from git, as without a cache.
/// Thread-safe (the renderer's lookups and the current-page check may run on several threads).
/// </remarks>
public sealed class HistoryFacts
{
    /// <summary>Bump when the entry's layout or the meaning of a fact changes (on top of the tool identity).</summary>
    public const string FormatVersion = "history-facts-1";

    /// <summary>The subfolder of the cache folder the entry is in (shared with folding's memo).</summary>
    public const string SubFolder = "history";

    private static readonly CacheKey EntryKey = CacheKey.Create("history-facts", FormatVersion, BuildFingerprint.ToolIdentity.Value);

    private readonly ContentCache? _store;
    private readonly Lock _gate = new();
    private readonly Facts _stored;
    private readonly Facts _asked = new();
    private bool _learned;

    private HistoryFacts(ContentCache? store, Facts stored)
    {
        _store = store;
        _stored = stored;
    }

    /// <summary>A memo that is neither read nor saved (a build without <c>--cache</c>).</summary>
    public static HistoryFacts None => new(null, new Facts());

    /// <summary>How many facts were answered from the stored entry in this build (tests, logs).</summary>
    public int Reused { get; private set; }

    /// <summary>How many facts were worked out from git in this build.</summary>
    public int Learned { get; private set; }

    /// <summary>The stored facts under <paramref name="cacheFolder"/> (none when there are none or they are damaged).</summary>
    public static HistoryFacts Open(string cacheFolder)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        var store = new ContentCache(EntryFolder(cacheFolder));
        var stored = store.TryGet(EntryKey, out var bytes) && Facts.Parse(bytes) is { } parsed ? parsed : new Facts();
        return new HistoryFacts(store, stored);
    }

    /// <summary>The folder of the entry (tests damage it on purpose).</summary>
    public static string EntryFolder(string cacheFolder) => Path.Combine(Path.GetFullPath(cacheFolder), SubFolder);

    /// <summary>
    /// The fingerprint of <paramref name="blobSha"/>'s decoded text: the stored one, else <paramref name="read"/>'s
    /// (remembered for <see cref="Save"/> unless null: an unreadable blob is read again next time).
    /// </summary>
    public TextFingerprint? FingerprintOf(string blobSha, Func<string, TextFingerprint?> read)
    {
        ArgumentNullException.ThrowIfNull(blobSha);
        ArgumentNullException.ThrowIfNull(read);
        return Recall(_asked.Fingerprints, _stored.Fingerprints, blobSha, static _ => true, () => read(blobSha), static f => f);
    }

    /// <summary>
    /// The inputs of the page <paramref name="path"/> as of <paramref name="commitSha"/> (<paramref name="themeHash"/>
    /// is the build's): the stored ones, else <paramref name="workOut"/>'s (remembered for <see cref="Save"/>).
    /// </summary>
    /// <remarks>A stored entry whose page or grade data blob is not <paramref name="pageBlob"/> and
    /// <paramref name="gradeDataBlob"/> (what the walk found for the version) is not used.</remarks>
    public VersionInputs InputsOf(string commitSha, string path, string pageBlob, string? gradeDataBlob, string themeHash, Func<VersionInputs> workOut)
    {
        ArgumentNullException.ThrowIfNull(workOut);
        VersionInputs? unkept = null; // worked out, but not of a shape the entry can hold
        var inputs = Recall(
            _asked.Inputs,
            _stored.Inputs,
            commitSha + " " + path,
            known => Matches(known, pageBlob, gradeDataBlob),
            Keepable,
            static made => made with { ThemeHash = string.Empty });
        return unkept ?? inputs! with { ThemeHash = themeHash };

        VersionInputs? Keepable()
        {
            var made = workOut();
            if (Facts.CanWrite(made))
            {
                return made;
            }

            unkept = made;
            return null;
        }
    }

    // The fact of key: this build's answer, else the stored one (then kept as asked), else made (kept, as remember
    // gives it, unless null: a fact that cannot be kept is made again when asked again).
    private T? Recall<T>(Dictionary<string, T> asked, Dictionary<string, T> stored, string key, Func<T, bool> usable, Func<T?> make, Func<T, T> remember)
        where T : class
    {
        lock (_gate)
        {
            if (asked.TryGetValue(key, out var known) && usable(known))
            {
                return known;
            }

            if (stored.TryGetValue(key, out known) && usable(known))
            {
                asked[key] = known;
                Reused++;
                return known;
            }
        }

        var made = make();
        if (made is not null)
        {
            lock (_gate)
            {
                asked[key] = remember(made);
                _learned = true;
                Learned++;
            }
        }

        return made;
    }

    private static bool Matches(VersionInputs inputs, string pageBlob, string? gradeDataBlob) =>
        string.Equals(inputs.PageBlob, pageBlob, StringComparison.Ordinal) && string.Equals(inputs.GradeDataBlob, gradeDataBlob, StringComparison.Ordinal);

    /// <summary>Stores the facts this build asked for, unless they are exactly the stored ones. Never fails the build.</summary>
    public void Save()
    {
        byte[] bytes;
        lock (_gate)
        {
            if (_store is null || (!_learned && _asked.Count == _stored.Count))
            {
                return;
            }

            bytes = _asked.Format();
        }

        try
        {
            _store.Set(EntryKey, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Facts that could not be written are read from git again next time: they are the same.
        }
    }

    /// <summary>
    /// The facts as lines, in key order (the same facts give the same bytes):
    /// <c>f &lt;blob&gt; &lt;length&gt; &lt;sha256&gt;</c> for a fingerprint;
    /// <c>v &lt;commit&gt; &lt;page blob&gt; &lt;grade data blob or -&gt; &lt;path&gt;</c> for a version's inputs, followed by its
    /// <c>d &lt;blob&gt; &lt;path&gt;</c> (linked pages) and <c>p &lt;blob&gt; &lt;path&gt;</c> (partials) lines in order.
    /// The path is last, so it may hold spaces; one with a line break is not kept.
    /// </summary>
    private sealed class Facts
    {
        public Dictionary<string, TextFingerprint> Fingerprints { get; } = new(StringComparer.Ordinal);

        // "<commit> <path>" → the inputs without the theme's hash.
        public Dictionary<string, VersionInputs> Inputs { get; } = new(StringComparer.Ordinal);

        public int Count => Fingerprints.Count + Inputs.Count;

        public static bool CanWrite(VersionInputs inputs) =>
            IsWritablePath(inputs.PagePath)
            && inputs.Dependencies.All(d => IsWritablePath(d.Path))
            && inputs.Partials.All(p => IsWritablePath(p.Path));

        public byte[] Format()
        {
            var text = new StringBuilder();
            foreach (var blob in Fingerprints.Keys.Order(StringComparer.Ordinal))
            {
                var fingerprint = Fingerprints[blob];
                text.Append("f ").Append(blob).Append(' ').Append(fingerprint.Length).Append(' ').Append(fingerprint.Sha256).Append('\n');
            }

            foreach (var key in Inputs.Keys.Order(StringComparer.Ordinal))
            {
                var inputs = Inputs[key];
                var commit = key[..key.IndexOf(' ', StringComparison.Ordinal)];
                text.Append("v ").Append(commit).Append(' ').Append(inputs.PageBlob).Append(' ').Append(inputs.GradeDataBlob ?? "-").Append(' ').Append(inputs.PagePath).Append('\n');
                foreach (var (path, blob) in inputs.Dependencies)
                {
                    text.Append("d ").Append(blob).Append(' ').Append(path).Append('\n');
                }

                foreach (var (path, blob) in inputs.Partials)
                {
                    text.Append("p ").Append(blob).Append(' ').Append(path).Append('\n');
                }
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }

        // Null when a line is not of the written shape (or a version's inputs come twice): the whole entry is then ignored.
        public static Facts? Parse(byte[] bytes)
        {
            var facts = new Facts();
            List<(string Path, string Blob)>? dependencies = null;
            List<(string Path, string Blob)>? partials = null;
            foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split(' ', line.StartsWith("v ", StringComparison.Ordinal) ? 5 : line.StartsWith("f ", StringComparison.Ordinal) ? 4 : 3);
                switch (parts[0])
                {
                    case "f" when parts.Length == 4 && IsObjectId(parts[1]) && int.TryParse(parts[2], out var length) && length >= 0
                        && parts[3].Length == 64 && parts[3].All(char.IsAsciiHexDigitUpper):
                        facts.Fingerprints[parts[1]] = new TextFingerprint(length, parts[3]);
                        break;
                    case "v" when parts.Length == 5 && IsObjectId(parts[1]) && IsObjectId(parts[2]) && (parts[3] == "-" || IsObjectId(parts[3])) && IsWritablePath(parts[4]):
                        dependencies = [];
                        partials = [];
                        if (!facts.Inputs.TryAdd(parts[1] + " " + parts[4], new VersionInputs(parts[4], parts[2], parts[3] == "-" ? null : parts[3], dependencies, partials, string.Empty)))
                        {
                            return null;
                        }

                        break;
                    case "d" when parts.Length == 3 && dependencies is not null && partials!.Count == 0 && IsObjectId(parts[1]) && IsWritablePath(parts[2]):
                        dependencies.Add((parts[2], parts[1]));
                        break;
                    case "p" when parts.Length == 3 && partials is not null && IsObjectId(parts[1]) && IsWritablePath(parts[2]):
                        partials.Add((parts[2], parts[1]));
                        break;
                    default:
                        return null;
                }
            }

            return facts;
        }

        private static bool IsWritablePath(string path) => path.Length > 0 && !path.Contains('\n', StringComparison.Ordinal);

        // Git object ids: hex (SHA-1 or SHA-256).
        private static bool IsObjectId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
    }
}
