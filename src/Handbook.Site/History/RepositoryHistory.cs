namespace Handbook.Site.History;

using System.Buffers;
using System.Collections.Concurrent;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using LibGit2Sharp;

/// <summary>
/// Reads the git history of the input folder: which commits changed which job-family page, following renames and
/// moves between departments, and which grade data each commit had. The whole history is read in ONE walk over the
/// commits (not one <c>git log</c> per file).
/// <para>
/// The rule (see README.md): every commit reachable from HEAD is visited once, parents before
/// children (topological order, committer time among independent commits). Each commit's <c>job-families</c> tree
/// is diffed against its first parent (rename detection on) – and, for a merge, against its other parents too.
/// A page whose content differs from the first parent's is a version, unless (as in git log's history
/// simplification) a merge has exactly the content of one of its other parents: then the change was made on the
/// merged branch and was counted there, at the commit that made it. A pure rename or move (same content) is not a
/// version. When a merge keeps the first parent's content of a page
/// and so throws away a branch's edits of it, the versions made only on that branch are dropped again, so the
/// newest version of a family is always its content at HEAD.
/// </para>
/// Not thread-safe by itself: every public member takes a lock, since libgit2 handles are not meant for concurrent use.
/// </summary>
public sealed class RepositoryHistory : IDisposable
{
    private const string GradeDataPath = "data/job-grades.yml";

    private static readonly CompareOptions DiffOptions = new()
    {
        Similarity = new SimilarityOptions
        {
            RenameDetectionMode = RenameDetectionMode.Renames,
            // A department move renames every page of the department in one commit; libgit2's default limit
            // (200 files) would silently turn such a move into deletes and adds.
            RenameLimit = 10_000,
        },
        ContextLines = 0,
    };

    private readonly Repository _repository;
    private readonly string _prefix;
    private readonly Lock _gate = new();

    // The files below each subtree already listed (by tree id, its path and the two filters): consecutive commits
    // share most subtrees, so listing the input of every commit a version renders walks only the changed folders.
    private readonly Dictionary<SubtreeListing, List<(string Path, string BlobSha)>> _listed = [];

    // Each blob decoded once per build like an input file: folding compares every version's text, and rendering,
    // the current-page check and the link scan read the same blobs again (issue 9: each read is a git object
    // lookup and inflate).
    private readonly ConcurrentDictionary<string, Lazy<string?>> _inputTexts = new(StringComparer.Ordinal);

    // The blobs met as tree entries (each version's page, each listed input file, each commit's grade data), by id,
    // not read yet. libgit2 keeps no blob in its object cache, so every lookup of a blob inflates all of it again, and
    // Lookup<Blob> is one such read before the two that reading a blob's content makes (its size, then its content): a
    // blob taken from its tree entry is read twice instead of three times (issue 9). Guarded by _gate.
    private readonly Dictionary<string, Blob> _treeBlobs = new(StringComparer.Ordinal);

    // The path the filtered read looks attributes up for: none of the repository's files, so usually no filter applies.
    private static readonly FilteringOptions UnfilteredHint = new(".handbook-site-blob");

    /// <summary>
    /// False in the published tool, which is compiled ahead of time (Native AOT, issue 9): LibGit2Sharp passes the
    /// buffer libgit2 fills with a filtered blob as a class instance, which the JIT's marshalling pins (libgit2 writes
    /// into it) and ahead-of-time marshalling copies in only, so the read came back empty (an
    /// <c>ArgumentNullException</c> from <c>UnmanagedMemoryStream</c>). The raw read, a pointer libgit2 returns, works in both.
    /// </summary>
    private static readonly bool FilteredReadsWork = System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported;

    private RepositoryHistory(Repository repository, string prefix, bool isShallow)
    {
        _repository = repository;
        _prefix = prefix;
        IsShallow = isShallow;
    }

    /// <summary>True when the repository is a shallow clone (history before the clone's depth is not visible).</summary>
    public bool IsShallow { get; }

