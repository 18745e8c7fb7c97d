namespace Handbook.Site.Versions;

using System.Collections.Concurrent;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Site.Theming;

/// <summary>
/// Produces the <see cref="HistoricContent"/> of every published version: works out each version's inputs as of
/// its commit (<see cref="VersionInputs"/>), takes what the render cache has, renders each distinct set of inputs
/// once, and renders the rest grouped by commit (one in-memory build per commit, pages of a commit share their
/// dependencies), commits in parallel.
/// </summary>
public sealed class VersionRenderer(HistorySession session, JobFamiliesOptions options, VersionRenderCache? cache, string themeHash)
{
    private const string GradeDataPath = "data/job-grades.yml";

    private int _rendered;
    private int _fromCache;
    private int _reused;

    /// <summary>Distinct version contents rendered in this build.</summary>
    public int Rendered => _rendered;

    /// <summary>Distinct version contents taken from the render cache.</summary>
    public int FromCache => _fromCache;

    /// <summary>Distinct version contents equal to a current page's, taken from the current build.</summary>
    public int Reused => _reused;

    public async Task<IReadOnlyDictionary<PageVersion, HistoricContent>> RenderAsync(
        IReadOnlyList<PageVersion> versions, PageViews views, CurrentPages? current, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var inputsOf = versions.ToDictionary(v => v, InputsOf);
        var byKey = inputsOf.GroupBy(kv => VersionRenderCache.KeyOf(kv.Value)).ToList();

        var contents = new ConcurrentDictionary<CacheKey, HistoricContent>();
        var missing = new List<(CacheKey Key, PageVersion Version, VersionInputs Inputs)>();
        foreach (var group in byKey)
        {
            if (current?.Reuse(group.First().Value) is { } same)
            {
                contents[group.Key] = same;
                _reused++;
            }
            else if (cache is not null && cache.TryGet(group.Key, out var cached))
            {
                contents[group.Key] = cached;
                _fromCache++;
            }
            else
            {
                var first = group.First();
                missing.Add((group.Key, first.Key, first.Value));
            }
        }

        var build = new HistoricBuild(options, views);
        var batches = missing.GroupBy(m => m.Version.CommitSha, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var rendered = await RenderCommitAsync(build, batch.ToList(), maxDegreeOfParallelism, token).ConfigureAwait(false);
                foreach (var (key, content) in rendered)
                {
                    contents[key] = content;
                    cache?.Set(key, content);
                    Interlocked.Increment(ref _rendered);
                }
            }).ConfigureAwait(false);

        var result = new Dictionary<PageVersion, HistoricContent>();
        foreach (var group in byKey)
        {
            if (contents.TryGetValue(group.Key, out var content))
            {
                foreach (var (version, _) in group)
                {
                    result[version] = content;
                }
            }
        }

        return result;
    }

    private async Task<List<(CacheKey, HistoricContent)>> RenderCommitAsync(
        HistoricBuild build, List<(CacheKey Key, PageVersion Version, VersionInputs Inputs)> batch, int maxDegreeOfParallelism, CancellationToken token)
    {
        var commit = batch[0].Version.CommitSha;
        var input = session.InputAt(commit);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, version, inputs) in batch)
        {
            files[inputs.PagePath] = inputs.PageBlob;
            foreach (var (path, blob) in inputs.Dependencies.Concat(inputs.Partials))
            {
                files[path] = blob;
            }
        }

        var gradeBlob = input.BlobOf(GradeDataPath);
        if (gradeBlob is not null)
        {
            files[GradeDataPath] = gradeBlob;
        }

        var documents = files
            .Select(f => session.ReadText(f.Value) is { } text ? Document.FromSource(f.Key, text) : null)
            .OfType<Document>()
            .ToList();
        var wanted = batch.Select(b => b.Inputs.PagePath).ToHashSet(StringComparer.Ordinal);
        var rendered = await build.RenderAsync(documents, wanted, gradeBlob is not null, maxDegreeOfParallelism, token).ConfigureAwait(false);
        return batch
            .Where(b => rendered.ContainsKey(b.Inputs.PagePath))
            .Select(b => (b.Key, rendered[b.Inputs.PagePath]))
            .ToList();
    }

    private static bool IsErb(string path) => path.EndsWith(".erb", StringComparison.Ordinal);

    private VersionInputs InputsOf(PageVersion version)
    {
        var input = session.InputAt(version.CommitSha);
        var dependencies = new SortedDictionary<string, string>(StringComparer.Ordinal);
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
            dependencies.Select(d => (d.Key, d.Value)).ToList(),
            usesErb ? input.Partials : [],
            themeHash);
    }
}
