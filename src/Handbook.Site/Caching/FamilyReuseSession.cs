namespace Handbook.Site.Caching;

using System.Collections.Concurrent;
using Handbook.JobFamilies.Reuse;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;

/// <summary>
/// One build's per-family reuse (issue 9): the plan (<see cref="RebuildPlanner"/>) from the stored index and this
/// build's keys, the restored states, what the first half reports (to store each rebuilt family's diagnostics), and the
/// index entries of this build. A build whose rebuilt families turn out to change what other pages resolve to
/// (<see cref="Abandon"/>) is cancelled and run again as a full one (<see cref="AsFull"/>).
/// </summary>
public sealed class FamilyReuseSession
{
    /// <summary>Marks a document restored from its stored state: the first half's stages do not see it.</summary>
    public static readonly MetadataKey<FamilyState> Restored = new("family-reuse.restored");

    /// <summary>
    /// The key of a family page's stored state (restored or stored in this build): the SHA-256 of the state's bytes,
    /// so of everything the stages after <c>RenderBodyHtml</c> read of the family's model and body. A page built from
    /// another model has another key. Set by <see cref="StoreFamilyStates"/>; absent when no state was stored.
    /// </summary>
    public static readonly MetadataKey<string> StateKey = new("family-reuse.state-key");

    private readonly Dictionary<string, IndexedFamily> _stored;
    private readonly ConcurrentQueue<Diagnostic> _firstHalf = new();
    private readonly ConcurrentDictionary<string, IndexedFamily> _built = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _abandon = new();
    private readonly Lazy<ILookup<string, Diagnostic>> _firstHalfByPath;
    private string? _abandonReason;

    private FamilyReuseSession(FamilyReuseStore store, FamilyReuseKey key, RebuildPlan plan, Dictionary<string, IndexedFamily> stored, IReadOnlyDictionary<string, FamilyState> restored)
    {
        Store = store;
        Key = key;
        Plan = plan;
        _stored = stored;
        RestoredStates = restored;
        _firstHalfByPath = new Lazy<ILookup<string, Diagnostic>>(() => _firstHalf.ToLookup(d => d.Location.Path, StringComparer.Ordinal));
    }

    public FamilyReuseStore Store { get; }

    public FamilyReuseKey Key { get; }

    public RebuildPlan Plan { get; }

    /// <summary>Source path → the state a restored family is taken from (empty for a full build).</summary>
    public IReadOnlyDictionary<string, FamilyState> RestoredStates { get; }

    /// <summary>Cancelled when the build must start again as a full one.</summary>
    public CancellationToken AbandonToken => _abandon.Token;

    /// <summary>Why the partial build was abandoned (null while it was not).</summary>
    public string? AbandonReason => _abandonReason;

    /// <summary>
    /// The session of a build: partial when the stored index has this build-wide key and every family to restore reads
    /// back; otherwise full (every family built and stored).
    /// </summary>
    public static FamilyReuseSession Open(FamilyReuseStore store, FamilyReuseKey key)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        if (!store.TryLoadIndex(out var index))
        {
            return Full(store, key, "no stored family state");
        }

        if (!string.Equals(index.BuildKey, key.BuildKey, StringComparison.Ordinal))
        {
            return Full(store, key, "the build-wide key changed");
        }

        var stored = new Dictionary<string, IndexedFamily>(StringComparer.Ordinal);
        foreach (var family in index.Families)
        {
            stored.TryAdd(family.SourcePath, family);
        }

        var plan = RebuildPlanner.Plan(
            index.Families.Select(f => new StoredFamilyRecord(f.SourcePath, f.TextHash, f.Targets)).ToList(),
            key.TextHashes,
            index.Families.Where(f => f.EntryKey.Length == 0).Select(f => f.SourcePath).ToHashSet(StringComparer.Ordinal));
        if (plan.IsFull)
        {
            return Full(store, key, plan.Reason);
        }