    /// <summary>
    /// Opens the repository enclosing <paramref name="inputFolder"/>. Returns null – after reporting one info
    /// diagnostic – when there is none, it has no commits or it cannot be read; the build then goes on without
    /// history. A shallow clone is reported once and used as far as it goes.
    /// </summary>
    public static RepositoryHistory? Open(string inputFolder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(inputFolder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var input = Path.GetFullPath(inputFolder);
        var workTree = FindWorkTree(input);
        if (workTree is null)
        {
            diagnostics.Report(HistoryCodes.Info(
                HistoryCodes.NoRepository,
                "no git repository: history disabled",
                "build from a git checkout (not an exported copy) to get versioned pages"));
            return null;
        }

        Repository? repository = null;
        try
        {
            // libgit2 hashes every object it reads (SHA-1 with collision detection) to compare it with its id: in a cold
            // versioned build of the replayed history ≈ 15 ms of CPU, most of what versions cost in libgit2 besides
            // inflating (issue 9; every blob is read twice, its size and then its content). git itself reads objects
            // without hashing them again; a damaged object file still fails the inflate's Adler-32 check.
            GlobalSettings.SetStrictHashVerification(false);
            repository = new Repository(workTree);
            if (repository.Head.Tip is null)
            {
                diagnostics.Report(HistoryCodes.Info(HistoryCodes.NoCommits, "the git repository has no commits yet: history disabled"));
                repository.Dispose();
                return null;
            }

            var shallow = repository.Info.IsShallow;
            if (shallow)
            {
                diagnostics.Report(HistoryCodes.Info(
                    HistoryCodes.ShallowClone,
                    "the git repository is a shallow clone: versions older than the clone's depth are not visible",
                    "fetch the full history (git fetch --unshallow; in GitLab CI set GIT_DEPTH: 0)"));
            }

            var prefix = Path.GetRelativePath(workTree, input).Replace('\\', '/');
            prefix = prefix == "." ? string.Empty : prefix.TrimEnd('/') + "/";
            return new RepositoryHistory(repository, prefix, shallow);
        }
        catch (LibGit2SharpException e)
        {
            repository?.Dispose();
            diagnostics.Report(HistoryCodes.Info(HistoryCodes.Unreadable, $"the git repository cannot be read ({e.Message}): history disabled"));
            return null;
        }
    }

    /// <summary>Walks the history once (see the class remarks for the rule) and returns every family present at HEAD.</summary>
    public HistoryWalkResult Walk()
    {
        lock (_gate)
        {
            return new HistoryWalk(this).Run();
        }
    }

    /// <summary>The text (UTF-8) of a blob found by <see cref="Walk"/>, or null when the repository does not have it.</summary>
    public string? ReadBlobText(string blobSha)
    {
        ArgumentNullException.ThrowIfNull(blobSha);
        lock (_gate)
        {
            return _repository.Lookup<Blob>(blobSha)?.GetContentText();
        }
    }

    /// <summary>
    /// A blob's text decoded exactly like an input file (<see cref="TextDecoder"/>: BOM dropped, CRLF → LF; null when
    /// the blob is missing, binary or not UTF-8), read and decoded once per build.
    /// </summary>
    public string? ReadInputText(string blobSha)
    {
        ArgumentNullException.ThrowIfNull(blobSha);
        return _inputTexts.GetOrAdd(blobSha, sha => new Lazy<string?>(() => DecodeBlob(sha))).Value;
    }

    /// <summary>The bytes of a blob (null when the repository does not have it); decoded by the caller like input files.</summary>
    public byte[]? ReadBlobBytes(string blobSha)
    {
        ArgumentNullException.ThrowIfNull(blobSha);

        // Read into an array of the blob's size: every version's text is read (folding compares them all), and
        // copying through a growing MemoryStream made two more copies of each (issue 9).
        return ReadBlob(blobSha, static size => new byte[size], out _);
    }

    // The blob's bytes go through a pooled buffer into the decoder (the same bytes ReadBlobBytes returns, the tests'
    // oracle): every version's blob is decoded (folding compares them all) and only the text is kept, so an array per
    // blob was garbage at once – allocated early in the build, into fresh memory (issue 9).
    private string? DecodeBlob(string blobSha)
    {
        if (ReadBlob(blobSha, ArrayPool<byte>.Shared.Rent, out var size) is not { } buffer)
        {
            return null;
        }

        try
        {
            return TextDecoder.Decode(buffer.AsSpan(0, size), blobSha, new DiagnosticBag());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads a blob's bytes into the first <paramref name="size"/> bytes of an array <paramref name="allocate"/> gives
    /// for its size (at least that long), or null when the repository does not have it. The repository is read under
    /// the lock; what is done with the bytes is not.
    /// </summary>
    private byte[]? ReadBlob(string blobSha, Func<int, byte[]> allocate, out int size)
    {
        lock (_gate)
        {
            if (_treeBlobs.TryGetValue(blobSha, out var known))
            {
                try
                {
                    return ReadContent(known, allocate, out size);
                }
                catch (LibGit2SharpException)
                {
                    // Missing or unreadable after all: read as before, which says null or fails as it always did.
                }
            }

            var blob = _repository.Lookup<Blob>(blobSha);
            if (blob is null)
            {
                size = 0;
                return null;
            }

            return ReadContent(blob, allocate, out size);
        }
    }

    private static byte[] ReadContent(Blob blob, Func<int, byte[]> allocate, out int size)
    {
        if (ReadUnfiltered(blob, allocate, out size) is { } bytes)
        {
            return bytes;
        }

        using var stream = blob.GetContentStream();
        size = checked((int)blob.Size);
        var buffer = allocate(size);
        stream.ReadExactly(buffer, 0, size);
        return buffer;
    }

    // libgit2 reads a blob object whole (inflated; its hash is not checked, see Open) for every handle on it, and caches
    // no blobs: the raw content stream takes two such reads (the blob's size, then its content), the filtered stream one
    // (its length is the filtered buffer's). Filters (attributes, core.autocrlf) may change the bytes, so they are kept
    // only when they are the blob's content – their git id is the blob's; otherwise (or should filtering fail) null, and
    // the blob is read raw as before (issue 9).
    private static byte[]? ReadUnfiltered(Blob blob, Func<int, byte[]> allocate, out int size)
    {
        if (!FilteredReadsWork)
        {
            size = 0;
            return null;
        }

        try
        {
            using var filtered = blob.GetContentStream(UnfilteredHint);
            // Read straight into the caller's array; one that turns out filtered is dropped (a pooled one is never
            // returned then, which the pool allows – and filters that change a blob are rare).
            size = checked((int)filtered.Length);
            var bytes = allocate(size);
            filtered.ReadExactly(bytes, 0, size);
            if (GitBlobId.Names(blob.Sha, bytes.AsSpan(0, size)))
            {
                return bytes;
            }
        }
        catch (LibGit2SharpException)
        {
            // The raw read says what is wrong, as it always did.
        }

        size = 0;
        return null;
    }

    /// <summary>Remembers a blob met as a tree entry (not read yet), so reading it later skips the lookup. Call under <see cref="_gate"/>.</summary>
    private void RememberTreeBlob(Blob? blob)
    {
        if (blob is not null)
        {
            _treeBlobs.TryAdd(blob.Sha, blob);
        }
    }

    /// <summary>The text of <c>data/job-grades.yml</c> (under the input folder) as of a commit, or null when it had none.</summary>
    public string? ReadGradeData(string commitSha) => ReadFileAt(commitSha, GradeDataPath);

    /// <summary>
    /// The text of any input file (input-relative, '/'-separated – a partial, an include, a data file) as of a
    /// commit, or null when the commit did not have it. Lets a version be rendered entirely "as of" its commit.
    /// </summary>
    public string? ReadFileAt(string commitSha, string inputRelativePath)
    {
        ArgumentNullException.ThrowIfNull(commitSha);
        ArgumentNullException.ThrowIfNull(inputRelativePath);
        lock (_gate)
        {
            var commit = _repository.Lookup<Commit>(commitSha);
            return commit is null ? null : (commit[_prefix + inputRelativePath.TrimStart('/')]?.Target as Blob)?.GetContentText();
        }
    }

    /// <summary>
    /// Every file below the input folder in a commit whose input-relative path <paramref name="include"/> accepts,
    /// with its blob id (input-relative paths, ordinal order). Only folders <paramref name="descendInto"/> accepts
    /// (input-relative, no trailing '/') are walked, so a big repository costs only the input's own subtrees. The
    /// historic build reads a commit's pages, partials and data files from this list; the blob ids name the texts
    /// for memoising and caching.
    /// </summary>
    public IReadOnlyList<(string Path, string BlobSha)> ListFilesAt(string commitSha, Func<string, bool> descendInto, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(commitSha);
        ArgumentNullException.ThrowIfNull(descendInto);
        ArgumentNullException.ThrowIfNull(include);
        lock (_gate)
        {
            var commit = _repository.Lookup<Commit>(commitSha);
            var root = commit is null ? null
                : _prefix.Length == 0 ? commit.Tree
                : commit[_prefix.TrimEnd('/')]?.Target as Tree;
            var files = root is null ? [] : FilesBelow(root, string.Empty, descendInto, include);

            // In path order, sorting the paths (a tree names each entry once, so a path is one file) rather than the
            // (path, blob) tuples through LINQ: generic code over value types is compiled at run time in every
            // versioned build (ReadyToRun cannot hold it; issue 9).
            var blobs = new Dictionary<string, string>(files.Count, StringComparer.Ordinal);
            var paths = new List<string>(files.Count);
            foreach (var (path, blob) in files)
            {
                blobs.Add(path, blob);
                paths.Add(path);
            }

            paths.Sort(StringComparer.Ordinal);
            var sorted = new List<(string Path, string BlobSha)>(paths.Count);
            foreach (var path in paths)
            {
                sorted.Add((path, blobs[path]));
            }

            return sorted;
        }
    }

    public void Dispose() => _repository.Dispose();

    // A tree's id names its whole content, so a subtree at the same path seen again (with the same filters) has
    // the same files: they are taken from the first listing. The caller copies before sorting; lists are never changed.
    private List<(string Path, string BlobSha)> FilesBelow(Tree tree, string prefix, Func<string, bool> descendInto, Func<string, bool> include)
    {
        var key = new SubtreeListing(tree.Id, prefix, descendInto, include);
        if (_listed.TryGetValue(key, out var known))
        {
            return known;
        }

        var files = new List<(string Path, string BlobSha)>();
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                if (descendInto(path))
                {
                    files.AddRange(FilesBelow((Tree)entry.Target, path + "/", descendInto, include));
                }
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob && include(path))
            {
                files.Add((path, entry.Target.Sha));
                RememberTreeBlob(entry.Target as Blob);
            }
        }

        _listed[key] = files;
        return files;
    }

    // The folder holding .git (a directory, or a file in a worktree/submodule), found by walking up from the input.
    // Working out the input's path inside the repository from its own ancestors avoids comparing it with the path
    // libgit2 reports, which may differ through symbolic links.
    private static string? FindWorkTree(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The state of one walk: per-commit path → lineage maps, the lineages and the versions found.</summary>
    private sealed class HistoryWalk(RepositoryHistory owner)
    {
        private readonly Repository _repo = owner._repository;
        private readonly string _familiesPath = owner._prefix + FamilyPagePath.Root.TrimEnd('/');
        private readonly string _gradePath = owner._prefix + GradeDataPath;
        private readonly LineageSet _lineages = new();
        private readonly Dictionary<string, Dictionary<string, int>> _states = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _pendingChildren = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _gradeBlobs = new(StringComparer.Ordinal);
        // Per lineage root: the blob of its latest version in walk order and that version's position in _versions.
        // A merge whose content differs from it although the first parent's is unchanged threw a branch's edit away.
        private readonly Dictionary<int, (string Blob, int Sequence)> _latest = [];
        private readonly List<VersionEntry> _versions = [];
        private readonly List<GradeDataChange> _gradeChanges = [];

        public HistoryWalkResult Run()
        {
            var head = _repo.Head.Tip;
            var commits = _repo.Commits.QueryBy(new CommitFilter
            {
                IncludeReachableFrom = head,
                SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse,
            }).ToList();

            foreach (var commit in commits)
            {
                foreach (var parent in commit.Parents)
                {
                    _pendingChildren[parent.Sha] = _pendingChildren.GetValueOrDefault(parent.Sha) + 1;
                }
            }

            foreach (var commit in commits)
            {
                Visit(commit);
            }

            return new HistoryWalkResult(Families(_states[head.Sha]), _gradeChanges, commits.Count, owner.IsShallow);
        }

        private void Visit(Commit commit)
        {
            var parents = commit.Parents.ToList();
            var tree = FamiliesTree(commit);
            var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
            Dictionary<string, int> state;
            if (parents.Count == 0)
            {
                // A root commit – or the boundary of a shallow clone: its pages are "added" here.
                state = Apply([], Diff(null, tree), candidates);
            }
            else
            {
                state = Apply(StateOf(parents[0]), Diff(FamiliesTree(parents[0]), tree), candidates);
                var changedFromFirst = candidates.Keys.ToHashSet(StringComparer.Ordinal);
                foreach (var other in parents.Skip(1))
                {
                    var differsFromOther = JoinMergedParent(StateOf(other), Diff(FamiliesTree(other), tree), state);
                    DropDiscardedBranchVersions(parents[0], other, state, changedFromFirst, differsFromOther);

                    // Content equal to this parent's came from the merged branch and was counted there.
                    foreach (var path in candidates.Keys.Where(p => !differsFromOther.ContainsKey(p)).ToList())
                    {
                        candidates.Remove(path);
                    }
                }
            }

            _states[commit.Sha] = state;
            RecordGradeData(commit, parents);
            foreach (var path in InPathOrder(candidates.Keys))
            {
                if (state.TryGetValue(path, out var lineage))
                {
                    Record(commit, _lineages.Find(lineage), path, candidates[path]);
                }
            }

            foreach (var parent in parents)
            {
                if ((_pendingChildren[parent.Sha] -= 1) == 0)
                {
                    // Every child has been visited: the parent's map is no longer needed.
                    _states.Remove(parent.Sha);
                }
            }
        }

        // The first parent's path → lineage map, carried through this commit's changes. Unchanged maps are shared.
        private Dictionary<string, int> Apply(
            Dictionary<string, int> parentState, List<TreeEntryChanges> changes, Dictionary<string, string> candidates)
        {
            if (changes.Count == 0)
            {
                return parentState;
            }

            var state = new Dictionary<string, int>(parentState, StringComparer.Ordinal);
            var deleted = new List<PageBlob>();
            var added = new List<PageBlob>();
            foreach (var change in changes)
            {
                var path = PagePath(change.Path);
                var oldPath = PagePath(change.OldPath);
                var isPage = FamilyPagePath.IsPage(path);
                var wasPage = FamilyPagePath.IsPage(oldPath);
                switch (change.Status)
                {
                    case ChangeKind.Deleted:
                        if (wasPage)
                        {
                            deleted.Add(new PageBlob(oldPath, change.OldOid.Sha));
                        }

                        break;
                    case ChangeKind.Renamed when wasPage && isPage:
                        state[path] = state.Remove(oldPath, out var moved) ? moved : _lineages.Create();
                        if (change.Oid != change.OldOid)
                        {
                            // A pure rename keeps the content: not a version.
                            candidates[path] = change.Oid.Sha;
                        }

                        break;
                    case ChangeKind.Added:
                    case ChangeKind.Renamed:
                    case ChangeKind.Copied:
                        // A rename where only one side is a page (a page became a partial, or the reverse).
                        if (wasPage && change.Status == ChangeKind.Renamed)
                        {
                            deleted.Add(new PageBlob(oldPath, change.OldOid.Sha));
                        }

                        if (isPage)
                        {
                            added.Add(new PageBlob(path, change.Oid.Sha));
                        }

                        break;
                    default:
                        if (isPage && change.Oid != change.OldOid)
                        {
                            if (!state.ContainsKey(path))
                            {
                                state[path] = _lineages.Create();
                            }

                            candidates[path] = change.Oid.Sha;
                        }

                        break;
                }
            }

            foreach (var (from, to) in PageMoves.Pair(deleted, added))
            {
                state[to.Path] = state.Remove(from.Path, out var moved) ? moved : _lineages.Create();
                if (from.Blob != to.Blob)
                {
                    candidates[to.Path] = to.Blob;
                }
            }

            foreach (var gone in deleted)
            {
                state.Remove(gone.Path);
            }

            foreach (var page in added)
            {
                state[page.Path] = _lineages.Create();
                candidates[page.Path] = page.Blob;
            }

            return state;
        }

        // A merge's other parent: its lineages for the same page join this commit's. Returns the pages (path at this
        // commit → blob here) whose content differs from that parent's.
        private Dictionary<string, string> JoinMergedParent(
            Dictionary<string, int> parentState, List<TreeEntryChanges> changes, Dictionary<string, int> state)
        {
            var differs = new Dictionary<string, string>(StringComparer.Ordinal);
            var renamedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var change in changes)
            {
                var path = PagePath(change.Path);
                if (change.Status == ChangeKind.Deleted || !FamilyPagePath.IsPage(path))
                {
                    continue;
                }

                if (change.Status == ChangeKind.Renamed)
                {
                    renamedFrom[path] = PagePath(change.OldPath);
                }

                if (change.Status != ChangeKind.Renamed || change.Oid != change.OldOid)
                {
                    differs[path] = change.Oid.Sha;
                }
            }

            foreach (var (path, lineage) in state)
            {
                var before = renamedFrom.GetValueOrDefault(path, path);
                if (parentState.TryGetValue(before, out var other))
                {
                    JoinLatest(lineage, other);
                }
            }

            return differs;
        }

        // A merge that keeps the first parent's content of a page although the merged branch had changed it: the
        // branch's versions of that page never reached the main line (git log drops them too). They are dropped when
        // they would otherwise be newer than the content the merge kept.
        private void DropDiscardedBranchVersions(
            Commit first, Commit other, Dictionary<string, int> state, HashSet<string> changedFromFirst, Dictionary<string, string> differsFromOther)
        {
            HashSet<string>? branchOnly = null;
            foreach (var path in InPathOrder(differsFromOther.Keys))
            {
                var blob = differsFromOther[path];
                if (changedFromFirst.Contains(path) || !state.TryGetValue(path, out var lineage))
                {
                    continue;
                }

                var root = _lineages.Find(lineage);
                if (!_latest.TryGetValue(root, out var latest) || latest.Blob == blob)
                {
                    continue;
                }

                // Only now (rarely) list the commits of the merged branch: reachable from it, not from the main line.
                branchOnly ??= _repo.Commits
                    .QueryBy(new CommitFilter { IncludeReachableFrom = other, ExcludeReachableFrom = first })
                    .Select(c => c.Sha)
                    .ToHashSet(StringComparer.Ordinal);
                var dropped = false;
                foreach (var entry in _versions.Where(e => !e.Dropped && branchOnly.Contains(e.Version.CommitSha) && _lineages.Find(e.Lineage) == root))
                {
                    entry.Dropped = true;
                    dropped = true;
                }

                if (dropped)
                {
                    ResetLatest(root);
                }
            }
        }

        private void ResetLatest(int root)
        {
            _latest.Remove(root);
            for (var i = _versions.Count - 1; i >= 0; i--)
            {
                if (!_versions[i].Dropped && _lineages.Find(_versions[i].Lineage) == root)
                {
                    _latest[root] = (_versions[i].Version.BlobSha, i);
                    return;
                }
            }
        }

        private void JoinLatest(int a, int b)
        {
            var x = _lineages.Find(a);
            var y = _lineages.Find(b);
            if (x == y)
            {
                return;
            }

            var root = _lineages.Union(x, y);
            // The joined lineage's latest version is the later of the two.
            var known = new[] { x, y }.Where(_latest.ContainsKey).Select(id => _latest[id]).ToList();
            if (known.Count > 0)
            {
                _latest[root] = known.MaxBy(l => l.Sequence);
            }
        }

        private void Record(Commit commit, int root, string path, string blob)
        {
            _latest[root] = (blob, _versions.Count);
            // Folding reads every version's text: from the tree entry, without a lookup first (the trees are cached).
            if (commit[owner._prefix + path]?.Target is Blob page && page.Sha == blob)
            {
                owner.RememberTreeBlob(page);
            }

            var date = commit.Committer.When.ToUniversalTime();
            _versions.Add(new VersionEntry(root, new PageVersion(
                VersionId.Create(date, commit.Sha),
                commit.Sha,
                date,
                commit.MessageShort,
                string.IsNullOrWhiteSpace(commit.Author.Name) ? null : commit.Author.Name,
                path,
                blob,
                GradeBlob(commit))
            {
                // In a shallow clone the boundary commits show no parents although they have some.
                AtShallowBoundary = owner.IsShallow && !commit.Parents.Any(),
            }));
        }

        private void RecordGradeData(Commit commit, List<Commit> parents)
        {
            var blob = GradeBlob(commit);
            var before = parents.Count == 0 ? null : GradeBlob(parents[0]);
            if (blob != before)
            {
                _gradeChanges.Add(new GradeDataChange(commit.Sha, commit.Committer.When.ToUniversalTime(), commit.MessageShort, blob));
            }
        }

        private List<FamilyHistory> Families(Dictionary<string, int> headState)
        {
            // Loops rather than LINQ over KeyValuePair and int groupings (run-time compiled generic code, issue 9).
            var byRoot = new Dictionary<int, List<PageVersion>>();
            foreach (var entry in _versions)
            {
                if (entry.Dropped)
                {
                    continue;
                }

                var root = _lineages.Find(entry.Lineage);
                if (!byRoot.TryGetValue(root, out var versions))
                {
                    versions = [];
                    byRoot.Add(root, versions);
                }

                versions.Add(entry.Version);
            }

            foreach (var versions in byRoot.Values)
            {
                versions.Reverse(); // newest first
            }

            var families = new List<FamilyHistory>(headState.Count);
            foreach (var path in InPathOrder(headState.Keys))
            {
                families.Add(new FamilyHistory(path, byRoot.GetValueOrDefault(_lineages.Find(headState[path])) ?? []));
            }

            return families;
        }

        private Dictionary<string, int> StateOf(Commit commit)
        {
            if (_states.TryGetValue(commit.Sha, out var state))
            {
                return state;
            }

            // Not visited (outside the walk): start from its tree, each page its own lineage.
            state = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var change in Diff(null, FamiliesTree(commit)))
            {
                var path = PagePath(change.Path);
                if (FamilyPagePath.IsPage(path))
                {
                    state[path] = _lineages.Create();
                }
            }

            return state;
        }

        private string? GradeBlob(Commit commit)
        {
            if (!_gradeBlobs.TryGetValue(commit.Sha, out var sha))
            {
                var blob = commit[_gradePath]?.Target as Blob;
                owner.RememberTreeBlob(blob);
                sha = blob?.Sha;
                _gradeBlobs[commit.Sha] = sha;
            }

            return sha;
        }

        private static List<string> InPathOrder(IEnumerable<string> paths)
        {
            var sorted = new List<string>(paths);
            sorted.Sort(StringComparer.Ordinal);
            return sorted;
        }

        private Tree? FamiliesTree(Commit commit) => commit[_familiesPath]?.Target as Tree;

        private List<TreeEntryChanges> Diff(Tree? before, Tree? after)
        {
            if (before?.Sha == after?.Sha)
            {
                // Same subtree (or none on both sides): nothing under job-families changed – the common case.
                return [];
            }

            return [.. _repo.Diff.Compare<TreeChanges>(before, after, DiffOptions)];
        }

        // Diff paths are relative to the job-families tree; make them input-relative with '/'.
        private static string PagePath(string treePath) =>
            FamilyPagePath.Root + treePath.Replace('\\', '/');

        /// <summary>A version found so far, of a lineage; dropped when a merge discards the branch that made it.</summary>
        private sealed class VersionEntry(int lineage, PageVersion version)
        {
            public int Lineage { get; } = lineage;

            public PageVersion Version { get; } = version;

            public bool Dropped { get; set; }
        }
    }

    /// <summary>What a subtree listing depends on (delegates compare by method and target).</summary>
    // A class, not a struct: a dictionary keyed by a struct is generic code ReadyToRun cannot hold, compiled at run
    // time in every versioned build (issue 9).
    private sealed record SubtreeListing(ObjectId Tree, string Prefix, Func<string, bool> DescendInto, Func<string, bool> Include);
}
