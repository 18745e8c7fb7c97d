namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Documents;
using Handbook.Site.Theming;

/// <summary>
/// Produces the <see cref="HistoricContent"/> of every published version: works out each version's inputs as of
/// its commit (<see cref="VersionInputs"/>), takes what the render cache has, renders each distinct set of inputs
/// once, and renders the rest grouped by commit (one in-memory build per commit, pages of a commit share their
/// dependencies), commits in parallel.
/// </summary>
/// <param name="reusesVersionsOfAgreeingGrades">A version whose grade data differs from the working tree's is taken from the
/// current page when both tables answer its grade lookups alike (<see cref="CurrentPages.Reuse"/>); false renders it
/// (the tests' oracle).</param>
public sealed class VersionRenderer(HistorySession session, JobFamiliesOptions options, VersionRenderCache? cache, string themeHash, bool reusesVersionsOfAgreeingGrades = true)
{
    private const string GradeDataPath = "data/job-grades.yml";

    // A batch of at most this many documents (pages, linked pages, partials, grade data) is rendered on one thread
    // when the batches alone keep every core busy (see WithinBatch).
    private const int SmallBatch = 16;

    private int _rendered;
    private int _fromCache;
    private int _reused;

    /// <summary>Distinct version contents rendered in this build.</summary>
    public int Rendered => _rendered;

    /// <summary>Distinct version contents taken from the render cache.</summary>
    public int FromCache => _fromCache;

    /// <summary>Distinct version contents equal to a current page's, taken from the current build.</summary>
    public int Reused => _reused;

    /// <summary>
    /// Groups <paramref name="versions"/> by their inputs: one render-cache key per group, which names its content
    /// (<see cref="VersionPlan.ContentKeyOf"/>), before anything is looked up or rendered.
    /// </summary>
    /// <param name="views">The views the contents are rendered with: what they read of the build is in each key.</param>
    public VersionPlan Plan(IReadOnlyList<PageVersion> versions, PageViews views)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(views);
        var surroundings = views.FamilyViewSurroundings();

        // Versions with the same inputs (the same cache key) share one content. Keyed by the key's text and held in
        // classes, not tuples or the CacheKey struct: generic code over value types is compiled at run time in every
        // build (ReadyToRun cannot hold it), and this path alone made ~250 such methods (issue 9).
        var groups = new Dictionary<string, SameInputs>(StringComparer.Ordinal);
        var plan = new VersionPlan();
        foreach (var version in versions)
        {
            var inputs = InputsOf(version);
            var key = VersionRenderCache.KeyOf(inputs, surroundings);
            if (!groups.TryGetValue(key.Hex, out var group))
            {
                group = new SameInputs(key, inputs);
                groups.Add(key.Hex, group);
                plan.Groups.Add(group);
            }

            group.Versions.Add(version);
            plan.ByVersion[version] = group;
        }