        var restored = new ConcurrentDictionary<string, FamilyState>(StringComparer.Ordinal);
        var damaged = 0;
        Parallel.ForEach(plan.Restore, path =>
        {
            if (store.TryRestore(stored[path].EntryKey, out var state) && string.Equals(state.Path.SourcePath, path, StringComparison.Ordinal))
            {
                restored[path] = state;
            }
            else
            {
                Interlocked.Increment(ref damaged);
            }
        });

        // A missing or damaged entry: its family and everything planned around it would need planning again; building
        // everything is the simple safe answer (and stores every family afresh).
        return damaged > 0
            ? Full(store, key, "a stored family state is missing or damaged")
            : new FamilyReuseSession(store, key, plan, stored, restored);
    }

    /// <summary>A session that builds and stores every family (after an abandoned partial build).</summary>
    public FamilyReuseSession AsFull(string reason) => Full(Store, Key, reason);

    public static bool IsRestored(Document document) => document.Metadata.Contains(Restored);

    /// <summary>The stored names of a family, when the stored index has it.</summary>
    public bool TryGetStoredSignature(string sourcePath, out FamilySignature signature)
    {
        signature = null!;
        if (Plan.IsFull || !_stored.TryGetValue(sourcePath, out var family))
        {
            return false;
        }

        signature = family.Signature;
        return true;
    }

    /// <summary>Ends the partial build: it is cancelled, and the caller runs a full one.</summary>
    public void Abandon(string reason)
    {
        Interlocked.CompareExchange(ref _abandonReason, reason, null);
        _abandon.Cancel();
    }

    /// <summary>What a first-half stage reported (collected to store each rebuilt family's own diagnostics).</summary>
    public void RecordFirstHalf(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            _firstHalf.Enqueue(diagnostic);
        }
    }

    /// <summary>The first-half diagnostics located in <paramref name="sourcePath"/>, in the order reported.</summary>
    /// <remarks>Grouped once, on the first call (after the first half): looking through every diagnostic per family was quadratic.</remarks>
    public IReadOnlyList<Diagnostic> FirstHalfDiagnosticsOf(string sourcePath) => _firstHalfByPath.Value[sourcePath].ToList();

    /// <summary>
    /// True when every first-half diagnostic is located in a family page: only then can each be given to the family it
    /// belongs to. (A diagnostic in a partial or the grade table may come from a family that a later build restores.)
    /// </summary>
    public bool FirstHalfDiagnosticsAreAttributable() => _firstHalf.All(d => Key.TextHashes.ContainsKey(d.Location.Path));

    /// <summary>A family's index entry, from this build's state or (restored) the stored one.</summary>
    public void Record(IndexedFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        _built[family.SourcePath] = family;
    }

    /// <summary>The stored index entry of a restored family.</summary>
    public IndexedFamily StoredEntryOf(string sourcePath) => _stored[sourcePath];

    /// <summary>
    /// Saves this build's index when every family page has an entry and every first-half diagnostic could be given to
    /// its family; otherwise saves an index no build matches, so the next build builds every family.
    /// </summary>
    public void SaveIndex()
    {
        var complete = Key.TextHashes.Keys.All(_built.ContainsKey) && FirstHalfDiagnosticsAreAttributable();
        var families = complete ? Key.TextHashes.Keys.Select(p => _built[p]).ToList() : [];
        Store.SaveIndex(new FamilyReuseIndex(complete ? Key.BuildKey : string.Empty, families));
    }

    /// <summary>What this session built and restored, for the build's report.</summary>
    public FamilyReuseOutcome Outcome() => new(
        Plan.Rebuild.Order(StringComparer.Ordinal).ToList(),
        RestoredStates.Keys.Order(StringComparer.Ordinal).ToList(),
        Plan.IsFull ? Plan.Reason : null);

    private static FamilyReuseSession Full(FamilyReuseStore store, FamilyReuseKey key, string reason) =>
        new(store, key, RebuildPlan.Full(reason, key.TextHashes.Keys), [], new Dictionary<string, FamilyState>(StringComparer.Ordinal));
}