        return plan;
    }

    /// <summary>
    /// The contents of the planned versions that <paramref name="isNeeded"/> accepts: taken from the current page, the
    /// render cache, or rendered. A group none of whose versions is needed is neither looked up nor rendered; its cache
    /// entry is kept for the next build.
    /// </summary>
    public async Task<IReadOnlyDictionary<PageVersion, HistoricContent>> RenderAsync(
        VersionPlan plan, Func<PageVersion, bool> isNeeded, PageViews views, CurrentPages? current, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(isNeeded);
        var order = new List<SameInputs>(plan.Groups.Count);
        foreach (var group in plan.Groups)
        {
            if (group.Versions.Exists(v => isNeeded(v)))
            {
                order.Add(group);
            }
            else
            {
                cache?.Keep(group.Key);
            }
        }

        // One table per distinct grade data text, shared by the current-page check and the renders.
        var gradeTables = new HistoricGradeTables();
        var missing = new List<SameInputs>();
        foreach (var group in order)
        {
            if (current?.Reuse(group.Inputs, reusesVersionsOfAgreeingGrades ? gradeTables : null) is { } same)
            {
                group.Content = same;
                _reused++;
            }
            else if (cache is not null && cache.TryGet(group.Key, out var cached))
            {
                group.Content = cached;
                _fromCache++;
            }
            else
            {
                missing.Add(group);
            }
        }

        var build = new HistoricBuild(options, views, gradeTables);
        var batches = ByCommit(missing);
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                await RenderCommitAsync(build, batch, batches.Count, maxDegreeOfParallelism, token).ConfigureAwait(false);
                foreach (var group in batch)
                {
                    if (group.Content is { } content)
                    {
                        cache?.Set(group.Key, content);
                        Interlocked.Increment(ref _rendered);
                    }
                }
            }).ConfigureAwait(false);

        // Every version of the build was looked up or rendered: the cache's pack is written once, here, and so are the
        // facts the lookups needed (every version's inputs, the blobs the current-page check compared).
        cache?.SaveEntriesOfThisBuild();
        session.Facts.Save();

        var result = new Dictionary<PageVersion, HistoricContent>();
        foreach (var group in order)
        {
            if (group.Content is { } content)
            {
                foreach (var version in group.Versions)
                {
                    result[version] = content;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// How many threads one commit batch's stages use. Batches already run in parallel: when there are at least as many
    /// batches as threads, a small batch runs its stages on its own thread – a batch is typically a few pages (the
    /// replayed history: 90 versions and their linked pages, 165 documents in 45 batches), and splitting each of its
    /// eight stages over the cores again only paid for handing one or two pages to another thread and waking it,
    /// hundreds of times a build (issue 9). A big batch (a commit that imported many pages later edited) and a build
    /// with fewer batches than threads keep the parallelism inside the batch, so no batch is left to one thread while
    /// the others idle. The result does not depend on it (the stages' output never depends on parallelism; tested).
    /// </summary>
    internal static int WithinBatch(int batches, int documents, int maxDegreeOfParallelism) =>
        batches >= maxDegreeOfParallelism && documents <= SmallBatch ? 1 : maxDegreeOfParallelism;

    // The groups to render, one list per commit (in the order the commits first appear).
    private static List<List<SameInputs>> ByCommit(List<SameInputs> missing)
    {
        var byCommit = new Dictionary<string, List<SameInputs>>(StringComparer.Ordinal);
        var batches = new List<List<SameInputs>>();
        foreach (var group in missing)
        {
            var commit = group.Versions[0].CommitSha;
            if (!byCommit.TryGetValue(commit, out var batch))
            {
                batch = [];
                byCommit.Add(commit, batch);
                batches.Add(batch);
            }

            batch.Add(group);
        }

        return batches;
    }

    private async Task RenderCommitAsync(HistoricBuild build, List<SameInputs> batch, int batches, int maxDegreeOfParallelism, CancellationToken token)
    {
        var commit = batch[0].Versions[0].CommitSha;
        var input = session.InputAt(commit);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in batch)
        {
            var inputs = group.Inputs;
            files[inputs.PagePath] = inputs.PageBlob;
            wanted.Add(inputs.PagePath);
            foreach (var file in inputs.Dependencies)
            {
                files[file.Path] = file.Blob;
            }

            foreach (var file in inputs.Partials)
            {
                files[file.Path] = file.Blob;
            }
        }

        var gradeBlob = input.BlobOf(GradeDataPath);
        if (gradeBlob is not null)
        {
            files[GradeDataPath] = gradeBlob;
        }

        var documents = new List<Document>(files.Count);
        foreach (var path in InPathOrder(files))
        {
            if (session.ReadText(files[path]) is { } text)
            {
                documents.Add(Document.FromSource(path, text));
            }
        }

        var rendered = await build.RenderAsync(documents, wanted, gradeBlob is not null, WithinBatch(batches, documents.Count, maxDegreeOfParallelism), token).ConfigureAwait(false);
        foreach (var group in batch)
        {
            if (rendered.TryGetValue(group.Inputs.PagePath, out var content))
            {
                group.Content = content;
            }
        }
    }

    private static bool IsErb(string path) => path.EndsWith(".erb", StringComparison.Ordinal);

    // Stored across builds under --cache (HistoryFacts): working them out lists the commit's tree and reads the blobs.
    private VersionInputs InputsOf(PageVersion version) =>
        session.Facts.InputsOf(version.CommitSha, version.PathAtCommit, version.BlobSha, version.GradeDataBlobSha, themeHash, () => WorkOutInputs(version));

    private VersionInputs WorkOutInputs(PageVersion version)
    {
        var input = session.InputAt(version.CommitSha);
        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<string>([version.BlobSha]);
        while (pending.Count > 0)
        {
            foreach (var url in session.FamilyUrlsIn(pending.Dequeue()))
            {
                if (input.PageAt(url) is { } page
                    && !string.Equals(page, version.PathAtCommit, StringComparison.Ordinal)
                    && !dependencies.ContainsKey(page)
                    && input.BlobOf(page) is { } blob)
                {
                    dependencies[page] = blob;
                    pending.Enqueue(blob);
                }
            }
        }

        // Partials reach a page only through ERB, which is expanded only in .erb pages.
        var usesErb = IsErb(version.PathAtCommit) || dependencies.Keys.Any(IsErb);
        return new VersionInputs(
            version.PathAtCommit,
            version.BlobSha,
            version.GradeDataBlobSha,
            PathBlobs(dependencies),
            usesErb ? input.Partials : [],
            themeHash);
    }

    // (path, blob) in ordinal path order.
    private static List<(string Path, string Blob)> PathBlobs(Dictionary<string, string> files)
    {
        var list = new List<(string Path, string Blob)>(files.Count);
        foreach (var path in InPathOrder(files))
        {
            list.Add((path, files[path]));
        }

        return list;
    }

    // Sorted path lists rather than SortedDictionary: its nodes are generic over KeyValuePair, a value type, whose code
    // ReadyToRun cannot hold (compiled at run time in every versioned build; issue 9).
    private static List<string> InPathOrder(Dictionary<string, string> files)
    {
        var paths = new List<string>(files.Keys);
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <summary>The versions of a build grouped by their inputs (<see cref="Plan"/>).</summary>
    public sealed class VersionPlan
    {
        internal List<SameInputs> Groups { get; } = [];

        internal Dictionary<PageVersion, SameInputs> ByVersion { get; } = [];

        /// <summary>The render-cache key of <paramref name="version"/>'s inputs: it names the version's content.</summary>
        public Handbook.Pipeline.Caching.CacheKey ContentKeyOf(PageVersion version) => ByVersion[version].Key;
    }

    /// <summary>Versions whose inputs are the same (one render, one cache entry) and, once known, their content.</summary>
    internal sealed class SameInputs(Handbook.Pipeline.Caching.CacheKey key, VersionInputs inputs)
    {
        public Handbook.Pipeline.Caching.CacheKey Key { get; } = key;

        public VersionInputs Inputs { get; } = inputs;

        public List<PageVersion> Versions { get; } = [];

        public HistoricContent? Content { get; set; }
    }
}
